// Fuzz target: a change-feed page as the server sends it (docs/API.md), decoded by the shared
// codec and applied to a real cache file, both incrementally and through a full rebuild.
// Invariants: a decoded page re-encodes to a fixed point; applying it never crashes the cache,
// stores the page's cursor, gives the same data either way, and the screens' queries answer.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "gongshi/cache.hpp"
#include "gongshi/codec.hpp"

namespace {

using namespace gongshi;
namespace fs = std::filesystem;

// A fresh cache file per input (on tmpfs when there is one), so every input replays alone.
struct ScratchCache {
    fs::path path;
    ScratchCache() {
        const fs::path dir = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
        path = dir / ("gongshi-fuzz-" + std::to_string(::getpid()) + ".db");
        remove_files();
    }
    ~ScratchCache() { remove_files(); }
    void remove_files() const {
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path.string() + suffix, ec);
    }
};

std::vector<std::string> dump_all(const Cache& cache) {
    std::vector<std::string> rows;
    for (EntityKind kind : kAllEntityKinds)
        for (const Entity& e : cache.dump(kind)) rows.push_back(encode(e).dump());
    return rows;
}

// What the screens ask of any cache: none of it may throw or crash on odd but decodable data.
void run_queries(const Cache& cache) {
    (void)cache.community();
    (void)cache.time_zone();
    const auto page = cache.members(MemberFilter{});
    FUZZ_CHECK(page.total >= static_cast<int>(page.rows.size()));
    MemberFilter search;
    search.search = "zs";
    (void)cache.members(search);
    for (const auto& row : page.rows) (void)cache.member_profile(row.member.id, 1'772'676'000);
    (void)cache.posts(std::nullopt);
    for (PeriodKind kind : {PeriodKind::month, PeriodKind::year}) {
        RankingQuery q;
        q.period = period_containing(kind, Date{2026, 3, 5});
        const auto ranking = cache.ranking(q);
        for (std::size_t i = 1; i < ranking.rows.size(); ++i) FUZZ_CHECK(ranking.rows[i - 1].rank <= ranking.rows[i].rank);
    }
    (void)cache.wishes(WishFilter{});
    (void)cache.notices_published(1'772'676'000);
    (void)cache.rewards();
    (void)cache.registration_stats();
    for (int year : cache.evaluation_years()) (void)cache.evaluations(year, SubjectKind::member);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    auto decoded = decode_page(body);
    if (!decoded) {
        FUZZ_CHECK(!decoded.error().empty());
        return 0;
    }
    const ChangePage& page = decoded.value();
    const std::string encoded = encode_page(page).dump();
    auto again = decode_page(encoded);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(encode_page(again.value()).dump() == encoded);

    ScratchCache file;
    auto cache = Cache::open_read_write(file.path.string());
    FUZZ_CHECK(cache.ok());
    const Status applied = cache->apply(page);
    if (!applied) return 0;  // refused whole (a transaction): nothing to compare
    FUZZ_CHECK(cache->sync_meta().cursor == page.cursor);
    run_queries(cache.value());
    const auto incremental = dump_all(cache.value());

    FUZZ_CHECK(cache->begin_rebuild().ok());
    FUZZ_CHECK(cache->apply_to_rebuild(page).ok());
    FUZZ_CHECK(cache->finish_rebuild().ok());
    FUZZ_CHECK(dump_all(cache.value()) == incremental);
    run_queries(cache.value());
    return 0;
}
