// Calendar dates, instants with their UTC offset, and periods computed in a community's
// time zone. The wire carries RFC 3339 with an explicit offset and YYYY-MM-DD dates.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace gongshi {

struct Date {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
    auto operator<=>(const Date&) const = default;
};

// An instant plus the offset it was written with, so a record survives a round trip unchanged.
struct Timestamp {
    std::int64_t unix_seconds = 0;
    int offset_minutes = 0;
    bool operator==(const Timestamp&) const = default;
};

// Years outside this range are treated as corrupt data, not as dates.
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2200;

std::int64_t days_from_civil(const Date& d);
Date civil_from_days(std::int64_t days);
bool valid_date(const Date& d);

std::optional<Date> parse_date(std::string_view text);  // YYYY-MM-DD
std::string format_date(const Date& d);
std::optional<Timestamp> parse_timestamp(std::string_view text);  // RFC 3339, offset required
std::string format_timestamp(const Timestamp& t);

// An IANA time zone (ICU underneath). Cheap to copy; thread-safe to query.
class TimeZone {
public:
    static std::optional<TimeZone> load(const std::string& iana_name);
    int offset_seconds_at(std::int64_t unix_seconds) const;

    // The offset at an instant and the span [from, to) of instants that share it, so bulk work
    // can convert many instants with one zone lookup per offset change.
    struct OffsetSpan {
        int offset_seconds = 0;
        std::int64_t from = 0, to = 0;
        bool contains(std::int64_t t) const { return t >= from && t < to; }
    };
    OffsetSpan offset_span_at(std::int64_t unix_seconds) const;
    Date local_date(std::int64_t unix_seconds) const;
    // The first instant of a local calendar day in this zone.
    std::int64_t start_of_day(const Date& d) const;
    const std::string& name() const { return name_; }

private:
    struct Impl;
    std::shared_ptr<const Impl> impl_;
    std::string name_;
};

enum class PeriodKind { month, quarter, year, all_time };

// A ranking period. `index` is the month (1..12) or quarter (1..4); unused for year/all time.
struct Period {
    PeriodKind kind = PeriodKind::month;
    int year = 0;
    int index = 0;
    bool operator==(const Period&) const = default;
};

Period period_containing(PeriodKind kind, const Date& local_day);
Date period_first_day(const Period& p);      // for all_time: kMinYear-01-01
Date period_end_day(const Period& p);        // the day after the last day (exclusive)
std::string period_label(const Period& p);   // 2026-03, 2026-Q1, 2026, all

}  // namespace gongshi
