#include "local_time.hpp"

#include <cstdio>

#include "ui_strings.hpp"

namespace gongshi::kiosk {

std::int64_t local_offset_seconds(std::int64_t unix_seconds, const std::optional<TimeZone>& tz) {
    // Without ICU's zone data, China Standard Time is the best guess for a community kiosk.
    return tz ? tz->offset_seconds_at(unix_seconds) : 8 * 3600;
}

Timestamp local_timestamp(std::int64_t unix_seconds, const std::optional<TimeZone>& tz) {
    return {unix_seconds, static_cast<int>(local_offset_seconds(unix_seconds, tz) / 60)};
}

LocalTime local_time(std::int64_t unix_seconds, const std::optional<TimeZone>& tz) {
    const std::int64_t local = unix_seconds + local_offset_seconds(unix_seconds, tz);
    const std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    LocalTime t;
    t.date = civil_from_days(days);
    t.weekday = static_cast<int>((days % 7 + 11) % 7);  // 1970-01-01 was a Thursday
    t.minute_of_day = static_cast<int>((local - days * 86400) / 60);
    return t;
}

std::string hh_mm(int minute_of_day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
    return buf;
}

std::string local_minute_text(std::int64_t unix_seconds, const std::optional<TimeZone>& tz) {
    const LocalTime t = local_time(unix_seconds, tz);
    return format(Str::month_day, {std::to_string(t.date.month), std::to_string(t.date.day)}) + " " +
           hh_mm(t.minute_of_day);
}

}  // namespace gongshi::kiosk
