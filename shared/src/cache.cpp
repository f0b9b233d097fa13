// Cache: opening (create, migrate, set aside), and the sync engine's write path.
// Queries live in cache_queries.cpp.
#include "gongshi/cache.hpp"

#include <array>
#include <chrono>
#include <filesystem>
#include <unordered_map>

#include "cache_schema.hpp"
#include "gongshi/log.hpp"
#include "gongshi/text.hpp"

namespace gongshi {

namespace {

constexpr const char* kDefaultTimeZone = "Asia/Shanghai";
constexpr const char* kStagingPrefix = "rebuild_";

// Where each kind lives and which columns an upsert writes (bound in this order below).
struct TableDef {
    const char* name;
    const char* columns;
};
constexpr std::array<TableDef, 14> kTables{{
    {"community", "id, data"},
    {"grid", "id, data, name"},
    {"unit", "id, data, name, registered"},
    {"member", "id, data, name, member_no, unit_id, grid_id, registered, pinyin, initials"},
    {"staff", "id, data"},
    {"post", "id, data, category, name"},
    {"claim", "id, data, post_id, member_id"},
    {"pledge", "id, data, member_id, year, approved, headline"},
    {"activity", "id, data"},
    {"point_event",
     "id, community_id, subject_kind, subject_id, occurred_at, offset_minutes, local_day, local_month, kind, points, "
     "reason, activity_id"},
    {"evaluation", "id, data, subject_kind, subject_id, year, grade"},
    {"wish", "id, data, status, tracking_code, category, grid_id, claimed_by_id, submitted_at"},
    {"notice", "id, data, pinned, publish_at, expire_at"},
    {"reward", "id, data, cost"},
}};

const TableDef& table_of(EntityKind kind) { return kTables[static_cast<std::size_t>(kind)]; }

std::string upsert_sql(const std::string& table, const char* columns) {
    std::string placeholders = "?";
    for (const char* c = columns; *c; ++c)
        if (*c == ',') placeholders += ", ?";
    return "INSERT OR REPLACE INTO " + table + "(" + columns + ") VALUES(" + placeholders + ")";
}

int as_int(bool b) { return b ? 1 : 0; }
int as_int(auto e) { return static_cast<int>(e); }

struct LocalTime {
    std::int64_t day;
    int month;  // YYYYMM
};

// Local days of instants in one zone, asking the zone again only when an offset change is crossed
// (a full sync localizes hundreds of thousands of ledger lines).
class Localizer {
public:
    explicit Localizer(TimeZone tz) : tz_(std::move(tz)) {}
    LocalTime operator()(std::int64_t unix_seconds) {
        if (!span_.contains(unix_seconds)) span_ = tz_.offset_span_at(unix_seconds);
        const std::int64_t local = unix_seconds + span_.offset_seconds;
        const std::int64_t day = local >= 0 ? local / 86400 : (local - 86399) / 86400;
        const Date d = civil_from_days(day);
        return {day, cache_schema::month_code(d.year, d.month)};
    }

private:
    TimeZone tz_;
    TimeZone::OffsetSpan span_;
};

// Binds the columns of TableDef::columns for one entity.
struct RowBinder {
    sql::Stmt& s;
    const std::string& data;
    Localizer& localize;

