// gongshi-demo: writes a demo preset into a cache file, then prints what a resident would see
// on the kiosk from it. Used by the README's demo command and to make caches for tests.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "gongshi/cache.hpp"
#include "gongshi/demo_data.hpp"
#include "gongshi/outbox.hpp"

using namespace gongshi;

namespace {

std::int64_t now_unix() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void print_summary(const Cache& cache, std::int64_t now) {
    const auto community = cache.community();
    const auto tz = cache.time_zone();
    const Date today = tz->local_date(now);
    std::cout << "community: " << (community ? community->name + " (" + community->id + ")" : "(none)") << "\n";
    std::cout << "today in " << tz->name() << ": " << format_date(today) << "\n";
    for (auto kind : kAllEntityKinds) std::cout << "  " << kind_name(kind) << ": " << cache.dump(kind).size() << "\n";

    const auto reg = cache.registration_stats();
    std::cout << "registered members " << reg.members_registered << "/" << reg.members_total << ", units "
              << reg.units_registered << "/" << reg.units_total << "\n";

    RankingQuery q;
    q.period = period_containing(PeriodKind::month, today);
    q.limit = 10;
    const auto ranking = cache.ranking(q);
    std::cout << "points ranking " << period_label(q.period) << " (" << ranking.total << " members):\n";
    for (const auto& row : ranking.rows)
        std::cout << "  " << row.rank << ". " << row.name << " (" << row.unit_name << ") " << row.points << "\n";

    const auto notices = cache.notices_published(now);
    std::cout << "notices published now: " << notices.size() << "\n";
    for (const auto& n : notices) std::cout << "  " << (n.pinned ? "[置顶] " : "") << n.title << "\n";

    std::cout << "public wishes: " << cache.wish_count({}) << "\n";
    for (const auto& g : cache.evaluation_distribution(today.year - 1, SubjectKind::member))
        std::cout << "  " << today.year - 1 << " " << g.grade << ": " << g.count << "\n";
}

// What the sync engine stores once it has reached a server (GET /api/v1/kiosk), so a kiosk run
// without one can still make tracking codes: outbox.db beside the cache, as the kiosk looks for it.
Status store_kiosk_code(const std::string& cache_path, const std::string& code) {
    const std::filesystem::path dir = std::filesystem::path(cache_path).parent_path();
    auto outbox = Outbox::open((dir / "outbox.db").string());
    if (!outbox) return Status::failure(outbox.error());
    return outbox->set_kiosk_code(code);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Writes a Gongshi demo preset into a cache file and prints what it holds"};
    std::string preset_name = "community";
    std::string cache_path = "gongshi-demo-cache.db";
    std::string today_text;
    std::uint64_t seed = kDefaultDemoSeed;
    bool quiet = false;
    app.add_option("--preset", preset_name, "community or district")->check(CLI::IsMember({"community", "district"}));
    app.add_option("--cache", cache_path, "cache file to (re)write");
    app.add_option("--today", today_text, "anchor date YYYY-MM-DD (default: today in Asia/Shanghai)");
    app.add_option("--seed", seed, "generator seed");
    app.add_flag("--quiet", quiet, "do not print the summary");
    std::string kiosk_code;
    app.add_option("--kiosk-code", kiosk_code, "also store this kiosk code in outbox.db beside the cache (as after a first sync)");
    CLI11_PARSE(app, argc, argv);

    const std::int64_t now = now_unix();
    auto today = today_text.empty() ? std::optional(TimeZone::load("Asia/Shanghai")->local_date(now)) : parse_date(today_text);
    if (!today) {
        std::cerr << "gongshi-demo: --today must be a date YYYY-MM-DD\n";
        return 2;
    }
    const auto started = std::chrono::steady_clock::now();
    const DemoData demo = generate_demo(*parse_preset(preset_name), *today, seed);
    auto cache = Cache::open_read_write(cache_path);
    if (!cache) {
        std::cerr << "gongshi-demo: " << cache.error() << "\n";
        return 1;
    }
    if (auto s = load_snapshot(cache.value(), demo.entities); !s) {
        std::cerr << "gongshi-demo: import failed: " << s.error() << "\n";
        return 1;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("wrote %zu records of preset '%s' to %s in %.2f s\n", demo.entities.size(), preset_name.c_str(),
                cache_path.c_str(), seconds);
    if (auto s = kiosk_code.empty() ? success() : store_kiosk_code(cache_path, kiosk_code); !s) {
        std::cerr << "gongshi-demo: " << s.error() << "\n";
        return 1;
    }
    if (!quiet) print_summary(cache.value(), now);
    return 0;
}
