#include "gongshi/outbox.hpp"

#include <sodium.h>

#include "gongshi/tracking_code.hpp"

namespace gongshi {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS outbox(
  id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: ids give the delivery order
  kind TEXT NOT NULL,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  body BLOB NOT NULL,
  created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK(state IN ('pending', 'dead')),
  last_status INTEGER,
  last_error TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS outbox_state ON outbox(state, id);
CREATE TABLE IF NOT EXISTS receipt(
  idempotency_key TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  status INTEGER NOT NULL,
  delivered_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS identity(  -- v2: what the server told this kiosk about itself
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL);
)sql";

constexpr const char* kColumns =
    "id, kind, method, path, body, idempotency_key, created_at, attempts, next_attempt_at, state, last_status, "
    "last_error";

const char* state_name(OutboxState s) { return s == OutboxState::dead ? "dead" : "pending"; }

OutboxItem read_item(const sql::Stmt& s) {
    OutboxItem item;
    item.id = s.int64(0);
    item.request = {s.text(1), s.text(2), s.text(3), s.text(4)};
    item.idempotency_key = s.text(5);
    item.created_at = s.int64(6);
    item.attempts = s.integer(7);
    item.next_attempt_at = s.int64(8);
    item.state = s.text_view(9) == "dead" ? OutboxState::dead : OutboxState::pending;
    if (!s.is_null(10)) item.last_status = s.integer(10);
    item.last_error = s.text(11);
    return item;
}

std::optional<OutboxItem> first_item(sql::Stmt& s) {
    if (!s.step()) return std::nullopt;
    return read_item(s);
}

}  // namespace

std::string make_idempotency_key() {
    if (sodium_init() < 0) return {};  // cannot happen on Linux; an empty key makes enqueue fail loudly
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

Result<Outbox> Outbox::open(const std::string& path) {
    auto db = sql::Db::open(path, sql::Db::Mode::read_write_create);
    if (!db) return Result<Outbox>::failure(db.error());
    // FULL: a commit is on disk before the resident is told the wish is saved, even across a
    // power cut. secure_delete: a delivered row's name and phone are overwritten, not just unlinked.
    auto s = db->exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;");
    if (s && db->user_version() < kSchemaVersion)
        s = db->exec(std::string(kSchema) + "PRAGMA user_version = " + std::to_string(kSchemaVersion) + ";");
    else if (s && db->user_version() > kSchemaVersion)
        s = Status::failure("schema version " + std::to_string(db->user_version()) + " is newer than this build");
    if (!s) return Result<Outbox>::failure("cannot open outbox " + path + ": " + s.error());
    return Outbox(std::move(db.value()));
}

Result<OutboxItem> Outbox::enqueue(const OutboxRequest& request, std::int64_t now_unix) {
    const std::string key = make_idempotency_key();
    if (key.empty()) return Result<OutboxItem>::failure("no randomness for an Idempotency-Key");
    auto insert = db_.must_prepare(
        "INSERT INTO outbox(kind, method, path, body, idempotency_key, created_at, next_attempt_at) "
        "VALUES(?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, request.kind).bind(2, request.method).bind(3, request.path).bind_blob(4, request.body);
    insert.bind(5, key).bind(6, now_unix).bind(7, now_unix);
    if (!insert.run()) return Result<OutboxItem>::failure("cannot save to the outbox: " + db_.error());
    auto item = find(db_.last_insert_rowid());
    if (!item) return Result<OutboxItem>::failure("outbox row vanished after insert");
    return *item;
}

bool Outbox::holds_wish(std::string_view tracking_code) const {
    auto s = db_.must_prepare("SELECT 1 FROM outbox WHERE kind = 'wish' AND "
                              "json_extract(CAST(body AS TEXT), '$.tracking_code') = ? LIMIT 1");
    s.bind(1, std::string(tracking_code));
    return s.step();
}

std::optional<std::string> Outbox::kiosk_code() const {
    auto s = db_.must_prepare("SELECT value FROM identity WHERE key = 'kiosk_code'");
    if (!s.step()) return std::nullopt;
    return s.text(0);
}

Status Outbox::set_kiosk_code(const std::string& code) {
    if (!valid_kiosk_code(code)) return Status::failure("not a kiosk code: " + code);
    auto s = db_.must_prepare("INSERT INTO identity(key, value) VALUES('kiosk_code', ?) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    s.bind(1, code);
    if (!s.run()) return Status::failure("cannot save the kiosk code: " + db_.error());
    return success();
}

std::optional<OutboxItem> Outbox::oldest_pending() const {
    auto s = db_.must_prepare(std::string("SELECT ") + kColumns +
                              " FROM outbox WHERE state = 'pending' ORDER BY id LIMIT 1");
    return first_item(s);
}

std::optional<OutboxItem> Outbox::find(std::int64_t id) const {
    auto s = db_.must_prepare(std::string("SELECT ") + kColumns + " FROM outbox WHERE id = ?");
    s.bind(1, id);
    return first_item(s);
}

std::vector<OutboxItem> Outbox::list(OutboxState state, std::int64_t limit) const {
    auto s = db_.must_prepare(std::string("SELECT ") + kColumns + " FROM outbox WHERE state = ? ORDER BY id LIMIT ?");
    s.bind(1, state_name(state)).bind(2, limit);
    std::vector<OutboxItem> out;
    while (s.step()) out.push_back(read_item(s));
    return out;
}

OutboxCounts Outbox::counts() const {
    auto s = db_.must_prepare(
        "SELECT count(*) FILTER (WHERE state = 'pending'), count(*) FILTER (WHERE state = 'dead') FROM outbox");
    OutboxCounts c;
    if (s.step()) c = {s.integer(0), s.integer(1)};
    return c;
}

Status Outbox::update_one(sql::Stmt& stmt, std::int64_t id) {
    if (!stmt.run()) return Status::failure("outbox update failed: " + db_.error());
    if (db_.changes() != 1) return Status::failure("no outbox row " + std::to_string(id) + " in that state");
    return success();
}

Status Outbox::record_retry(std::int64_t id, std::optional<int> status, const std::string& error,
                            std::int64_t next_attempt_at) {
    auto s = db_.must_prepare(
        "UPDATE outbox SET attempts = attempts + 1, last_status = ?2, last_error = ?3, next_attempt_at = ?4 "
        "WHERE id = ?1 AND state = 'pending'");
    s.bind(1, id).bind(2, status).bind(3, error).bind(4, next_attempt_at);
    return update_one(s, id);
}

Status Outbox::mark_dead(std::int64_t id, std::optional<int> status, const std::string& reason) {
    auto s = db_.must_prepare(
        "UPDATE outbox SET attempts = attempts + 1, state = 'dead', last_status = ?2, last_error = ?3 "
        "WHERE id = ?1 AND state = 'pending'");
    s.bind(1, id).bind(2, status).bind(3, reason);
    return update_one(s, id);
}

Status Outbox::retry_dead(std::int64_t id, std::int64_t now_unix) {
    // A new key: the server stored its refusal under the old one and would only replay it. That
    // cannot duplicate anything, because a dead letter is a request the server refused.
    const std::string key = make_idempotency_key();
    if (key.empty()) return Status::failure("no randomness for an Idempotency-Key");
    auto s = db_.must_prepare(
        "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?2, idempotency_key = ?3 "
        "WHERE id = ?1 AND state = 'dead'");
    s.bind(1, id).bind(2, now_unix).bind(3, key);
    return update_one(s, id);
}

Status Outbox::discard_dead(std::int64_t id) {
    auto dead = find(id);
    if (!dead || dead->state != OutboxState::dead) return Status::failure("no dead letter " + std::to_string(id));
    return erase(id, nullptr);
}

Status Outbox::acknowledge(std::int64_t id, int status, std::int64_t now_unix) {
    auto row = find(id);
    if (!row) return Status::failure("no outbox row " + std::to_string(id));
    const OutboxReceipt receipt{row->idempotency_key, row->request.kind, status, now_unix};
    return erase(id, &receipt);
}

Status Outbox::erase(std::int64_t id, const OutboxReceipt* receipt) {
    {
        sql::Transaction tx(db_);
        auto del = db_.must_prepare("DELETE FROM outbox WHERE id = ?");
        if (!del.bind(1, id).run()) return Status::failure("cannot delete outbox row: " + db_.error());
        if (receipt) {
            auto add = db_.must_prepare("INSERT OR REPLACE INTO receipt VALUES(?, ?, ?, ?)");
            add.bind(1, receipt->idempotency_key).bind(2, receipt->kind).bind(3, receipt->status);
            add.bind(4, receipt->delivered_at);
            auto trim = db_.must_prepare(
                "DELETE FROM receipt WHERE rowid NOT IN (SELECT rowid FROM receipt ORDER BY delivered_at DESC, rowid "
                "DESC LIMIT ?)");
            trim.bind(1, kReceiptsKept);
            if (!add.run() || !trim.run()) return Status::failure("cannot write a receipt: " + db_.error());
        }
        if (auto s = tx.commit(); !s) return s;
    }
    // The WAL still holds the frames with the deleted row; fold them into the main file (where
    // secure_delete has zeroed the row) and truncate the log. Best effort: a reader on the UI
    // thread can hold the checkpoint back, and the next delete tries again.
    (void)db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return success();
}

std::vector<OutboxReceipt> Outbox::receipts() const {
    auto s = db_.must_prepare(
        "SELECT idempotency_key, kind, status, delivered_at FROM receipt ORDER BY delivered_at DESC, rowid DESC");
    std::vector<OutboxReceipt> out;
    while (s.step()) out.push_back({s.text(0), s.text(1), s.integer(2), s.int64(3)});
    return out;
}

}  // namespace gongshi