    void operator()(const Community& x) { s.bind(1, x.id).bind(2, data); }
    void operator()(const Grid& x) { s.bind(1, x.id).bind(2, data).bind(3, x.name); }
    void operator()(const Unit& x) {
        s.bind(1, x.id).bind(2, data).bind(3, x.name).bind(4, as_int(x.registration == Registration::registered));
    }
    void operator()(const Member& x) {
        const auto keys = pinyin_keys(x.name);
        s.bind(1, x.id).bind(2, data).bind(3, x.name).bind(4, x.member_no).bind(5, x.unit_id).bind(6, x.grid_id);
        s.bind(7, as_int(x.registration == Registration::registered)).bind(8, keys.full).bind(9, keys.initials);
    }
    void operator()(const StaffAccount& x) { s.bind(1, x.id).bind(2, data); }
    void operator()(const Post& x) { s.bind(1, x.id).bind(2, data).bind(3, x.category).bind(4, x.name); }
    void operator()(const Claim& x) { s.bind(1, x.id).bind(2, data).bind(3, x.post_id).bind(4, x.member_id); }
    void operator()(const Pledge& x) {
        s.bind(1, x.id).bind(2, data).bind(3, x.member_id).bind(4, x.year);
        s.bind(5, as_int(x.review == ReviewStatus::approved)).bind(6, x.items.empty() ? std::string() : x.items.front());
    }
    void operator()(const Activity& x) { s.bind(1, x.id).bind(2, data); }
    void operator()(const PointEvent& x) {
        const auto local = localize(x.occurred_at.unix_seconds);
        s.bind(1, x.id).bind(2, x.community_id).bind(3, as_int(x.subject_kind)).bind(4, x.subject_id);
        s.bind(5, x.occurred_at.unix_seconds).bind(6, x.occurred_at.offset_minutes).bind(7, local.day);
        s.bind(8, local.month).bind(9, as_int(x.kind)).bind(10, x.points).bind(11, x.reason).bind(12, x.activity_id);
    }
    void operator()(const Evaluation& x) {
        s.bind(1, x.id).bind(2, data).bind(3, as_int(x.subject_kind)).bind(4, x.subject_id).bind(5, x.year);
        s.bind(6, x.grade);
    }
    void operator()(const Wish& x) {
        s.bind(1, x.id).bind(2, data).bind(3, as_int(x.status)).bind(4, x.tracking_code).bind(5, x.category);
        s.bind(6, x.grid_id).bind(7, x.claimed_by_id).bind(8, x.submitted_at.unix_seconds);
    }
    void operator()(const Notice& x) {
        s.bind(1, x.id).bind(2, data).bind(3, as_int(x.pinned)).bind(4, x.publish_at.unix_seconds);
        if (x.expire_at) s.bind(5, x.expire_at->unix_seconds);
        else s.bind_null(5);
    }
    void operator()(const Reward& x) { s.bind(1, x.id).bind(2, data).bind(3, x.cost); }
};

// ---- point totals maintained per page (incremental sync only) --------------------------------

struct MonthKey {
    int subject_kind;
    std::string subject_id;
    int month;
    bool operator==(const MonthKey&) const = default;
};
struct MonthKeyHash {
    std::size_t operator()(const MonthKey& k) const {
        return std::hash<std::string>()(k.subject_id) ^ (static_cast<std::size_t>(k.month) * 31u + static_cast<std::size_t>(k.subject_kind));
    }
};
struct EarnedDelta {
    int points = 0;
    int events = 0;
};

// Collects what a page changes in earned points per subject and month, then adds it to every
// period those months belong to. Redemptions are not earned points and never ranked.
class PointTotals {
public:
    void add(int subject_kind, std::string subject_id, int month, int kind, int points, int sign) {
        if (kind == static_cast<int>(PointKind::redemption)) return;
        auto& d = deltas_[MonthKey{subject_kind, std::move(subject_id), month}];
        d.points += sign * points;
        d.events += sign;
    }

    Status flush(sql::Db& db) {
        if (deltas_.empty()) return success();
        auto period = db.prepare(R"sql(
INSERT INTO points_period VALUES(?1, ?2, ?3, ?4, ?5)
ON CONFLICT DO UPDATE SET earned = earned + excluded.earned, events = events + excluded.events)sql");
        if (!period) return Status::failure(db.error());
        for (const auto& [key, d] : deltas_) {
            for (int code : cache_schema::periods_of(key.month)) {
                period->bind(1, key.subject_kind).bind(2, code).bind(3, key.subject_id).bind(4, d.points).bind(5, d.events);
                if (!period->run()) return Status::failure(db.error());
            }
        }
        // A subject whose last event in a period went away drops out of that period's ranking.
        return db.exec("DELETE FROM points_period WHERE events = 0");
    }

private:
    std::unordered_map<MonthKey, EarnedDelta, MonthKeyHash> deltas_;
};

// ---- meta ------------------------------------------------------------------------------------

std::optional<std::string> read_meta(const sql::Db& db, const char* key) {
    auto s = db.must_prepare("SELECT value FROM meta WHERE key = ?");
    s.bind(1, key);
    return s.step() ? std::optional(s.text(0)) : std::nullopt;
}

Status write_meta(sql::Db& db, const char* key, const std::string& value) {
    auto s = db.must_prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)");
    s.bind(1, key).bind(2, value);
    return s.run() ? success() : Status::failure(db.error());
}

// Recomputes local days of every stored point event for a new time zone.
Status relocalize(sql::Db& db, const std::string& table, Localizer& localize) {
    auto select = db.prepare("SELECT id, occurred_at FROM " + table);
    auto update = db.prepare("UPDATE " + table + " SET local_day = ?2, local_month = ?3 WHERE id = ?1");
    if (!select || !update) return Status::failure(db.error());
    while (select->step()) {
        const auto local = localize(select->int64(1));
        update->bind(1, select->text_view(0)).bind(2, local.day).bind(3, local.month);
        if (!update->run()) return Status::failure(db.error());
    }
    return success();
}

std::optional<std::string> time_zone_in(const ChangePage& page) {
    for (const auto& c : page.changes)
        if (c.entity && c.kind == EntityKind::community) return std::get<Community>(*c.entity).time_zone;
    return std::nullopt;
}

bool usable(const std::string& path, std::string& why) {
    auto db = sql::Db::open(path, sql::Db::Mode::read_write);
    if (!db) return why = db.error(), false;
    auto check = db->must_prepare("PRAGMA quick_check(1)");
    if (!check.step() || check.text(0) != "ok") return why = "integrity check failed: " + db->error(), false;
    const int version = db->user_version();
    if (version > Cache::kSchemaVersion)
        return why = "schema version " + std::to_string(version) + " is newer than this build", false;
    return true;
}

void set_aside(const std::string& path, const std::string& why) {
    namespace fs = std::filesystem;
    const auto stamp = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                          std::chrono::system_clock::now().time_since_epoch()).count());
    std::error_code ec;
    fs::rename(path, path + ".corrupt-" + stamp, ec);
    for (const char* suffix : {"-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
    log(LogLevel::warning, "cache " + path + " set aside (" + why + "); the next full sync rebuilds it");
}

}  // namespace

