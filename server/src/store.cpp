#include "store.hpp"

namespace gongshi::server {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT OR IGNORE INTO meta VALUES('seq', 0), ('horizon', 0);
CREATE TABLE IF NOT EXISTS entities(seq INTEGER PRIMARY KEY, community_id TEXT NOT NULL, kind TEXT NOT NULL,
                                    id TEXT NOT NULL, data TEXT NOT NULL, UNIQUE(community_id, kind, id));
CREATE INDEX IF NOT EXISTS entities_feed ON entities(community_id, seq);
CREATE TABLE IF NOT EXISTS tombstones(seq INTEGER PRIMARY KEY, community_id TEXT NOT NULL, kind TEXT NOT NULL,
                                      id TEXT NOT NULL, UNIQUE(community_id, kind, id));
CREATE INDEX IF NOT EXISTS tombstones_feed ON tombstones(community_id, seq);
CREATE TABLE IF NOT EXISTS kiosks(id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, community_id TEXT NOT NULL,
                                  token TEXT NOT NULL UNIQUE, heartbeat TEXT, heartbeat_at TEXT);
CREATE TABLE IF NOT EXISTS idempotency(kiosk_id TEXT NOT NULL, key TEXT NOT NULL, request_hash TEXT NOT NULL,
                                       status INTEGER, body TEXT, PRIMARY KEY(kiosk_id, key)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS wish_codes(code TEXT PRIMARY KEY, community_id TEXT NOT NULL, wish_id TEXT NOT NULL)
    WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS wish_contacts(community_id TEXT NOT NULL, wish_id TEXT NOT NULL, name TEXT NOT NULL,
                                         phone TEXT NOT NULL, kiosk_id TEXT NOT NULL,
                                         PRIMARY KEY(community_id, wish_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS staff_actions(id INTEGER PRIMARY KEY, community_id TEXT NOT NULL, kiosk_id TEXT NOT NULL,
                                         staff_id TEXT NOT NULL, action TEXT NOT NULL, target_kind TEXT NOT NULL,
                                         target_id TEXT NOT NULL, detail TEXT NOT NULL, at TEXT NOT NULL,
                                         recorded_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS demo_pins(community_id TEXT NOT NULL, staff_id TEXT NOT NULL, pin TEXT NOT NULL,
                                     PRIMARY KEY(community_id, staff_id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS media(sha256 TEXT PRIMARY KEY, content_type TEXT NOT NULL, bytes BLOB NOT NULL)
    WITHOUT ROWID;
)sql";

}  // namespace

Session::Session(const sql::Db& db)
    : entities(db),
      kiosks(db),
      idempotency(db),
      wish_codes(db),
      wish_contacts(db),
      staff_actions(db),
      demo_pins(db),
      media(db) {}

std::int64_t Session::publish(const std::string& cid, std::span<const Entity> list) {
    std::int64_t seq = entities.reserve_seqs(static_cast<std::int64_t>(list.size()));
    for (const auto& entity : list) {
        entities.put(cid, kind_name(kind_of(entity)), id_of(entity), encode(entity).dump(), seq++);
        if (const auto* wish = std::get_if<Wish>(&entity)) wish_codes.add(wish->tracking_code, {cid, wish->id});
    }
    return seq - 1;
}

std::optional<std::int64_t> Session::unpublish(const std::string& cid, EntityKind kind, const std::string& id) {
    if (!entities.get(cid, kind_name(kind), id)) return std::nullopt;
    const std::int64_t seq = entities.reserve_seqs(1);
    entities.remove(cid, kind_name(kind), id, seq);
    return seq;
}

Result<std::unique_ptr<Store>> Store::open(const std::filesystem::path& file) {
    using R = Result<std::unique_ptr<Store>>;
    auto db = sql::Db::open(file.string(), sql::Db::Mode::read_write_create);
    if (!db) return R::failure(db.error());
    // WAL + NORMAL: a commit survives a crash of this process; a power cut may lose the last
    // commits but never corrupts the file — right for a server whose clients retry.
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"}) {
        if (auto s = db->exec(pragma); !s) return R::failure(s.error());
    }
    if (auto s = db->exec(kSchema); !s) return R::failure("cannot create the schema: " + s.error());
    std::unique_ptr<Store> store(new Store());
    store->db_ = std::move(db.value());
    try {
        store->session_ = std::make_unique<Session>(store->db_);
        store->write([](Session& s) { s.idempotency.release_all_in_flight(); });
    } catch (const std::exception& e) {
        return R::failure(e.what());
    }
    return store;
}

void Store::checkpoint() {
    std::lock_guard lock(mutex_);
    if (auto s = db_.exec("PRAGMA wal_checkpoint(TRUNCATE)"); !s) throw std::runtime_error("sqlite: " + s.error());
}

void Store::commit(sql::Transaction& tx) {
    if (auto s = tx.commit(); !s) throw std::runtime_error("sqlite: commit failed: " + s.error());
}

}  // namespace gongshi::server
