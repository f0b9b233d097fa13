#include "cache_schema.hpp"

#include <string>

#include "gongshi/text.hpp"

namespace gongshi::cache_schema {

namespace {

// Version 1: entity tables (JSON `data` plus the columns queries filter on), the point ledger
// in typed columns (it is the big table), and monthly point totals per subject and kind.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE community(id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE grid(id TEXT PRIMARY KEY, data TEXT NOT NULL, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE unit(id TEXT PRIMARY KEY, data TEXT NOT NULL, name TEXT NOT NULL,
                  registered INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE member(id TEXT PRIMARY KEY, data TEXT NOT NULL, name TEXT NOT NULL, member_no TEXT NOT NULL,
                    unit_id TEXT NOT NULL, grid_id TEXT NOT NULL, registered INTEGER NOT NULL,
                    pinyin TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE staff(id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE post(id TEXT PRIMARY KEY, data TEXT NOT NULL, category TEXT NOT NULL, name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE claim(id TEXT PRIMARY KEY, data TEXT NOT NULL, post_id TEXT NOT NULL, member_id TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE pledge(id TEXT PRIMARY KEY, data TEXT NOT NULL, member_id TEXT NOT NULL, year INTEGER NOT NULL,
                    approved INTEGER NOT NULL, headline TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE activity(id TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE point_event(id TEXT PRIMARY KEY, community_id TEXT NOT NULL, subject_kind INTEGER NOT NULL,
                         subject_id TEXT NOT NULL, occurred_at INTEGER NOT NULL, offset_minutes INTEGER NOT NULL,
                         local_day INTEGER NOT NULL, local_month INTEGER NOT NULL, kind INTEGER NOT NULL,
                         points INTEGER NOT NULL, reason TEXT NOT NULL, activity_id TEXT) WITHOUT ROWID;
CREATE TABLE evaluation(id TEXT PRIMARY KEY, data TEXT NOT NULL, subject_kind INTEGER NOT NULL,
                        subject_id TEXT NOT NULL, year INTEGER NOT NULL, grade TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE wish(id TEXT PRIMARY KEY, data TEXT NOT NULL, status INTEGER NOT NULL, tracking_code TEXT NOT NULL,
                  category TEXT NOT NULL, grid_id TEXT NOT NULL, claimed_by_id TEXT,
                  submitted_at INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE notice(id TEXT PRIMARY KEY, data TEXT NOT NULL, pinned INTEGER NOT NULL, publish_at INTEGER NOT NULL,
                    expire_at INTEGER) WITHOUT ROWID;
CREATE TABLE reward(id TEXT PRIMARY KEY, data TEXT NOT NULL, cost INTEGER NOT NULL) WITHOUT ROWID;
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

// Version 2: pinyin initials for search ("zsf"), and point totals per ranking period, so a
// ranking is one index range instead of a GROUP BY over the ledger.
constexpr const char* kVersion2 = R"sql(
ALTER TABLE member ADD COLUMN initials TEXT NOT NULL DEFAULT '';
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

Status rebuild_point_totals(sql::Db& db) {
    // kind order matches PointKind: group_activity, individual_service, bonus, deduction, redemption.
    constexpr const char* kMonths = R"sql(
DELETE FROM points_month;
INSERT INTO points_month
  SELECT subject_kind, subject_id, local_month,
         SUM(CASE kind WHEN 0 THEN points ELSE 0 END), SUM(CASE kind WHEN 1 THEN points ELSE 0 END),
         SUM(CASE kind WHEN 2 THEN points ELSE 0 END), SUM(CASE kind WHEN 3 THEN points ELSE 0 END),
         SUM(CASE kind WHEN 4 THEN points ELSE 0 END), SUM(kind <> 4)
  FROM point_event GROUP BY subject_kind, subject_id, local_month;
)sql";
    // Ranked points are earned points: every kind but redemption. Each month row feeds its
    // month, quarter, year and all-time periods.
    constexpr const char* kPeriods = R"sql(
DELETE FROM points_period;
INSERT INTO points_period
  SELECT subject_kind, period, subject_id, SUM(earned), SUM(events) FROM (
    SELECT subject_kind, subject_id, events, group_activity + individual_service + bonus + deduction AS earned,
           CASE p WHEN 0 THEN month WHEN 1 THEN (month / 100) * 100 + 20 + ((month % 100) - 1) / 3 + 1
                  WHEN 2 THEN (month / 100) * 100 ELSE 0 END AS period
    FROM points_month CROSS JOIN (SELECT 0 AS p UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3)
    WHERE events > 0)
  GROUP BY subject_kind, period, subject_id;
)sql";
    if (auto s = db.exec(kMonths); !s) return s;
    return db.exec(kPeriods);
}

}  // namespace gongshi::cache_schema
