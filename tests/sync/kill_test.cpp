// kill -9 of `gongshi-sync --once` at random moments: during the first full sync, during
// incremental syncs, during a resync after 410 Gone (injected: see pull_test.cpp for the purge
// horizon), and while the outbox is delivered.
// After every kill:
//   - both SQLite files pass PRAGMA integrity_check;
//   - the cache's cursor is a page boundary and the data is exactly the data of that boundary
//     (the cursor never points past the data, and never lags behind it);
//   - while a resync is in progress, readers still see exactly the data from before it;
// and at the end of each phase the cache equals the server, and every wish is on the server once.
//
// CI mode (default): the community preset, at least 100 kills, well under a minute.
// Full mode: GONGSHI_KILL_TEST_FULL=1 runs the district preset with bigger pages (slow: many
// minutes). GONGSHI_KILL_TEST_SEED=N repeats a run's random moments.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <fcntl.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <thread>

#include "gongshi/text.hpp"
#include "sync_test_util.hpp"

extern char** environ;

namespace gongshi::test {
namespace {

using namespace std::chrono_literals;

struct Mode {
    std::string preset;
    std::string community;
    int page_limit;
    int min_kills;
    std::chrono::milliseconds max_delay;  // kills land uniformly in [1 ms, max_delay] after the start
    int kills_per_phase;                  // then the phase's run may complete
    int edits_per_phase;
};

Mode mode() {
    if (const char* full = std::getenv("GONGSHI_KILL_TEST_FULL"); full && std::string(full) == "1")
        return {"district", "c-district", 2000, 100, 3000ms, 25, 2000};
    return {"community", kCommunity, 20, 100, 120ms, 15, 300};
}

std::uint64_t seed() {
    if (const char* s = std::getenv("GONGSHI_KILL_TEST_SEED")) return std::stoull(s);
    return std::random_device{}();
}

// The states a cache may be in at each cursor of one phase, paged exactly as gongshi-sync pages.
struct Boundaries {
    std::vector<std::string> cursors;  // [0] is where the phase starts
    std::vector<State> states;         // the data at each cursor, when asked for (small phases)
    State final_state;

    int index_of(const std::string& cursor) const {
        for (std::size_t i = 0; i < cursors.size(); ++i)
            if (cursors[i] == cursor) return static_cast<int>(i);
        return -1;
    }
};

Boundaries page_boundaries(const ServerProcess& server, const Mode& mode, const std::string& since, State state,
                           bool every_state) {
    auto cli = server.client();
    Boundaries b;
    b.cursors.push_back(since);
    if (every_state) b.states.push_back(state);
    for (std::string cursor = since;;) {
        auto res = cli.Get("/api/v1/communities/" + mode.community + "/changes?since=" +
                               (cursor.empty() ? "0" : cursor) + "&limit=" + std::to_string(mode.page_limit),
                           server.kiosk_headers());
        if (!res || res->status != 200) throw std::runtime_error("cannot page the feed");
        auto page = decode_page(res->body).value();
        if (page.changes.empty() && page.cursor == cursor) break;
        for (const auto& c : page.changes) {
            const std::string key = std::string(kind_name(c.kind)) + "/" + c.id;
            if (c.is_delete) state.erase(key);
            else state[key] = encode(*c.entity).dump();
        }
        cursor = page.cursor;
        b.cursors.push_back(cursor);
        if (every_state) b.states.push_back(state);
        if (!page.more) break;
    }
    b.final_state = std::move(state);
    return b;
}

class KillRig {
public:
    KillRig(const ServerProcess& server, const TempDir& dir, const Mode& mode, std::uint64_t seed)
        : server_(server), dir_(dir), mode_(mode), random_(seed) {
        token_file_ = dir / "token";
        std::ofstream(token_file_) << server.kiosk_token() << "\n";
    }

