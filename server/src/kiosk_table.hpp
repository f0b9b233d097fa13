// Kiosks the server knows: each has its own bearer token, a short code that prefixes the
// tracking codes it makes, the one community it serves, and its last heartbeat.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gongshi/sqlite.hpp"

namespace gongshi::server {

struct KioskRecord {
    std::string id;
    std::string code;
    std::string community_id;
    std::string token;
};

struct KioskStatus {
    KioskRecord kiosk;
    std::optional<std::string> heartbeat;     // the last heartbeat body as received (JSON)
    std::optional<std::string> heartbeat_at;  // RFC 3339, server time
};

class KioskTable {
public:
    explicit KioskTable(const sql::Db& db);

    std::optional<KioskRecord> by_token(const std::string& token);
    std::optional<KioskRecord> first_of(const std::string& community_id);
    // Registers a kiosk with a fresh token; `code` is chosen by the server when absent.
    // Empty when the requested code is taken.
    std::optional<KioskRecord> add(const std::string& community_id, const std::optional<std::string>& code);
    void record_heartbeat(const std::string& kiosk_id, const std::string& body, const std::string& at);
    std::vector<KioskStatus> all();

private:
    bool code_taken(const std::string& code);
    static KioskRecord read(const sql::Stmt& stmt);

    const sql::Db& db_;
    sql::Stmt by_token_, first_of_, count_, code_taken_, insert_, heartbeat_, all_;
};

}  // namespace gongshi::server
