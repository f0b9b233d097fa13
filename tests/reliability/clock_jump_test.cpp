// Wall-clock jumps of +1 day, -1 day and a reset 10 years back (a dead RTC battery before NTP
// fixes it), made by libfaketime inside this process: ctest runs the binary with libfaketime
// preloaded, the monotonic clock left alone, and the fake offset re-read from a file the test
// rewrites (see CMakeLists.txt). The machine's clock is never touched; the server runs unfaked.
// What must hold: the sync engine's polls and backoff keep their pace (monotonic), the kiosk's
// idle countdown neither fires at a forward jump nor freezes after a backward one, and the
// displayed time and "updated" time are right once the clock is right.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <thread>

#include "kiosk_with_sync.hpp"

namespace gongshi::test {
namespace {

using namespace std::chrono_literals;

class ClockJumpTest : public KioskWithSync {
protected:
    static void SetUpTestSuite() {
        ::unsetenv("LD_PRELOAD");  // the server is another machine: its clock stays right
        KioskWithSync::SetUpTestSuite();
    }
    void SetUp() override {
        offset_file_ = std::getenv("FAKETIME_TIMESTAMP_FILE") ? std::getenv("FAKETIME_TIMESTAMP_FILE") : "";
        ASSERT_NE(offset_file_, "") << "run through ctest (reliability_clock_jumps): it preloads libfaketime";
        set_wall_clock("+0");
    }
    void TearDown() override {
        if (!offset_file_.empty()) set_wall_clock("+0");
        KioskWithSync::TearDown();
    }
    // Moves this process's wall clock to the real time plus `offset` ("+1d", "-3650d", "+0").
    void set_wall_clock(const std::string& offset) const {
        std::ofstream(offset_file_, std::ios::trunc) << offset << "\n";
    }
    static std::int64_t wall_now() { return static_cast<std::int64_t>(std::time(nullptr)); }
    int fault_fired() const {
        const json board = parsed(server().client().Get("/admin/faults", server().admin_headers()));
        int fired = 0;
        for (const auto& rule : board["faults"]) fired += rule["fired"].get<int>();
        return fired;
    }
    // Draws frames at about 60 Hz of real time until `done` or `bound` passes.
    bool frames_until(const std::function<bool()>& done, std::chrono::milliseconds bound) {
        const auto end = std::chrono::steady_clock::now() + bound;
        while (std::chrono::steady_clock::now() < end) {
            ui->frame(std::nullopt);
            if (done()) return true;
            std::this_thread::sleep_for(16ms);
        }
        return false;
    }
    // The status bar's HH:MM for an instant, in the community's zone (China has no DST).
    static std::string shanghai_hh_mm(std::int64_t unix) {
        const auto zone = TimeZone::load("Asia/Shanghai");
        const std::int64_t local = unix + zone->offset_seconds_at(unix);
        const std::int64_t minute = ((local % 86400) + 86400) % 86400 / 60;
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(minute / 60), static_cast<int>(minute % 60));
        return buf;
    }

