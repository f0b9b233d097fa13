// The headless soak: a seeded random walk over every screen's tap targets (taps, keys, drags,
// back and home, idle jumps through the countdown and the attract loop) in landscape and
// portrait, with the real sync engine pulling server-side edits into the cache the app reads
// between stretches of the walk. RSS, open fds, threads and live textures are reported at start
// and end; unbounded growth fails. GONGSHI_SOAK_INTERACTIONS sets the length (CI: 5,000; the
// long form in scripts/prove.sh: 100,000).
#include <cstdlib>
#include <iostream>

#include "kiosk_with_sync.hpp"
#include "process_stats.hpp"
#include "random_walk.hpp"

namespace gongshi::test {
namespace {

using namespace std::chrono_literals;

int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v != nullptr && *v != '\0' ? std::atoi(v) : fallback;
}

class SoakTest : public KioskWithSync {
protected:
    void edit_a_notice(int n) {
        auto notice = std::get<Notice>(entities_of(server_state(server()), EntityKind::notice).at(0));
        notice.title = "巡检通知 第" + std::to_string(n) + "轮";
        ++notice.version;
        put_entity(server(), notice);
    }
    void report(const char* when) {
        std::cout << kiosk::stats_line(when, kiosk::current_process_stats(), static_cast<std::size_t>(live_textures))
                  << std::endl;
    }
};

TEST_F(SoakTest, AHeadlessWalkWithPeriodicSyncDoesNotGrow) {
    const int interactions = env_int("GONGSHI_SOAK_INTERACTIONS", 5000);
    const long rss_bound_kb = env_int("GONGSHI_SOAK_RSS_GROWTH_MB", 50) * 1024L;
    const long heap_bound_kb = env_int("GONGSHI_SOAK_HEAP_GROWTH_MB", 16) * 1024L;
    constexpr int kStretch = 500;  // interactions between two syncs
    const int stretches = std::max(2, interactions / kStretch);
    // Growth counts from the end of a warm-up: a tenth of the run, but at least half of a short
    // one, since the glyph atlas and caches keep filling for the first few thousand interactions
    // (docs/RELIABILITY.md: 100,000 interactions were flat after their first 10,000).
    const int warm_up = std::max(stretches / 10, std::min(stretches / 2, 5));

    start_app(kiosk::Clock::manual(clock_.unix_now()));
    start_engine(engine_settings());
    ASSERT_TRUE(engine->wait_for_cycles(1, 60s));
    report("start");

    kiosk::WalkReport walk;
    kiosk::ProcessStats warm;
    for (int i = 0; i < stretches; ++i) {
        // Portrait every third stretch: both layouts, and the relayout between them.
        ui->resize(i % 3 == 2 ? ImVec2(1080, 1920) : ImVec2(1920, 1080));
        kiosk::random_walk(*ui, kStretch, 1000u + static_cast<std::uint32_t>(i), walk);
        edit_a_notice(i);
        ASSERT_TRUE(cycle()) << "sync cycle " << i << " did not finish";
        if (i + 1 == warm_up) {
            warm = kiosk::current_process_stats();
            report("warm");
        }
    }
    ui->frame(std::nullopt);  // the last commit reaches the view models
    const auto end = kiosk::current_process_stats();
    report("end");
    std::cout << "SOAK " << walk.interactions() << " interactions (" << walk.taps << " taps, " << walk.drags
              << " drags, " << walk.back_or_home << " back/home, " << walk.idles << " idle jumps, " << walk.waits
              << " waits), " << walk.labels_tapped.size() << " distinct targets, " << engine->status().cycles
              << " sync cycles" << std::endl;

    EXPECT_GE(walk.interactions(), interactions);
    EXPECT_GE(walk.labels_tapped.size(), 60u) << "the walk stayed on too few screens";
    EXPECT_GT(walk.idles, 0);
    EXPECT_LT(end.rss_kb - warm.rss_kb, rss_bound_kb) << "RSS grew from " << warm.rss_kb << " kB to " << end.rss_kb;
    EXPECT_LT(end.heap_kb - warm.heap_kb, heap_bound_kb)
        << "live heap grew from " << warm.heap_kb << " kB to " << end.heap_kb;
    EXPECT_LE(std::abs(end.fds - warm.fds), 2) << "open fds went from " << warm.fds << " to " << end.fds;
    EXPECT_LE(std::abs(end.threads - warm.threads), 1) << "threads went from " << warm.threads << " to " << end.threads;
    EXPECT_LE(app->images.live_textures(), 64u);
    // The app saw the sync: the engine is online and, once what the walk sent is pulled back,
    // the cache matches the server.
    ASSERT_TRUE(cycle());
    EXPECT_EQ(app->sync.connection, kiosk::SyncStatus::Connection::online);
    EXPECT_EQ(state_diff(server_state(server()), cache_state(config.cache_path)), "");
}

}  // namespace
}  // namespace gongshi::test
