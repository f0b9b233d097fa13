// Cache benchmarks on the district preset (10,000 members, 600,000 point events):
//   import vs a raw SQLite insert of the same rows; month / quarter / year / all-time rankings;
//   one search keystroke. Goals (foundation issue): import >= 0.5x raw speed, ranking <= 20 ms,
//   keystroke <= 2 ms.
#include <filesystem>
#include <string>

#include "bench_report.hpp"
#include "gongshi/cache.hpp"
#include "gongshi/demo_data.hpp"

using namespace gongshi;
namespace fs = std::filesystem;

namespace {

// The floor: the same rows, already serialised, into one plain table in one transaction.
double raw_insert_seconds(const std::string& path, const std::vector<Entity>& entities) {
    std::vector<std::string> rows;
    rows.reserve(entities.size());
    for (const auto& e : entities) rows.push_back(encode(e).dump());
    auto db = sql::Db::open(path, sql::Db::Mode::read_write_create);
    (void)db->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                   "CREATE TABLE raw(kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL)");
    return bench::seconds_of([&] {
        sql::Transaction tx(db.value());
        auto insert = db->must_prepare("INSERT INTO raw VALUES(?, ?, ?)");
        for (std::size_t i = 0; i < entities.size(); ++i)
            insert.bind(1, kind_name(kind_of(entities[i]))).bind(2, id_of(entities[i])).bind(3, rows[i]).run();
        (void)tx.commit();
    });
}

// The same rows as the import produced, inserted raw into the same tables and indexes in one
// transaction (INSERT ... SELECT with a WHERE clause, which rules out SQLite's page-copy shortcut):
// what the import's own machinery (paging, staging, swap, totals) is measured against.
double same_tables_insert_seconds(const fs::path& source, const fs::path& target) {
    auto db = sql::Db::open(target.string(), sql::Db::Mode::read_write_create);
    (void)db->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;");
    (void)db->exec("ATTACH '" + source.string() + "' AS src");
    std::vector<std::string> tables, indexes;
    auto schema = db->must_prepare(
        "SELECT type, name, sql FROM src.sqlite_master WHERE sql NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type DESC");
    while (schema.step()) {
        (void)db->exec(schema.text(2));
        if (schema.text(0) == "table") tables.push_back(schema.text(1));
    }
    return bench::seconds_of([&] {
        sql::Transaction tx(db.value());
        for (const auto& t : tables) (void)db->exec("INSERT INTO main." + t + " SELECT * FROM src." + t + " WHERE 1");
        (void)tx.commit();
    });
}

constexpr const char* kPeriodNames[] = {"month", "quarter", "year", "all"};

void bench_rankings(const Cache& cache, const Date& today) {
    for (auto kind : {PeriodKind::month, PeriodKind::quarter, PeriodKind::year, PeriodKind::all_time}) {
        for (auto subject : {SubjectKind::member, SubjectKind::unit}) {
            RankingQuery q;
            q.subject = subject;
            q.period = period_containing(kind, today);
            q.limit = 50;
            std::size_t rows = 0;
            const auto stats = bench::repeat(30, [&] { rows += cache.ranking(q).rows.size(); });
            const std::string name = std::string("ranking_") + (subject == SubjectKind::member ? "members_" : "units_") +
                                     kPeriodNames[static_cast<int>(kind)];
            bench::line(name + "_median", stats.median * 1e3, "ms");
            bench::line(name + "_max", stats.max * 1e3, "ms");
            if (rows == 0) std::printf("WARNING %s returned no rows\n", name.c_str());
        }
    }
    // The deep page a member finds themselves on, far down an all-time ranking.
    RankingQuery deep;
    deep.period = period_containing(PeriodKind::all_time, today);
    deep.offset = 9000;
    bench::line("ranking_members_all_offset9000_median", bench::repeat(30, [&] { cache.ranking(deep); }).median * 1e3, "ms");
}

void bench_search(const Cache& cache) {
    // The first search after data changed rebuilds the in-memory member index.
    bench::line("search_index_build", bench::seconds_of([&] { cache.members({}); }) * 1e3, "ms");
    // A resident typing a name letter by letter, in pinyin and in characters.
    std::vector<double> per_key;
    for (const char* typed : {"z", "zh", "zha", "zhan", "zhang", "zs", "zsf", "w", "wa", "wan", "wang", "张", "王", "李明"}) {
        MemberFilter f;
        f.search = typed;
        f.limit = 24;
        per_key.push_back(bench::repeat(15, [&] { cache.members(f); }).median);
    }
    std::sort(per_key.begin(), per_key.end());
    bench::line("search_keystroke_median", per_key[per_key.size() / 2] * 1e3, "ms");
    bench::line("search_keystroke_max", per_key.back() * 1e3, "ms");
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "gongshi-bench-cache";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const Date today{2026, 11, 22};  // fixed, so runs compare

    DemoData demo;
    bench::line("generate_district", bench::seconds_of([&] { demo = generate_demo(DemoPreset::district, today); }), "s");
    const double rows = static_cast<double>(demo.entities.size());

    const double heap = raw_insert_seconds((dir / "heap.db").string(), demo.entities);
    bench::line("raw_insert_one_table_district", rows / heap, "rows/s");

    auto cache = Cache::open_read_write((dir / "cache.db").string());
    const double import = bench::seconds_of([&] {
        if (auto s = load_snapshot(cache.value(), demo.entities); !s) std::printf("ERROR import: %s\n", s.error().c_str());
    });
    const double same = same_tables_insert_seconds(dir / "cache.db", dir / "same.db");
    bench::line("raw_insert_same_tables_district", rows / same, "rows/s");
    bench::line("import_district", rows / import, "rows/s", same / import, "raw_insert_same_tables_district");
    bench::line("import_district_vs_one_table", rows / import, "rows/s", heap / import, "raw_insert_one_table_district");
    bench::line("import_district_seconds", import, "s");
    bench::line("cache_file_district", static_cast<double>(fs::file_size(dir / "cache.db")) / 1e6, "MB");

    bench_rankings(cache.value(), today);
    bench_search(cache.value());
    fs::remove_all(dir);
    return 0;
}
