// The cache's schema as a list of migration steps (PRAGMA user_version counts them).
// Private to the cache; tests reach it to build files of older versions.
#pragma once

#include <array>

#include "gongshi/sqlite.hpp"

namespace gongshi::cache_schema {

// Runs the steps from the file's version up to `target` in one transaction each.
Status migrate(sql::Db& db, int target);

// Recomputes points_period from point_event (used after a rebuild swap, a time-zone change
// and by migration step 2).
Status rebuild_point_totals(sql::Db& db);

// Period codes stored in points_period: month YYYYMM, quarter YYYY*100+20+Q, year YYYY00, all 0.
inline int month_code(int year, int month) { return year * 100 + month; }
inline int quarter_code(int year, int quarter) { return year * 100 + 20 + quarter; }
inline int year_code(int year) { return year * 100; }
inline constexpr int kAllTimeCode = 0;

// The codes of the periods a month (YYYYMM) belongs to: itself, its quarter, its year, all time.
inline std::array<int, 4> periods_of(int month) {
    const int year = month / 100;
    return {month, quarter_code(year, (month % 100 - 1) / 3 + 1), year_code(year), kAllTimeCode};
}

}  // namespace gongshi::cache_schema
