#include "idempotency_table.hpp"

#include "statement.hpp"

namespace gongshi::server {

IdempotencyTable::IdempotencyTable(const sql::Db& db)
    : db_(db),
      find_(prepared(db, "SELECT request_hash, status, body FROM idempotency WHERE kiosk_id = ?1 AND key = ?2")),
      claim_(prepared(db, "INSERT INTO idempotency(kiosk_id, key, request_hash) VALUES(?1, ?2, ?3)")),
      finish_(prepared(db, "UPDATE idempotency SET status = ?3, body = ?4 WHERE kiosk_id = ?1 AND key = ?2")),
      release_(prepared(db, "DELETE FROM idempotency WHERE kiosk_id = ?1 AND key = ?2 AND status IS NULL")),
      release_all_(prepared(db, "DELETE FROM idempotency WHERE status IS NULL")) {}

std::optional<IdempotencyRecord> IdempotencyTable::find(const std::string& kiosk_id, const std::string& key) {
    ResetOnExit reset(find_);
    find_.bind(1, kiosk_id).bind(2, key);
    if (!find_.step()) return std::nullopt;
    IdempotencyRecord record{find_.text(0), std::nullopt, find_.text(2)};
    if (!find_.is_null(1)) record.status = find_.integer(1);
    return record;
}

void IdempotencyTable::claim(const std::string& kiosk_id, const std::string& key, const std::string& request_hash) {
    claim_.bind(1, kiosk_id).bind(2, key).bind(3, request_hash);
    check_run(claim_, db_);
}

void IdempotencyTable::finish(const std::string& kiosk_id, const std::string& key, int status,
                              const std::string& body) {
    finish_.bind(1, kiosk_id).bind(2, key).bind(3, status).bind(4, body);
    check_run(finish_, db_);
}

void IdempotencyTable::release(const std::string& kiosk_id, const std::string& key) {
    release_.bind(1, kiosk_id).bind(2, key);
    check_run(release_, db_);
}

void IdempotencyTable::release_all_in_flight() { check_run(release_all_, db_); }

}  // namespace gongshi::server
