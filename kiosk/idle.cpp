#include "idle.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace gongshi::kiosk {

namespace {

std::optional<int> parse_hh_mm(std::string_view t) {
    if (t.size() != 5 || t[2] != ':') return std::nullopt;
    for (std::size_t i : {0u, 1u, 3u, 4u})
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
    const int h = (t[0] - '0') * 10 + (t[1] - '0'), m = (t[3] - '0') * 10 + (t[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

void enter(IdleState& s, IdlePhase phase, double now) {
    s.phase = phase;
    s.phase_since_s = now;
}

}  // namespace

bool QuietHours::contains(int minute) const {
    if (start_minute <= end_minute) return minute >= start_minute && minute < end_minute;
    return minute >= start_minute || minute < end_minute;
}

Result<QuietHours> parse_quiet_hours(std::string_view text) {
    const auto dash = text.find('-');
    const auto start = dash == std::string_view::npos ? std::nullopt : parse_hh_mm(text.substr(0, dash));
    const auto end = dash == std::string_view::npos ? std::nullopt : parse_hh_mm(text.substr(dash + 1));
    if (!start || !end || *start == *end)
        return Result<QuietHours>::failure("quiet hours must look like 22:00-06:30, got \"" + std::string(text) + "\"");
    return QuietHours{*start, *end};
}

std::string format_quiet_hours(const QuietHours& q) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d-%02d:%02d", q.start_minute / 60, q.start_minute % 60, q.end_minute / 60,
                  q.end_minute % 60);
    return buf;
}

void note_input(IdleState& s, double now) { s.last_input_s = now; }

IdleEffect dismiss_idle(IdleState& s, double now) {
    const IdlePhase was = s.phase;
    s.last_input_s = now;
    enter(s, IdlePhase::active, now);
    // Waking from the attract loop or the dark screen starts a fresh session at home.
    return was == IdlePhase::attract || was == IdlePhase::quiet ? IdleEffect::reset_to_home : IdleEffect::none;
}

IdleEffect update_idle(IdleState& s, const IdleConfig& c, double now, int minute_of_day, bool at_clean_home) {
    const double idle_for = now - s.last_input_s;
    const bool quiet_now = c.quiet && c.quiet->contains(minute_of_day);
    switch (s.phase) {
    case IdlePhase::active:
        if (quiet_now && idle_for >= c.warn_after_s) {
            enter(s, IdlePhase::quiet, now);
            return IdleEffect::reset_to_home;
        }
        if (idle_for >= c.attract_after_s) {
            enter(s, IdlePhase::attract, now);
            return IdleEffect::reset_to_home;
        }
        if (idle_for >= c.warn_after_s && !at_clean_home) enter(s, IdlePhase::countdown, now);
        return IdleEffect::none;
    case IdlePhase::countdown:
        if (now - s.phase_since_s < c.countdown_s) return IdleEffect::none;
        enter(s, IdlePhase::active, now);
        return IdleEffect::reset_to_home;
    case IdlePhase::attract:
        if (quiet_now) enter(s, IdlePhase::quiet, now);
        return IdleEffect::none;
    case IdlePhase::quiet:
        if (!quiet_now) enter(s, IdlePhase::attract, now);
        return IdleEffect::none;
    }
    return IdleEffect::none;
}

int countdown_seconds_left(const IdleState& s, const IdleConfig& c, double now) {
    return std::max(0, static_cast<int>(std::ceil(c.countdown_s - (now - s.phase_since_s))));
}

int attract_step(const IdleState& s, const IdleConfig& c, double now) {
    return static_cast<int>(std::floor((now - s.phase_since_s) / c.attract_step_s));
}

double seconds_until_idle_change(const IdleState& s, const IdleConfig& c, double now) {
    const double idle_for = now - s.last_input_s;
    const double in_phase = now - s.phase_since_s;
    switch (s.phase) {
    case IdlePhase::active: {
        const double next = idle_for < c.warn_after_s ? c.warn_after_s : c.attract_after_s;
        return std::max(0.0, next - idle_for);
    }
    case IdlePhase::countdown:  // the number on screen changes every second
        return std::max(0.0, std::min(c.countdown_s - in_phase, std::ceil(in_phase + 1e-9) - in_phase));
    case IdlePhase::attract:
        return std::max(0.0, (std::floor(in_phase / c.attract_step_s) + 1) * c.attract_step_s - in_phase);
    case IdlePhase::quiet:
        return 60.0;  // quiet hours end on a minute boundary
    }
    return 60.0;
}

}  // namespace gongshi::kiosk
