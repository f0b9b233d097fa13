#include "kiosk_table.hpp"

#include "random_token.hpp"
#include "statement.hpp"
#include "gongshi/tracking_code.hpp"

namespace gongshi::server {

namespace {

constexpr const char* kColumns = "id, code, community_id, token";

}  // namespace

KioskTable::KioskTable(const sql::Db& db)
    : db_(db),
      by_token_(prepared(db, std::string("SELECT ") + kColumns + " FROM kiosks WHERE token = ?1")),
      first_of_(prepared(db, std::string("SELECT ") + kColumns +
                                 " FROM kiosks WHERE community_id = ?1 ORDER BY rowid LIMIT 1")),
      count_(prepared(db, "SELECT count(*) FROM kiosks")),
      code_taken_(prepared(db, "SELECT 1 FROM kiosks WHERE code = ?1")),
      insert_(prepared(db, "INSERT INTO kiosks(id, code, community_id, token) VALUES(?1, ?2, ?3, ?4)")),
      heartbeat_(prepared(db, "UPDATE kiosks SET heartbeat = ?2, heartbeat_at = ?3 WHERE id = ?1")),
      all_(prepared(db, std::string("SELECT ") + kColumns + ", heartbeat, heartbeat_at FROM kiosks ORDER BY rowid")) {}

KioskRecord KioskTable::read(const sql::Stmt& stmt) {
    return {stmt.text(0), stmt.text(1), stmt.text(2), stmt.text(3)};
}

std::optional<KioskRecord> KioskTable::by_token(const std::string& token) {
    ResetOnExit reset(by_token_);
    by_token_.bind(1, token);
    if (!by_token_.step()) return std::nullopt;
    return read(by_token_);
}

std::optional<KioskRecord> KioskTable::first_of(const std::string& community_id) {
    ResetOnExit reset(first_of_);
    first_of_.bind(1, community_id);
    if (!first_of_.step()) return std::nullopt;
    return read(first_of_);
}

bool KioskTable::code_taken(const std::string& code) {
    ResetOnExit reset(code_taken_);
    code_taken_.bind(1, code);
    return code_taken_.step();
}

std::optional<KioskRecord> KioskTable::add(const std::string& community_id, const std::optional<std::string>& code) {
    std::string chosen;
    if (code) {
        if (code_taken(*code)) return std::nullopt;
        chosen = *code;
    } else {
        std::int64_t n = 0;
        {
            ResetOnExit reset(count_);
            if (count_.step()) n = count_.int64(0);
        }
        do chosen = kiosk_code_for(n++);
        while (code_taken(chosen));
    }
    KioskRecord kiosk{"kiosk-" + chosen, chosen, community_id, random_token()};
    insert_.bind(1, kiosk.id).bind(2, kiosk.code).bind(3, kiosk.community_id).bind(4, kiosk.token);
    check_run(insert_, db_);
    return kiosk;
}

void KioskTable::record_heartbeat(const std::string& kiosk_id, const std::string& body, const std::string& at) {
    heartbeat_.bind(1, kiosk_id).bind(2, body).bind(3, at);
    check_run(heartbeat_, db_);
}

std::vector<KioskStatus> KioskTable::all() {
    ResetOnExit reset(all_);
    std::vector<KioskStatus> out;
    while (all_.step()) out.push_back({read(all_), all_.optional_text(4), all_.optional_text(5)});
    return out;
}

}  // namespace gongshi::server
