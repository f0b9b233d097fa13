#include <gtest/gtest.h>

#include "idle.hpp"

namespace gongshi::kiosk {
namespace {

constexpr int kNoon = 12 * 60;

IdleConfig config() {
    IdleConfig c;
    c.warn_after_s = 60;
    c.countdown_s = 10;
    c.attract_after_s = 300;
    c.attract_step_s = 10;
    return c;
}

TEST(KioskIdle, CountdownOnlyAwayFromACleanHome) {
    IdleState s;
    EXPECT_EQ(update_idle(s, config(), 59, kNoon, false), IdleEffect::none);
    EXPECT_EQ(s.phase, IdlePhase::active);
    update_idle(s, config(), 60, kNoon, true);
    EXPECT_EQ(s.phase, IdlePhase::active);
    update_idle(s, config(), 61, kNoon, false);
    EXPECT_EQ(s.phase, IdlePhase::countdown);
    EXPECT_EQ(countdown_seconds_left(s, config(), 61), 10);
    EXPECT_EQ(countdown_seconds_left(s, config(), 64.5), 7);
}

TEST(KioskIdle, CountdownEndsAtHome) {
    IdleState s;
    update_idle(s, config(), 61, kNoon, false);
    EXPECT_EQ(update_idle(s, config(), 70, kNoon, false), IdleEffect::none);
    EXPECT_EQ(update_idle(s, config(), 71, kNoon, false), IdleEffect::reset_to_home);
    EXPECT_EQ(s.phase, IdlePhase::active);
    // Still nobody: the attract loop comes at attract_after from the last touch.
    update_idle(s, config(), 299, kNoon, true);
    EXPECT_EQ(s.phase, IdlePhase::active);
    EXPECT_EQ(update_idle(s, config(), 300, kNoon, true), IdleEffect::reset_to_home);
    EXPECT_EQ(s.phase, IdlePhase::attract);
}

TEST(KioskIdle, TouchDuringCountdownDoesNotDismissUntilTheOverlayIsTapped) {
    IdleState s;
    update_idle(s, config(), 61, kNoon, false);
    note_input(s, 62);
    EXPECT_EQ(s.phase, IdlePhase::countdown);
    EXPECT_EQ(dismiss_idle(s, 62), IdleEffect::none);
    EXPECT_EQ(s.phase, IdlePhase::active);
}

TEST(KioskIdle, AttractStepsAndWakesToHome) {
    IdleState s;
    update_idle(s, config(), 300, kNoon, true);
    EXPECT_EQ(attract_step(s, config(), 305), 0);
    EXPECT_EQ(attract_step(s, config(), 315), 1);
    EXPECT_DOUBLE_EQ(seconds_until_idle_change(s, config(), 315), 5.0);
    EXPECT_EQ(dismiss_idle(s, 400), IdleEffect::reset_to_home);
    EXPECT_EQ(s.phase, IdlePhase::active);
}

TEST(KioskIdle, QuietHoursTakeOverAndEnd) {
    IdleConfig c = config();
    c.quiet = QuietHours{22 * 60, 6 * 60};
    IdleState s;
    EXPECT_EQ(update_idle(s, c, 61, 22 * 60 + 1, false), IdleEffect::reset_to_home);
    EXPECT_EQ(s.phase, IdlePhase::quiet);
    update_idle(s, c, 5000, 3 * 60, true);
    EXPECT_EQ(s.phase, IdlePhase::quiet);
    update_idle(s, c, 9000, 6 * 60, true);
    EXPECT_EQ(s.phase, IdlePhase::attract);
    // In use at 22:00: quiet hours wait until nobody has touched for warn_after.
    IdleState busy;
    note_input(busy, 10000);
    update_idle(busy, c, 10030, 22 * 60 + 5, false);
    EXPECT_EQ(busy.phase, IdlePhase::active);
}

TEST(KioskIdle, SleepsUntilTheNextChange) {
    IdleState s;
    EXPECT_DOUBLE_EQ(seconds_until_idle_change(s, config(), 20), 40.0);
    update_idle(s, config(), 61, kNoon, false);
    EXPECT_NEAR(seconds_until_idle_change(s, config(), 61.25), 0.75, 1e-9);
}

}  // namespace
}  // namespace gongshi::kiosk