    // Runs gongshi-sync until one run completes, killing it at a random moment each time before
    // (at most `max_kills` times, so that every phase gets its share); `check` runs after every kill.
    void until_complete(bool with_outbox, const std::function<void()>& check) {
        std::uniform_int_distribution<std::int64_t> delay(1, mode_.max_delay.count());
        for (int phase_kills = 0;;) {
            const pid_t pid = spawn(with_outbox);
            const bool kill_it = phase_kills < mode_.kills_per_phase;
            if (kill_it) {
                std::this_thread::sleep_for(std::chrono::milliseconds(delay(random_)));
                ::kill(pid, SIGKILL);
            }
            int status = 0;
            waitpid(pid, &status, 0);
            if (kill_it && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
                ++kills_;
                ++phase_kills;
                check();
                if (::testing::Test::HasFatalFailure()) return;
                continue;
            }
            ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
                << "gongshi-sync failed on its own:\n" << log_tail();
            return;
        }
    }

    int kills() const { return kills_; }
    std::string cache_path() const { return dir_ / "cache.db"; }
    std::string outbox_path() const { return dir_ / "outbox.db"; }
    std::filesystem::path media_dir() const { return dir_.path() / "media"; }

private:
    pid_t spawn(bool with_outbox) {
        std::vector<std::string> args{GONGSHI_SYNC_BINARY, "--server", server_.base_url(), "--community", mode_.community,
                                      "--token-file", token_file_, "--cache", cache_path(), "--media-dir",
                                      media_dir().string(), "--page-limit", std::to_string(mode_.page_limit), "--once"};
        if (with_outbox) args.insert(args.end(), {"--outbox", outbox_path()});
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        const std::string log = dir_ / "sync.log";
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
        pid_t pid = -1;
        const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        if (rc != 0) throw std::runtime_error("cannot start gongshi-sync");
        return pid;
    }

    std::string log_tail() const {
        std::ifstream in(dir_ / "sync.log");
        return std::string(std::istreambuf_iterator<char>(in), {});
    }

