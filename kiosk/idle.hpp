// What the kiosk does when nobody touches it. Pure logic over an injected time, so tests can
// walk through an hour in microseconds.
//   active --(warn_after, away from a clean home)--> countdown --(countdown)--> home, wiped
//   active --(attract_after)--> attract: slides that change every attract_step, no animation
//   any idle phase --(quiet hours, after warn_after)--> quiet: a dark screen until touched
// The overlay of each idle phase is dismissed by its own tap (DismissIdle), so the touch that
// wakes the kiosk never lands on a button underneath.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gongshi/result.hpp"

namespace gongshi::kiosk {

// A daily window in local time, in minutes after midnight; it may span midnight (22:00-06:30).
struct QuietHours {
    int start_minute = 0;
    int end_minute = 0;
    bool contains(int minute_of_day) const;
};
Result<QuietHours> parse_quiet_hours(std::string_view text);  // "22:00-06:30"
std::string format_quiet_hours(const QuietHours& q);

struct IdleConfig {
    double warn_after_s = 90;     // no touch for this long -> "still there?" countdown
    double countdown_s = 15;      // then home, forms wiped
    double attract_after_s = 300;
    double attract_step_s = 10;
    std::optional<QuietHours> quiet;
};

enum class IdlePhase { active, countdown, attract, quiet };

struct IdleState {
    IdlePhase phase = IdlePhase::active;
    double last_input_s = 0;
    double phase_since_s = 0;
};

// What the app must do after an idle update.
enum class IdleEffect { none, reset_to_home };

// Any touch. Keeps the current overlay up: only the overlay's own tap dismisses it.
void note_input(IdleState& s, double now);
IdleEffect dismiss_idle(IdleState& s, double now);
// `at_clean_home`: on the home screen with nothing half-filled (no countdown needed).
IdleEffect update_idle(IdleState& s, const IdleConfig& c, double now, int local_minute_of_day, bool at_clean_home);

int countdown_seconds_left(const IdleState& s, const IdleConfig& c, double now);
int attract_step(const IdleState& s, const IdleConfig& c, double now);
// Seconds until the idle state could next change what is on screen (for the loop's wait).
double seconds_until_idle_change(const IdleState& s, const IdleConfig& c, double now);

}  // namespace gongshi::kiosk
