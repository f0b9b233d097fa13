// Instants as the community reads them: its civil date, weekday and minute, and the texts the
// status bar and the staff screens show. Without ICU's zone data, China Standard Time is used.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "gongshi/time.hpp"

namespace gongshi::kiosk {

struct LocalTime {
    Date date;
    int weekday = 0;  // 0 = Sunday
    int minute_of_day = 0;
};

// The zone's offset from UTC at that instant (+8 h without zone data).
std::int64_t local_offset_seconds(std::int64_t unix_seconds, const std::optional<TimeZone>& tz);
// The instant with the offset it has there, as the API's RFC 3339 times carry it.
Timestamp local_timestamp(std::int64_t unix_seconds, const std::optional<TimeZone>& tz);
LocalTime local_time(std::int64_t unix_seconds, const std::optional<TimeZone>& tz);
std::string hh_mm(int minute_of_day);  // "09:05"
// "3月5日 10:00" in the community's time zone.
std::string local_minute_text(std::int64_t unix_seconds, const std::optional<TimeZone>& tz);

}  // namespace gongshi::kiosk
