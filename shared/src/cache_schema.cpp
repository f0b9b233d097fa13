#include "cache_schema.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "gongshi/text.hpp"

namespace gongshi::cache_schema {

namespace {

// Version 1: entity tables (JSON `data` plus the columns queries filter on), the point ledger
// in typed columns (it is the big table; WITHOUT ROWID keeps it one B-tree), and monthly point
// totals per subject and kind.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE community(id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE grid(id TEXT PRIMARY KEY, data TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE unit(id TEXT PRIMARY KEY, data TEXT NOT NULL, name TEXT NOT NULL,
                  registered INTEGER NOT NULL);
CREATE TABLE member(id TEXT PRIMARY KEY, data TEXT NOT NULL, name TEXT NOT NULL, member_no TEXT NOT NULL,
                    unit_id TEXT NOT NULL, grid_id TEXT NOT NULL, registered INTEGER NOT NULL,
                    pinyin TEXT NOT NULL);
CREATE TABLE staff(id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE post(id TEXT PRIMARY KEY, data TEXT NOT NULL, category TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE claim(id TEXT PRIMARY KEY, data TEXT NOT NULL, post_id TEXT NOT NULL, member_id TEXT NOT NULL);
CREATE TABLE pledge(id TEXT PRIMARY KEY, data TEXT NOT NULL, member_id TEXT NOT NULL, year INTEGER NOT NULL,
                    approved INTEGER NOT NULL, headline TEXT NOT NULL);
CREATE TABLE activity(id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE point_event(id TEXT PRIMARY KEY, community_id TEXT NOT NULL, subject_kind INTEGER NOT NULL,
                         subject_id TEXT NOT NULL, occurred_at INTEGER NOT NULL, offset_minutes INTEGER NOT NULL,
                         local_day INTEGER NOT NULL, local_month INTEGER NOT NULL, kind INTEGER NOT NULL,
                         points INTEGER NOT NULL, reason TEXT NOT NULL, activity_id TEXT) WITHOUT ROWID;
CREATE TABLE evaluation(id TEXT PRIMARY KEY, data TEXT NOT NULL, subject_kind INTEGER NOT NULL,
                        subject_id TEXT NOT NULL, year INTEGER NOT NULL, grade TEXT NOT NULL);
CREATE TABLE wish(id TEXT PRIMARY KEY, data TEXT NOT NULL, status INTEGER NOT NULL, tracking_code TEXT NOT NULL,
                  category TEXT NOT NULL, grid_id TEXT NOT NULL, claimed_by_id TEXT,
                  submitted_at INTEGER NOT NULL);
CREATE TABLE notice(id TEXT PRIMARY KEY, data TEXT NOT NULL, pinned INTEGER NOT NULL, publish_at INTEGER NOT NULL,
                    expire_at INTEGER);
CREATE TABLE reward(id TEXT PRIMARY KEY, data TEXT NOT NULL, cost INTEGER NOT NULL);
CREATE TABLE points_month(subject_kind INTEGER NOT NULL, subject_id TEXT NOT NULL, month INTEGER NOT NULL,
                          group_activity INTEGER NOT NULL, individual_service INTEGER NOT NULL,
                          bonus INTEGER NOT NULL, deduction INTEGER NOT NULL, redemption INTEGER NOT NULL,
                          events INTEGER NOT NULL,
                          PRIMARY KEY(subject_kind, subject_id, month)) WITHOUT ROWID;
CREATE INDEX member_unit ON member(unit_id);
CREATE INDEX member_grid ON member(grid_id);
CREATE INDEX claim_member ON claim(member_id);
CREATE INDEX claim_post ON claim(post_id);
CREATE INDEX pledge_member ON pledge(member_id, year);
CREATE INDEX point_event_subject ON point_event(subject_kind, subject_id, occurred_at);
CREATE INDEX point_event_day ON point_event(subject_kind, local_day);
CREATE INDEX evaluation_subject ON evaluation(subject_id, year);
CREATE INDEX evaluation_year ON evaluation(year, subject_kind, grade);
CREATE INDEX wish_status ON wish(status, submitted_at);
CREATE INDEX wish_tracking ON wish(tracking_code);
CREATE INDEX wish_claimer ON wish(claimed_by_id);
CREATE INDEX notice_publish ON notice(publish_at);
)sql";

// Version 2: pinyin initials and indexes for search-as-you-type ("zsf"), and point totals per
// ranking period (month, quarter, year, all time) replacing the monthly totals, so a ranking is
// one index range; a member's monthly breakdown comes from their own ledger lines.
constexpr const char* kVersion2 = R"sql(
ALTER TABLE member ADD COLUMN initials TEXT NOT NULL DEFAULT '';
CREATE INDEX member_pinyin ON member(pinyin);
CREATE INDEX member_initials ON member(initials);
CREATE INDEX member_name ON member(name);
CREATE INDEX member_number ON member(lower(member_no));
DROP TABLE points_month;
CREATE TABLE points_period(subject_kind INTEGER NOT NULL, period INTEGER NOT NULL, subject_id TEXT NOT NULL,
                           earned INTEGER NOT NULL, events INTEGER NOT NULL,
                           PRIMARY KEY(subject_kind, period, subject_id)) WITHOUT ROWID;
CREATE INDEX points_period_rank ON points_period(subject_kind, period, earned DESC);
)sql";

Status backfill_initials(sql::Db& db) {
    auto select = db.prepare("SELECT id, name FROM member");
    auto update = db.prepare("UPDATE member SET initials = ?2 WHERE id = ?1");
    if (!select || !update) return Status::failure(db.error());
    while (select->step()) {
        update->bind(1, select->text_view(0)).bind(2, pinyin_keys(select->text_view(1)).initials);
        if (!update->run()) return Status::failure(db.error());
    }
    return success();
}

Status step_to(sql::Db& db, int version) {
    switch (version) {
        case 1: return db.exec(kVersion1);
        case 2: {
            if (auto s = db.exec(kVersion2); !s) return s;
            if (auto s = backfill_initials(db); !s) return s;
            return rebuild_point_totals(db);
        }
        default: return Status::failure("no migration to schema version " + std::to_string(version));
    }
}

}  // namespace

Status migrate(sql::Db& db, int target) {
    for (int v = db.user_version() + 1; v <= target; ++v) {
        sql::Transaction tx(db);
        if (auto s = step_to(db, v); !s) return Status::failure("migration to version " + std::to_string(v) + ": " + s.error());
        if (auto s = db.exec("PRAGMA user_version = " + std::to_string(v)); !s) return s;
        if (auto s = tx.commit(); !s) return s;
    }
    return success();
}

namespace {

struct Earned {
    int points = 0;
    int events = 0;
};

// Subjects are interned to small integers so the hot loop hashes one 64-bit key per period
// instead of a string.
struct Subject {
    int kind;
    std::string id;
};

std::uint64_t pack(std::uint32_t subject, int period) {
    return (std::uint64_t{subject} << 32) | static_cast<std::uint32_t>(period);
}

}  // namespace

// One pass over the ledger aggregated in memory, then the totals written in key order with the
// ranking index built afterwards: several times faster than GROUP BY with a temporary B-tree.
Status rebuild_point_totals(sql::Db& db) {
    std::vector<Subject> subjects;
    std::unordered_map<std::string, std::uint32_t> subject_index[2];
    std::unordered_map<std::uint64_t, Earned> totals;
    auto scan = db.prepare("SELECT subject_kind, subject_id, local_month, points FROM point_event WHERE kind <> 4");
    if (!scan) return Status::failure(scan.error());
    while (scan->step()) {
        const int kind = scan->integer(0) == 0 ? 0 : 1;
        auto [it, added] = subject_index[kind].try_emplace(std::string(scan->text_view(1)),
                                                           static_cast<std::uint32_t>(subjects.size()));
        if (added) subjects.push_back({kind, it->first});
        const int points = scan->integer(3);
        for (int period : periods_of(scan->integer(2))) {
            auto& e = totals[pack(it->second, period)];
            e.points += points;
            e.events += 1;
        }
    }
    struct Row {
        const Subject* subject;
        int period;
        Earned earned;
    };
    std::vector<Row> rows;
    rows.reserve(totals.size());
    for (const auto& [key, e] : totals) rows.push_back({&subjects[key >> 32], static_cast<int>(key & 0xffffffffu), e});
    // Primary-key order (kind, period, id) makes every insert an append.
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return std::tie(a.subject->kind, a.period, a.subject->id) < std::tie(b.subject->kind, b.period, b.subject->id);
    });
    if (auto s = db.exec("DROP INDEX IF EXISTS points_period_rank; DELETE FROM points_period;"); !s) return s;
    auto insert = db.prepare("INSERT INTO points_period VALUES(?, ?, ?, ?, ?)");
    if (!insert) return Status::failure(insert.error());
    for (const auto& r : rows) {
        insert->bind(1, r.subject->kind).bind(2, r.period).bind(3, r.subject->id).bind(4, r.earned.points);
        if (!insert->bind(5, r.earned.events).run()) return Status::failure(db.error());
    }
    return db.exec("CREATE INDEX points_period_rank ON points_period(subject_kind, period, earned DESC)");
}

}  // namespace gongshi::cache_schema
