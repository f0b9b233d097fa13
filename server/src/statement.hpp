// Helpers the server's tables share for their prepared statements.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "gongshi/sqlite.hpp"

namespace gongshi::server {

// Our SQL is constant: a statement that fails to prepare is a programming error, reported
// once when the store opens (Store::open turns it into an error result).
inline sql::Stmt prepared(const sql::Db& db, std::string_view text) {
    auto stmt = db.prepare(text);
    if (!stmt) throw std::logic_error(stmt.error());
    return std::move(stmt.value());
}

// Resets a statement when a read leaves scope, so no early return leaves it mid-step.
class ResetOnExit {
public:
    explicit ResetOnExit(sql::Stmt& stmt) : stmt_(stmt) {}
    ~ResetOnExit() { stmt_.reset(); }
    ResetOnExit(const ResetOnExit&) = delete;
    ResetOnExit& operator=(const ResetOnExit&) = delete;

private:
    sql::Stmt& stmt_;
};

// A failed write inside a transaction: thrown so the whole unit of work rolls back.
inline void check_run(sql::Stmt& stmt, const sql::Db& db) {
    if (!stmt.run()) throw std::runtime_error("sqlite: " + db.error());
}

}  // namespace gongshi::server
