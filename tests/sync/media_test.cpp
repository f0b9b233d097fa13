// Media: fetched by hash, checked before being kept, re-fetched when damaged, evicted under a
// budget without touching what current data shows.
#include <fstream>

#include "gongshi/sync/media.hpp"
#include "gongshi/text.hpp"
#include "sync_test_util.hpp"

namespace gongshi::test {
namespace {

namespace fs = std::filesystem;

class MediaTest : public ServerSuite {
protected:
    void SetUp() override {
        auto s = settings();
        s.media.dir.clear();  // the fetcher under test does the media
        session_ = open_session(s);
        ASSERT_FALSE(session_->run_cycle().failure());
    }

    sync::MediaReport fetch(const sync::MediaConfig& config) {
        sync::MediaFetcher fetcher(http_, api_, config);
        return fetcher.sync(referenced());
    }
    std::set<std::string> referenced() { return sync::referenced_media(session_->cache(), clock_.unix_now()); }
    sync::MediaConfig config() const { return {dir_.path() / "media", 512u << 20, 4096}; }

    static void write(const fs::path& path, const std::string& bytes) {
        std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    }
    static std::string read(const fs::path& path) {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }

    // A reward showing a picture the server has, so current data references it.
    std::string reward_with_new_picture(const std::string& bytes) {
        const std::string sha = add_media(server(), bytes);
        auto reward = std::get<Reward>(entities_of(server_state(server()), EntityKind::reward).at(0));
        reward.image = sha;
        put_entity(server(), reward);
        EXPECT_FALSE(session_->run_cycle().failure());
        return sha;
    }

    std::unique_ptr<sync::SyncSession> session_;
    sync::ServerApi api_{server().base_url(), kCommunity, server().kiosk_token()};
    sync::HttpClient http_{test_http()};
};

TEST_F(MediaTest, FetchesWhatCurrentDataShowsVerifiedByHash) {
    const auto refs = referenced();
    std::set<std::string> expected;
    for (const auto& e : entities_of(server_state(server()), EntityKind::member))
        if (const auto& photo = std::get<Member>(e).photo) expected.insert(*photo);
    for (const auto& e : entities_of(server_state(server()), EntityKind::reward))
        if (const auto& image = std::get<Reward>(e).image) expected.insert(*image);
    for (const auto& id : expected) EXPECT_TRUE(refs.contains(id)) << id;
    ASSERT_FALSE(refs.empty());

    const auto report = fetch(config());
    ASSERT_FALSE(report.failure) << report.failure->message;
    EXPECT_EQ(report.fetched, static_cast<int>(refs.size()));
    for (const auto& id : refs) EXPECT_EQ(sha256_hex(read(config().dir / id)), id);
    EXPECT_EQ(fetch(config()).fetched, 0) << "fetched once, then kept";
}

TEST_F(MediaTest, ADamagedFileIsFetchedAgain) {
    ASSERT_FALSE(fetch(config()).failure);
    const std::string victim = *referenced().begin();
    const fs::path path = config().dir / victim;
    const std::string good = read(path);
    write(path, good.substr(0, good.size() / 2));  // torn by a power cut

    const auto report = fetch(config());
    EXPECT_EQ(report.fetched, 1);
    EXPECT_EQ(report.refetched, 1);
    EXPECT_EQ(read(path), good);
}

TEST_F(MediaTest, EvictsOldUnreferencedFilesUnderTheBudgetButNeverCurrentOnes) {
    ASSERT_FALSE(fetch(config()).failure);
    std::uintmax_t in_use = 0;
    for (const auto& id : referenced()) in_use += fs::file_size(config().dir / id);
    std::vector<std::string> stale;
    for (int i = 0; i < 5; ++i) {
        const std::string bytes = png_bytes(40, 40, 10 + i);
        stale.push_back(sha256_hex(bytes));
        write(config().dir / stale.back(), bytes);
        fs::last_write_time(config().dir / stale.back(),
                            fs::file_time_type::clock::now() - std::chrono::hours(10 - i));  // [0] is the oldest
    }
    const std::uintmax_t stale_size = fs::file_size(config().dir / stale[0]);

    auto budget = config();
    budget.budget_bytes = in_use + 2 * stale_size + stale_size / 2;  // room for two of the five
    const auto report = fetch(budget);
    EXPECT_EQ(report.evicted, 3);
    for (int i = 0; i < 3; ++i) EXPECT_FALSE(fs::exists(config().dir / stale[static_cast<std::size_t>(i)])) << i;
    for (int i = 3; i < 5; ++i) EXPECT_TRUE(fs::exists(config().dir / stale[static_cast<std::size_t>(i)])) << i;

    budget.budget_bytes = 1;  // far too small: everything unreferenced goes, nothing in use does
    fetch(budget);
    for (const auto& id : referenced()) EXPECT_TRUE(fs::exists(config().dir / id)) << id;
    for (const auto& id : stale) EXPECT_FALSE(fs::exists(config().dir / id)) << id;
}

TEST_F(MediaTest, RejectsPicturesBeyondTheDimensionCap) {
    const std::string sha = reward_with_new_picture(png_bytes(100, 100, 3));
    auto small = config();
    small.max_side = 64;
    const auto report = fetch(small);
    EXPECT_GE(report.rejected, 1);
    EXPECT_FALSE(fs::exists(small.dir / sha));
}

TEST_F(MediaTest, ACorruptOrTruncatedDownloadIsNeverKept) {
    const std::string sha = reward_with_new_picture(png_bytes(30, 30, 4));
    for (const char* kind : {"corrupt_json", "truncate"}) {
        add_fault(server(), {{"route", "media"}, {"kind", kind}});
        const auto report = fetch(config());
        EXPECT_GE(report.rejected, 1) << kind;
        EXPECT_FALSE(fs::exists(config().dir / sha)) << kind;
        clear_faults(server());
    }
    EXPECT_EQ(fetch(config()).rejected, 0);
    EXPECT_EQ(sha256_hex(read(config().dir / sha)), sha);
}

}  // namespace
}  // namespace gongshi::test
