// A server that answers one byte a second: the sync request ends within its configured bounds
// (low-speed limit, total timeout), and the kiosk's frames do not notice, because the engine
// waits on its own thread. Frame times are compared with generous bounds, not tight timings.
#include <algorithm>
#include <iostream>
#include <thread>
#include <vector>

#include "kiosk_with_sync.hpp"

namespace gongshi::test {
namespace {

using namespace std::chrono_literals;
using Seconds = std::chrono::duration<double>;

class TrickleTest : public KioskWithSync {
protected:
    // Frame CPU-side times of the headless app (layout, draw lists, queue), in seconds, over
    // `span` of wall time, with a finger dragging the screen so every frame does real work.
    std::vector<double> frame_times(std::chrono::milliseconds span) {
        std::vector<double> times;
        const auto end = std::chrono::steady_clock::now() + span;
        for (int i = 0; std::chrono::steady_clock::now() < end; ++i) {
            const float y = 300.0f + static_cast<float>(i % 60) * 5.0f;
            const auto start = std::chrono::steady_clock::now();
            ui->frame(kiosk::PointerInput{ImVec2(960, y), i % 60 != 59});
            times.push_back(Seconds(std::chrono::steady_clock::now() - start).count());
            std::this_thread::sleep_for(5ms);  // a 60 Hz loop leaves the core to others too
        }
        return times;
    }
    static double percentile(std::vector<double> v, double p) {
        std::sort(v.begin(), v.end());
        return v.at(static_cast<std::size_t>(p * static_cast<double>(v.size() - 1)));
    }
};

TEST_F(TrickleTest, AOneBytePerSecondServerIsCutOffAndTheUiKeepsItsFrameTime) {
    start_app(kiosk::Clock::manual(clock_.unix_now()));
    auto s = engine_settings();
    s.poll_interval = 60s;  // only the cycles the test asks for
    s.http.low_speed_bytes_per_s = 64;
    s.http.low_speed_time = 3s;
    s.http.total_timeout = 8s;
    start_engine(s);
    ASSERT_TRUE(engine->wait_for_cycles(1, 60s));
    ASSERT_TRUE(tap(*ui, "岗位认领").ok());  // a screen with a list to drag
    const auto baseline = frame_times(2s);

    add_fault(server(), {{"route", "*"}, {"kind", "trickle"}, {"params", {{"interval_ms", 1000}, {"bytes", 1}}}});
    const auto cycles = engine->status().cycles;
    const auto asked = std::chrono::steady_clock::now();
    engine->sync_now();
    const auto stuck = frame_times(2500ms);  // the engine is inside the trickling request meanwhile
    ASSERT_TRUE(engine->wait_for_cycles(cycles + 1, 30s));
    const auto took = std::chrono::steady_clock::now() - asked;
    clear_faults(server());

    // Cut off by the low-speed limit (3 s under 64 B/s), well before the total timeout; a 1 B/s
    // body of a page would otherwise take hours.
    EXPECT_GE(took, 2900ms);
    EXPECT_LT(took, 8s + 2s);
    ui->frame(std::nullopt);  // the status snapshot reaches the app
    EXPECT_EQ(app->sync.connection, kiosk::SyncStatus::Connection::offline);
    EXPECT_NE(app->sync.last_error, "");

    const double base_p50 = percentile(baseline, 0.5), stuck_p50 = percentile(stuck, 0.5);
    const double stuck_p99 = percentile(stuck, 0.99);
    std::cout << "TRICKLE cut off after " << Seconds(took).count() << " s; frame p50 " << base_p50 * 1000 << " ms -> "
              << stuck_p50 * 1000 << " ms, p99 while stuck " << stuck_p99 * 1000 << " ms, " << stuck.size()
              << " frames" << std::endl;
    EXPECT_GT(stuck.size(), 50u) << "the UI thread was blocked";
    EXPECT_LT(stuck_p50, base_p50 * 3 + 0.005);
    EXPECT_LT(stuck_p99, 0.25) << "a frame stalled while the engine waited";

    EXPECT_TRUE(cycle());  // and it recovers once the server answers at speed again
    ui->frame(std::nullopt);
    EXPECT_EQ(app->sync.connection, kiosk::SyncStatus::Connection::online);
}

}  // namespace
}  // namespace gongshi::test
