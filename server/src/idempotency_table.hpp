// Idempotency-Key records, per kiosk: the request's hash while it is processed ("in flight"),
// then the response it got, replayed to every retry with the same key.
#pragma once

#include <optional>
#include <string>

#include "gongshi/sqlite.hpp"

namespace gongshi::server {

struct IdempotencyRecord {
    std::string request_hash;
    std::optional<int> status;  // empty while the first request is still being processed
    std::string body;
};

class IdempotencyTable {
public:
    explicit IdempotencyTable(const sql::Db& db);

    std::optional<IdempotencyRecord> find(const std::string& kiosk_id, const std::string& key);
    void claim(const std::string& kiosk_id, const std::string& key, const std::string& request_hash);
    void finish(const std::string& kiosk_id, const std::string& key, int status, const std::string& body);
    void release(const std::string& kiosk_id, const std::string& key);
    // Nothing can be in flight in a process that has just started: a claim left by a crash
    // would otherwise answer 409 forever.
    void release_all_in_flight();

private:
    const sql::Db& db_;
    sql::Stmt find_, claim_, finish_, release_, release_all_;
};

}  // namespace gongshi::server
