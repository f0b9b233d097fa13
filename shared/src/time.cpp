#include "gongshi/time.hpp"

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/tztrans.h>

#include <charconv>
#include <cstdio>

namespace gongshi {

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian, day 0 = 1970-01-01).
std::int64_t days_from_civil(const Date& d) {
    const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t mp = (d.month + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return {year, month, day};
}

bool valid_date(const Date& d) {
    if (d.year < kMinYear || d.year > kMaxYear || d.month < 1 || d.month > 12 || d.day < 1) return false;
    return civil_from_days(days_from_civil(d)) == d;
}

namespace {

// Reads exactly `width` ASCII digits at `pos`.
bool read_digits(std::string_view s, std::size_t pos, std::size_t width, int& out) {
    if (pos + width > s.size()) return false;
    for (std::size_t i = pos; i < pos + width; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return std::from_chars(s.data() + pos, s.data() + pos + width, out).ec == std::errc{};
}

}  // namespace

std::optional<Date> parse_date(std::string_view s) {
    Date d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    if (!read_digits(s, 0, 4, d.year) || !read_digits(s, 5, 2, d.month) || !read_digits(s, 8, 2, d.day))
        return std::nullopt;
    if (!valid_date(d)) return std::nullopt;
    return d;
}

std::string format_date(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

// Accepts YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM). The fraction is dropped: the kiosk
// works in whole seconds.
std::optional<Timestamp> parse_timestamp(std::string_view s) {
    if (s.size() < 20 || (s[10] != 'T' && s[10] != 't')) return std::nullopt;
    auto date = parse_date(s.substr(0, 10));
    int hh = 0, mm = 0, ss = 0;
    if (!date || s[13] != ':' || s[16] != ':' || !read_digits(s, 11, 2, hh) || !read_digits(s, 14, 2, mm) ||
        !read_digits(s, 17, 2, ss) || hh > 23 || mm > 59 || ss > 60)
        return std::nullopt;
    std::size_t pos = 19;
    if (s[pos] == '.') {
        ++pos;
        const std::size_t digits_start = pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        if (pos == digits_start) return std::nullopt;
    }
    int offset = 0;
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
        ++pos;
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int oh = 0, om = 0;
        if (pos + 6 > s.size() || s[pos + 3] != ':' || !read_digits(s, pos + 1, 2, oh) ||
            !read_digits(s, pos + 4, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offset = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;  // an offset is required: a bare local time is ambiguous
    }
    if (pos != s.size()) return std::nullopt;
    if (ss == 60) ss = 59;  // leap second: clamp, the kiosk cannot represent it
    const std::int64_t local = days_from_civil(*date) * 86400 + hh * 3600 + mm * 60 + ss;
    return Timestamp{local - offset * 60, offset};
}

std::string format_timestamp(const Timestamp& t) {
    const std::int64_t local = t.unix_seconds + t.offset_minutes * 60;
    std::int64_t days = local / 86400;
    std::int64_t secs = local % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    const Date d = civil_from_days(days);
    char buf[40];
    const int hh = static_cast<int>(secs / 3600), mm = static_cast<int>(secs / 60 % 60), ss = static_cast<int>(secs % 60);
    if (t.offset_minutes == 0) {
        std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", format_date(d).c_str(), hh, mm, ss);
    } else {
        const int off = t.offset_minutes < 0 ? -t.offset_minutes : t.offset_minutes;
        std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", format_date(d).c_str(), hh, mm, ss,
                      t.offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
    }
    return buf;
}

struct TimeZone::Impl {
    std::unique_ptr<icu::TimeZone> zone;
};

std::optional<TimeZone> TimeZone::load(const std::string& iana_name) {
    auto zone = std::unique_ptr<icu::TimeZone>(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(iana_name)));
    if (!zone || *zone == icu::TimeZone::getUnknown()) return std::nullopt;
    TimeZone tz;
    tz.impl_ = std::make_shared<Impl>(Impl{std::move(zone)});
    tz.name_ = iana_name;
    return tz;
}

int TimeZone::offset_seconds_at(std::int64_t unix_seconds) const {
    int32_t raw = 0, dst = 0;
    UErrorCode status = U_ZERO_ERROR;
    // getOffset is const and thread-safe on an immutable zone.
    impl_->zone->getOffset(static_cast<UDate>(unix_seconds) * 1000.0, false, raw, dst, status);
    return U_SUCCESS(status) ? (raw + dst) / 1000 : 0;
}

TimeZone::OffsetSpan TimeZone::offset_span_at(std::int64_t unix_seconds) const {
    OffsetSpan span{offset_seconds_at(unix_seconds), unix_seconds, unix_seconds + 1};
    const auto* basic = dynamic_cast<const icu::BasicTimeZone*>(impl_->zone.get());
    if (!basic) return span;  // no transition data: a span of one second, still correct
    const UDate at = static_cast<UDate>(unix_seconds) * 1000.0;
    icu::TimeZoneTransition transition;
    span.from = basic->getPreviousTransition(at, true, transition)
                    ? static_cast<std::int64_t>(transition.getTime() / 1000.0)
                    : std::int64_t{kMinYear - 1970} * 366 * 86400;
    span.to = basic->getNextTransition(at, false, transition) ? static_cast<std::int64_t>(transition.getTime() / 1000.0)
                                                               : std::int64_t{kMaxYear + 1 - 1970} * 366 * 86400;
    return span;
}

Date TimeZone::local_date(std::int64_t unix_seconds) const {
    const std::int64_t local = unix_seconds + offset_seconds_at(unix_seconds);
    return civil_from_days(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

std::int64_t TimeZone::start_of_day(const Date& d) const {
    const std::int64_t local_midnight = days_from_civil(d) * 86400;
    // The offset at local midnight is the offset in force near it; one refinement covers DST edges.
    std::int64_t guess = local_midnight - offset_seconds_at(local_midnight);
    guess = local_midnight - offset_seconds_at(guess);
    return guess;
}

Period period_containing(PeriodKind kind, const Date& d) {
    switch (kind) {
        case PeriodKind::month: return {kind, d.year, d.month};
        case PeriodKind::quarter: return {kind, d.year, (d.month - 1) / 3 + 1};
        case PeriodKind::year: return {kind, d.year, 0};
        case PeriodKind::all_time: break;
    }
    return {PeriodKind::all_time, 0, 0};
}

Date period_first_day(const Period& p) {
    switch (p.kind) {
        case PeriodKind::month: return {p.year, p.index, 1};
        case PeriodKind::quarter: return {p.year, (p.index - 1) * 3 + 1, 1};
        case PeriodKind::year: return {p.year, 1, 1};
        case PeriodKind::all_time: break;
    }
    return {kMinYear, 1, 1};
}

Date period_end_day(const Period& p) {
    switch (p.kind) {
        case PeriodKind::month: return p.index == 12 ? Date{p.year + 1, 1, 1} : Date{p.year, p.index + 1, 1};
        case PeriodKind::quarter: return p.index == 4 ? Date{p.year + 1, 1, 1} : Date{p.year, p.index * 3 + 1, 1};
        case PeriodKind::year: return {p.year + 1, 1, 1};
        case PeriodKind::all_time: break;
    }
    return {kMaxYear + 1, 1, 1};
}

std::string period_label(const Period& p) {
    char buf[16];
    switch (p.kind) {
        case PeriodKind::month: std::snprintf(buf, sizeof buf, "%04d-%02d", p.year, p.index); return buf;
        case PeriodKind::quarter: std::snprintf(buf, sizeof buf, "%04d-Q%d", p.year, p.index); return buf;
        case PeriodKind::year: std::snprintf(buf, sizeof buf, "%04d", p.year); return buf;
        case PeriodKind::all_time: break;
    }
    return "all";
}

}  // namespace gongshi