// ---- opening ---------------------------------------------------------------------------------

Cache::Cache(sql::Db db) : db_(std::move(db)) {}

namespace {

// Opens (or creates) the file and brings its schema up to date.
Result<sql::Db> open_current(const std::string& path) {
    auto db = sql::Db::open(path, sql::Db::Mode::read_write_create);
    if (!db) return db;
    // A large page cache and mmap: the full-sync swap and totals touch every page, and
    // re-reading them through pread() was the largest cost of an import.
    Status s = db->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;"
                        "PRAGMA mmap_size = 536870912; PRAGMA temp_store = MEMORY;");
    if (s) s = cache_schema::migrate(db.value(), Cache::kSchemaVersion);
    if (!s) return Result<sql::Db>::failure(s.error());
    return db;
}

}  // namespace

Result<Cache> Cache::open_read_write(const std::string& path) {
    std::string why;
    if (std::filesystem::exists(path) && !usable(path, why)) set_aside(path, why);
    auto db = open_current(path);
    if (!db) {
        // The file cannot be brought up to date: it is disposable, start over once.
        set_aside(path, db.error());
        db = open_current(path);
    }
    if (!db) return Result<Cache>::failure("cannot create cache " + path + ": " + db.error());
    return Cache(std::move(db.value()));
}

Result<Cache> Cache::open_read_only(const std::string& path) {
    auto db = sql::Db::open(path, sql::Db::Mode::read_only);
    if (!db) return Result<Cache>::failure(db.error());
    (void)db->exec("PRAGMA mmap_size = 536870912; PRAGMA cache_size = -16384;");
    if (db->user_version() != kSchemaVersion)
        return Result<Cache>::failure("cache " + path + " has schema version " + std::to_string(db->user_version()) +
                                      ", expected " + std::to_string(kSchemaVersion));
    return Cache(std::move(db.value()));
}

// ---- writes ----------------------------------------------------------------------------------

Status Cache::apply_page(const ChangePage& page, bool staging) {
    const std::string prefix = staging ? kStagingPrefix : "";
    const char* tz_key = staging ? "rebuild_time_zone" : "time_zone";
    const char* cursor_key = staging ? "rebuild_cursor" : "cursor";

    sql::Transaction tx(db_);
    if (!tx.began()) return Status::failure("cannot begin: " + db_.error());

    const std::string stored_tz = read_meta(db_, tz_key).value_or(kDefaultTimeZone);
    const std::string tz_name = time_zone_in(page).value_or(stored_tz);
    auto tz = TimeZone::load(tz_name);
    if (!tz) return Status::failure("community time zone '" + tz_name + "' is unknown");
    Localizer localize(*tz);
    if (tz_name != stored_tz) {
        if (auto s = relocalize(db_, prefix + "point_event", localize); !s) return s;
        if (!staging)
            if (auto s = cache_schema::rebuild_point_totals(db_); !s) return s;
        if (auto s = write_meta(db_, tz_key, tz_name); !s) return s;
    }

    std::array<sql::Stmt, 14> upserts;
    std::array<sql::Stmt, 14> deletes;
    auto old_point = db_.must_prepare("SELECT subject_kind, subject_id, local_month, kind, points FROM " + prefix +
                                      "point_event WHERE id = ?");
    PointTotals totals;
    auto subtract_old_point = [&](const std::string& id) {
        old_point.bind(1, id);
        if (old_point.step())
            totals.add(old_point.integer(0), old_point.text(1), old_point.integer(2), old_point.integer(3),
                       old_point.integer(4), -1);
        old_point.reset();
    };

    for (const auto& change : page.changes) {
        const auto k = static_cast<std::size_t>(change.kind);
        const std::string table = prefix + table_of(change.kind).name;
        const bool points = change.kind == EntityKind::point_event && !staging;
        if (points) subtract_old_point(change.id);
        if (change.is_delete) {
            if (!deletes[k].get()) deletes[k] = db_.must_prepare("DELETE FROM " + table + " WHERE id = ?");
            if (!deletes[k].bind(1, change.id).run()) return Status::failure(db_.error());
            continue;
        }
        if (!upserts[k].get()) upserts[k] = db_.must_prepare(upsert_sql(table, table_of(change.kind).columns));
        const std::string data = change.kind == EntityKind::point_event ? std::string() : encode(*change.entity).dump();
        std::visit(RowBinder{upserts[k], data, localize}, *change.entity);
        if (!upserts[k].run()) return Status::failure(std::string(kind_name(change.kind)) + " " + change.id + ": " + db_.error());
        if (points) {
            const auto& e = std::get<PointEvent>(*change.entity);
            totals.add(as_int(e.subject_kind), e.subject_id, localize(e.occurred_at.unix_seconds).month,
                       as_int(e.kind), e.points, +1);
        }
    }
    if (auto s = totals.flush(db_); !s) return s;
    if (auto s = write_meta(db_, cursor_key, page.cursor); !s) return s;
    return tx.commit();
}

