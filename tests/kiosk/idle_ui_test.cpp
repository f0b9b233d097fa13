// Idle behaviour end to end in headless frames: countdown, reset, attract loop, quiet hours,
// and how long the loop may sleep.
#include "kiosk_fixture.hpp"

namespace gongshi::kiosk::test {
namespace {

KioskConfig quick_idle() {
    KioskConfig c;
    c.idle.warn_after_s = 30;
    c.idle.countdown_s = 10;
    c.idle.attract_after_s = 120;
    c.idle.attract_step_s = 8;
    return c;
}

TEST_F(KioskTest, CountdownThenHomeWhenNobodyAnswers) {
    start_with_demo(quick_idle());
    tap_ok(text(Str::tile_rankings));
    idle(*ui, 31);
    EXPECT_EQ(app->idle.phase, IdlePhase::countdown);
    EXPECT_TRUE(visible(text(Str::idle_continue)));
    EXPECT_FALSE(visible(text(Str::nav_back)));  // covered by the overlay
    idle(*ui, 11);
    EXPECT_EQ(app->idle.phase, IdlePhase::active);
    EXPECT_EQ(screen(), ScreenKind::home);
}

TEST_F(KioskTest, ContinueKeepsTheScreen) {
    start_with_demo(quick_idle());
    tap_ok(text(Str::tile_rankings));
    idle(*ui, 31);
    tap_ok(text(Str::idle_continue));
    EXPECT_EQ(app->idle.phase, IdlePhase::active);
    EXPECT_EQ(screen(), ScreenKind::rankings);
}

TEST_F(KioskTest, TouchAnywhereDuringCountdownContinuesWithoutPressingBelow) {
    start_with_demo(quick_idle());
    tap_ok(text(Str::tile_rankings));
    const ImVec2 back = app->taps.find(text(Str::nav_back))->center();
    idle(*ui, 31);
    tap_at(*ui, back);
    EXPECT_EQ(app->idle.phase, IdlePhase::active);
    EXPECT_EQ(screen(), ScreenKind::rankings);  // the back button under the overlay did not fire
}

TEST_F(KioskTest, AtCleanHomeThereIsNoCountdown) {
    start_with_demo(quick_idle());
    idle(*ui, 31);
    EXPECT_EQ(app->idle.phase, IdlePhase::active);
}

TEST_F(KioskTest, AttractLoopStepsThroughSlidesAndWakesToHome) {
    start_with_demo(quick_idle());
    ASSERT_GE(app->models.attract.size(), 2u);
    idle(*ui, 121);
    EXPECT_EQ(app->idle.phase, IdlePhase::attract);
    EXPECT_TRUE(visible(text(Str::attract_touch)));
    EXPECT_FALSE(visible(text(Str::tile_pledges)));
    wait_for_images();  // the slide's photos, decoded in real time
    const int step = attract_step(app->idle, app->config.idle, app->clock.seconds());
    // Between steps nothing moves, so the loop sleeps until the next one.
    const double sleep = seconds_until_next_frame(*app);
    EXPECT_GT(sleep, 0.0);
    EXPECT_LE(sleep, 8.0);
    idle(*ui, 8);
    EXPECT_EQ(attract_step(app->idle, app->config.idle, app->clock.seconds()), step + 1);
    // The wake-up tap lands where a tile is underneath; it must not open it.
    tap_at(*ui, ImVec2(200, 400));
    EXPECT_EQ(app->idle.phase, IdlePhase::active);
    EXPECT_EQ(screen(), ScreenKind::home);
}

TEST_F(KioskTest, QuietHoursDarkenTheScreenUntilTouched) {
    KioskConfig c = quick_idle();
    c.idle.quiet = QuietHours{9 * 60 + 30, 11 * 60};  // 09:30-11:00; the test clock says 10:00
    start_with_demo(c);
    tap_ok(text(Str::tile_notices));
    idle(*ui, 31);
    EXPECT_EQ(app->idle.phase, IdlePhase::quiet);
    EXPECT_EQ(screen(), ScreenKind::home);
    EXPECT_TRUE(visible(text(Str::wake)));
    EXPECT_GT(seconds_until_next_frame(*app), 1.0);
    tap_ok(text(Str::wake));
    EXPECT_EQ(app->idle.phase, IdlePhase::active);
    EXPECT_TRUE(visible(text(Str::tile_notices)));
}

TEST_F(KioskTest, LoopSleepsWhenNothingMoves) {
    start_with_demo(quick_idle());
    tap_ok(text(Str::tile_wishes));
    EXPECT_EQ(seconds_until_next_frame(*app), 0.0);  // just touched: a few more frames
    wait_for_images();  // then a few more frames
    const double sleep = seconds_until_next_frame(*app);
    EXPECT_GT(sleep, 0.0);
    EXPECT_LE(sleep, 60.0);  // the clock on the status bar still turns over each minute
}

}  // namespace
}  // namespace gongshi::kiosk::test
