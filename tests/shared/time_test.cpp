#include <gtest/gtest.h>

#include "gongshi/time.hpp"

using namespace gongshi;

TEST(Time, ParsesAndFormatsWithOffset) {
    auto t = parse_timestamp("2026-03-31T23:59:59+08:00");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->unix_seconds, 1774972799);  // date -d '2026-03-31T15:59:59Z' +%s
    EXPECT_EQ(t->offset_minutes, 480);
    EXPECT_EQ(format_timestamp(*t), "2026-03-31T23:59:59+08:00");
    EXPECT_EQ(format_timestamp(*parse_timestamp("2026-01-01T00:00:00Z")), "2026-01-01T00:00:00Z");
    EXPECT_EQ(format_timestamp(*parse_timestamp("2026-01-01T00:00:00-05:30")), "2026-01-01T00:00:00-05:30");
    EXPECT_EQ(parse_timestamp("2026-01-01T00:00:00.250Z")->unix_seconds, 1767225600);
}

TEST(Time, RejectsAmbiguousOrBrokenTimes) {
    for (const char* bad : {"2026-03-31T23:59:59", "2026-03-31 23:59:59Z", "2026-02-30T00:00:00Z",
                            "99999-01-01T00:00:00Z", "2026-03-31T24:00:00Z", "2026-03-31T10:00:00+8:00", "",
                            "2026-03-31T10:00:00Zjunk", "2026-03-31T10:00:00.Z"})
        EXPECT_FALSE(parse_timestamp(bad)) << bad;
}

TEST(Time, DatesValidateTheCalendar) {
    EXPECT_TRUE(parse_date("2024-02-29"));
    EXPECT_FALSE(parse_date("2026-02-29"));
    EXPECT_FALSE(parse_date("2026-13-01"));
    EXPECT_FALSE(parse_date("1899-12-31"));  // outside the plausible range
    EXPECT_EQ(format_date(*parse_date("2026-11-22")), "2026-11-22");
    EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
    EXPECT_EQ(civil_from_days(days_from_civil({2000, 2, 29})), (Date{2000, 2, 29}));
}

TEST(Time, LocalDatesFollowTheCommunityZone) {
    auto shanghai = TimeZone::load("Asia/Shanghai");
    ASSERT_TRUE(shanghai);
    // 16:00 UTC on 31 March is already 1 April in Shanghai.
    EXPECT_EQ(shanghai->local_date(parse_timestamp("2026-03-31T16:00:00Z")->unix_seconds), (Date{2026, 4, 1}));
    EXPECT_EQ(shanghai->local_date(parse_timestamp("2026-03-31T15:59:59Z")->unix_seconds), (Date{2026, 3, 31}));
    EXPECT_EQ(shanghai->start_of_day({2026, 4, 1}), parse_timestamp("2026-04-01T00:00:00+08:00")->unix_seconds);
    auto new_york = TimeZone::load("America/New_York");
    ASSERT_TRUE(new_york);
    EXPECT_EQ(new_york->offset_seconds_at(parse_timestamp("2026-07-01T12:00:00Z")->unix_seconds), -4 * 3600);
    EXPECT_EQ(new_york->offset_seconds_at(parse_timestamp("2026-01-01T12:00:00Z")->unix_seconds), -5 * 3600);
    EXPECT_FALSE(TimeZone::load("Mars/Olympus_Mons"));
}

TEST(Time, OffsetSpansEndAtTransitions) {
    auto new_york = TimeZone::load("America/New_York");
    const auto summer = parse_timestamp("2026-07-01T12:00:00Z")->unix_seconds;
    const auto span = new_york->offset_span_at(summer);
    EXPECT_EQ(span.offset_seconds, -4 * 3600);
    EXPECT_EQ(span.from, parse_timestamp("2026-03-08T07:00:00Z")->unix_seconds);  // 2 a.m. EST
    EXPECT_EQ(span.to, parse_timestamp("2026-11-01T06:00:00Z")->unix_seconds);    // 2 a.m. EDT
    EXPECT_TRUE(span.contains(summer));
    EXPECT_FALSE(span.contains(span.to));
    auto shanghai = TimeZone::load("Asia/Shanghai");
    const auto long_span = shanghai->offset_span_at(summer);
    EXPECT_EQ(long_span.offset_seconds, 8 * 3600);
    EXPECT_LT(long_span.from, parse_timestamp("1992-01-01T00:00:00Z")->unix_seconds);
    EXPECT_GT(long_span.to, parse_timestamp("2100-01-01T00:00:00Z")->unix_seconds);
}

TEST(Time, PeriodsCoverTheirDays) {
    const Period q = period_containing(PeriodKind::quarter, {2026, 11, 22});
    EXPECT_EQ(q, (Period{PeriodKind::quarter, 2026, 4}));
    EXPECT_EQ(period_first_day(q), (Date{2026, 10, 1}));
    EXPECT_EQ(period_end_day(q), (Date{2027, 1, 1}));
    EXPECT_EQ(period_label(q), "2026-Q4");
    EXPECT_EQ(period_end_day(period_containing(PeriodKind::month, {2026, 2, 3})), (Date{2026, 3, 1}));
    EXPECT_EQ(period_label(period_containing(PeriodKind::month, {2026, 2, 3})), "2026-02");
    EXPECT_EQ(period_label(period_containing(PeriodKind::year, {2026, 2, 3})), "2026");
    EXPECT_EQ(period_label(period_containing(PeriodKind::all_time, {2026, 2, 3})), "all");
}