    const ServerProcess& server_;
    const TempDir& dir_;
    Mode mode_;
    std::mt19937_64 random_;
    std::string token_file_;
    int kills_ = 0;
};

// What a reader of the cache file sees: the live data, its cursor, and any resync in progress.
struct Snapshot {
    State live;
    std::string cursor;
    std::optional<std::string> rebuild_cursor;
};

Snapshot snapshot(const std::string& cache_path) {
    Snapshot s;
    if (!std::filesystem::exists(cache_path)) return s;
    auto cache = Cache::open_read_only(cache_path);
    if (!cache) return s;  // killed before the schema was in place: nothing was synced yet
    s.live = cache_state(cache.value());
    s.cursor = cache->sync_meta().cursor;
    s.rebuild_cursor = cache->rebuild_cursor();
    return s;
}

void expect_files_sound(const KillRig& rig) {
    for (const auto& path : {rig.cache_path(), rig.outbox_path()}) {
        if (std::filesystem::exists(path)) {
            ASSERT_EQ(integrity(path), "ok") << path;
        }
    }
}

// A resync phase: until it completes the live data is exactly `before`, and a resync cursor is
// always one of the boundaries of paging from since=0.
void kill_during_resync(KillRig& rig, const Boundaries& from_zero, const State& before, const std::string& old_cursor) {
    rig.until_complete(false, [&] {
        expect_files_sound(rig);
        const Snapshot s = snapshot(rig.cache_path());
        if (s.rebuild_cursor || s.cursor == old_cursor) {
            ASSERT_EQ(state_diff(before, s.live), "") << "readers must see the old data until the swap";
            if (s.rebuild_cursor) {
                ASSERT_GE(from_zero.index_of(*s.rebuild_cursor), 0) << "resync cursor " << *s.rebuild_cursor;
            }
        } else {
            ASSERT_EQ(s.cursor, from_zero.cursors.back()) << "a finished resync is at the end of the feed";
            ASSERT_EQ(state_diff(from_zero.final_state, s.live), "");
        }
    });
}

// An incremental phase: the cursor is always a page boundary, with exactly that page's data.
void kill_during_incremental(KillRig& rig, const Boundaries& pages) {
    rig.until_complete(false, [&] {
        expect_files_sound(rig);
        const Snapshot s = snapshot(rig.cache_path());
        ASSERT_FALSE(s.rebuild_cursor);
        const int at = pages.index_of(s.cursor);
        ASSERT_GE(at, 0) << "cursor " << s.cursor << " is not a page boundary";
        ASSERT_EQ(state_diff(pages.states[static_cast<std::size_t>(at)], s.live), "") << "at cursor " << s.cursor;
    });
}

void expect_media_sound(const std::filesystem::path& dir) {
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        std::ifstream in(entry.path(), std::ios::binary);
        EXPECT_EQ(sha256_hex(std::string(std::istreambuf_iterator<char>(in), {})), name) << "media file " << name;
    }
}

// Server-side edits for an incremental phase: a visible change to `n` point events and members.
void edit_on_server(const ServerProcess& server, const Mode& mode, const State& state, int round) {
    auto points = entities_of(state, EntityKind::point_event);
    auto members = entities_of(state, EntityKind::member);
    for (int i = 0; i < mode.edits_per_phase; ++i) {
        if (i % 2 == 0) {
            auto p = std::get<PointEvent>(points[static_cast<std::size_t>(i) % points.size()]);
            p.reason = "kill test round " + std::to_string(round);
            put_entity(server, p, mode.community);
        } else {
            auto m = std::get<Member>(members[static_cast<std::size_t>(i) % members.size()]);
            m.contact_masked = "139****" + std::to_string(1000 + round);
            put_entity(server, m, mode.community);
        }
    }
}

TEST(KillNine, NothingIsLostOrTornAtAnyMoment) {
    const Mode m = mode();
    const std::uint64_t s = seed();
    std::cout << "[ kill -9  ] preset " << m.preset << ", seed " << s << " (GONGSHI_KILL_TEST_SEED to repeat)\n";
    ServerConfig config;
    config.demo = m.preset;
    config.enable_faults = true;
    ServerProcess server(config);
    TempDir dir;
    KillRig rig(server, dir, m, s);
    const auto started = std::chrono::steady_clock::now();

    // The first full sync, from an empty cache.
    Boundaries from_zero = page_boundaries(server, m, "", {}, false);
    kill_during_resync(rig, from_zero, {}, "");
    ASSERT_EQ(state_diff(server_state(server, m.community), snapshot(rig.cache_path()).live), "");

    for (int round = 1; rig.kills() < m.min_kills && !::testing::Test::HasFailure(); ++round) {
        const Snapshot before = snapshot(rig.cache_path());
        edit_on_server(server, m, before.live, round);
        if (round % 2 == 1) {
            kill_during_incremental(rig, page_boundaries(server, m, before.cursor, before.live, true));
        } else {
            from_zero = page_boundaries(server, m, "", {}, false);  // before the fault, which would answer it
            add_fault(server, {{"route", "changes"}, {"kind", "gone_410"}, {"count", 1}});  // the next poll: 410
            kill_during_resync(rig, from_zero, before.live, before.cursor);
        }
        ASSERT_EQ(state_diff(server_state(server, m.community), snapshot(rig.cache_path()).live), "") << "round " << round;
        std::cout << "[ kill -9  ] round " << round << (round % 2 == 1 ? " (incremental)" : " (410, resync)") << ": "
                  << rig.kills() << " kills so far\n";
    }

    // The outbox: killed while delivering, every wish ends up on the server exactly once.
    {
        auto outbox = take(Outbox::open(rig.outbox_path()));
        for (int i = 0; i < 30; ++i)
            ASSERT_TRUE(outbox.enqueue(wish_outbox_request(tracking_code(kKioskCode, i), m.community), 0));
    }
    for (int i = 0; i < 50 && take(Outbox::open(rig.outbox_path())).counts().pending > 0; ++i)
        rig.until_complete(true, [&] { expect_files_sound(rig); });
    EXPECT_EQ(take(Outbox::open(rig.outbox_path())).counts().pending, 0);
    EXPECT_EQ(take(Outbox::open(rig.outbox_path())).counts().dead, 0);
    std::map<std::string, int> copies;
    for (const auto& e : entities_of(server_state(server, m.community), EntityKind::wish))
        ++copies[std::get<Wish>(e).tracking_code];
    for (int i = 0; i < 30; ++i) EXPECT_EQ(copies[tracking_code(kKioskCode, i)], 1) << tracking_code(kKioskCode, i);

    expect_media_sound(rig.media_dir());
    const auto took = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started);
    std::cout << "[ kill -9  ] " << rig.kills() << " kills in " << took.count() << " s\n";
    EXPECT_GE(rig.kills(), m.min_kills);
}

}  // namespace
}  // namespace gongshi::test