    std::string offset_file_;
};

TEST_F(ClockJumpTest, TheHarnessMovesTheWallClockAndNotTheMonotonicOne) {
    const auto before = wall_now();
    const auto steady_before = std::chrono::steady_clock::now();
    set_wall_clock("-3650d");
    const auto back = wall_now();
    EXPECT_NEAR(static_cast<double>(back - before), -3650.0 * 86400, 120.0) << "libfaketime is not in effect";
    EXPECT_GE(std::chrono::steady_clock::now(), steady_before);
    set_wall_clock("+1d");
    EXPECT_NEAR(static_cast<double>(wall_now() - before), 86400.0, 120.0);
}

TEST_F(ClockJumpTest, SyncPollsAndBackoffKeepTheirPaceThroughJumps) {
    start_app(kiosk::Clock::system());
    auto s = engine_settings();
    s.poll_interval = 300ms;
    s.backoff = {.base = 300ms, .cap = 600ms, .seed = 7};
    start_engine(s);
    ASSERT_TRUE(engine->wait_for_cycles(1, 60s));

    // A resident's wish that the server keeps refusing with 503: it waits on its backoff.
    add_fault(server(), {{"route", "wishes"}, {"kind", "status_5xx"}});
    auto outbox = take(Outbox::open(config.outbox_path()));
    ASSERT_TRUE(outbox.enqueue(wish_outbox_request(fresh_tracking_code()), wall_now()));
    engine->sync_now();

    for (const char* jump : {"+1d", "-1d", "-3650d"}) {
        SCOPED_TRACE(jump);
        set_wall_clock(jump);
        const auto cycles = engine->status().cycles;
        const int pushes = fault_fired();
        std::this_thread::sleep_for(3s);
        const auto ran = engine->status().cycles - cycles;
        const int pushed = fault_fired() - pushes;
        std::cout << "JUMP " << jump << ": " << ran << " cycles and " << pushed << " push attempts in 3 s" << std::endl;
        // About 3 s / 0.3-0.6 s: neither frozen for years nor spinning with a zero wait.
        EXPECT_GE(ran, 3);
        EXPECT_LE(ran, 40);
        EXPECT_GE(pushed, 2);
        EXPECT_LE(pushed, 40);
        // What staff read follows the wall clock, whatever it says.
        ASSERT_TRUE(engine->status().last_success_unix);
        EXPECT_NEAR(static_cast<double>(*engine->status().last_success_unix), static_cast<double>(wall_now()), 60.0);
    }

    set_wall_clock("+0");
    clear_faults(server());
    // The engine wakes when the row's backoff ends (at most 0.6 s on the monotonic clock).
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (engine->status().outbox_depth > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(20ms);
    EXPECT_EQ(engine->status().outbox_depth, 0) << "the wish went out once the server accepted it";
    ASSERT_TRUE(cycle());  // a clean cycle under the right clock
    ui->frame(std::nullopt);
    const auto bar = kiosk::status_bar_model(*app);
    const auto shown = app->clock.unix_seconds();
    EXPECT_NEAR(static_cast<double>(shown), static_cast<double>(wall_now()), 120.0);
    EXPECT_EQ(bar.clock, shanghai_hh_mm(shown));
    EXPECT_NE(bar.updated.find(shanghai_hh_mm(*engine->status().last_success_unix)), std::string::npos)
        << bar.updated << ": the last success is today's, so only its time is shown";
}

TEST_F(ClockJumpTest, IdleCountdownNeitherFiresNorFreezesAtAJump) {
    kiosk::test::write_demo_cache(config.cache_path);
    config.idle.warn_after_s = 3;
    start_app(kiosk::Clock::system());
    const auto countdown = [this] { return app->taps.find("继续使用") != nullptr; };
    ASSERT_TRUE(tap(*ui, "岗位认领").ok());

    set_wall_clock("+1d");  // a wall-clock timer would see a day without touch and warn at once
    EXPECT_FALSE(frames_until(countdown, 1s));
    EXPECT_GE(kiosk::seconds_until_next_frame(*app), 0.0);
    EXPECT_LE(kiosk::seconds_until_next_frame(*app), 60.0);

    ASSERT_TRUE(tap(*ui, "返回").ok());
    ASSERT_TRUE(tap(*ui, "岗位认领").ok());
    set_wall_clock("-3650d");  // a wall-clock timer would wait ten years
    const auto started = std::chrono::steady_clock::now();
    EXPECT_TRUE(frames_until(countdown, 20s)) << "the idle countdown froze after the clock went back";
    EXPECT_GE(std::chrono::steady_clock::now() - started, 500ms) << "it fired at once";
    EXPECT_LE(kiosk::seconds_until_next_frame(*app), 60.0);
    EXPECT_EQ(kiosk::status_bar_model(*app).clock, shanghai_hh_mm(app->clock.unix_seconds()));

    set_wall_clock("+0");
    ui->frame(std::nullopt);
    const auto shown = app->clock.unix_seconds();
    EXPECT_NEAR(static_cast<double>(shown), static_cast<double>(wall_now()), 120.0) << "the display follows the clock back";
    EXPECT_EQ(kiosk::status_bar_model(*app).clock, shanghai_hh_mm(shown));
}

}  // namespace
}  // namespace gongshi::test