Status Cache::apply(const ChangePage& page) { return apply_page(page, false); }

Status Cache::apply_to_rebuild(const ChangePage& page) {
    if (!rebuild_cursor()) return Status::failure("no rebuild in progress");
    return apply_page(page, true);
}

std::optional<std::string> Cache::rebuild_cursor() const { return read_meta(db_, "rebuild_cursor"); }

Status Cache::begin_rebuild() {
    sql::Transaction tx(db_);
    for (const auto& t : kTables) {
        const std::string staged = std::string(kStagingPrefix) + t.name;
        if (auto s = db_.exec("DROP TABLE IF EXISTS " + staged); !s) return s;
        // Staging tables copy the live definition (whatever migrations made it), without indexes:
        // a bulk load is faster when indexes are built once at the swap.
        auto def = db_.must_prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?");
        def.bind(1, t.name);
        if (!def.step()) return Status::failure(std::string("no table ") + t.name);
        const std::string ddl = def.text(0);
        if (auto s = db_.exec("CREATE TABLE " + staged + ddl.substr(ddl.find('('))); !s) return s;
    }
    if (auto s = write_meta(db_, "rebuild_cursor", ""); !s) return s;
    if (auto s = write_meta(db_, "rebuild_time_zone", kDefaultTimeZone); !s) return s;
    return tx.commit();
}

Status Cache::finish_rebuild() {
    const auto cursor = rebuild_cursor();
    if (!cursor) return Status::failure("no rebuild in progress");
    sql::Transaction tx(db_);
    for (const auto& t : kTables) {
        std::string indexes;
        auto idx = db_.must_prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql NOT NULL");
        idx.bind(1, t.name);
        while (idx.step()) indexes += idx.text(0) + ";\n";
        const std::string name = t.name;
        if (auto s = db_.exec("DROP TABLE " + name + "; ALTER TABLE " + kStagingPrefix + name + " RENAME TO " + name +
                              ";\n" + indexes);
            !s)
            return Status::failure("swap of " + name + ": " + s.error());
    }
    if (auto s = cache_schema::rebuild_point_totals(db_); !s) return s;
    if (auto s = write_meta(db_, "time_zone", read_meta(db_, "rebuild_time_zone").value_or(kDefaultTimeZone)); !s) return s;
    if (auto s = write_meta(db_, "cursor", *cursor); !s) return s;
    if (auto s = db_.exec("DELETE FROM meta WHERE key IN ('rebuild_cursor', 'rebuild_time_zone')"); !s) return s;
    return tx.commit();
}

Status Cache::set_last_success(std::int64_t unix_seconds) {
    return write_meta(db_, "last_success", std::to_string(unix_seconds));
}

SyncMeta Cache::sync_meta() const {
    SyncMeta m;
    m.cursor = read_meta(db_, "cursor").value_or("");
    if (auto v = read_meta(db_, "last_success")) m.last_success_unix = std::stoll(*v);
    return m;
}

std::int64_t Cache::data_version() const { return db_.data_version(); }

Status load_snapshot(Cache& cache, const std::vector<Entity>& entities, std::size_t page_size) {
    if (auto s = cache.begin_rebuild(); !s) return s;
    ChangePage page;
    int number = 0;
    for (std::size_t i = 0; i < entities.size(); ++i) {
        page.changes.push_back({kind_of(entities[i]), false, id_of(entities[i]), entities[i]});
        if (page.changes.size() == page_size || i + 1 == entities.size()) {
            page.cursor = "snapshot-" + std::to_string(++number);
            if (auto s = cache.apply_to_rebuild(page); !s) return s;
            page.changes.clear();
        }
    }
    return cache.finish_rebuild();
}

}  // namespace gongshi
