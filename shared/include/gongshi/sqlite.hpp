// A thin RAII layer over sqlite3 shared by the cache, the outbox and the server: a connection,
// prepared statements with typed binds, and a transaction guard. Errors come back as Status.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "gongshi/result.hpp"

namespace gongshi::sql {

struct DbCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

class Stmt {
public:
    Stmt() = default;
    explicit Stmt(sqlite3_stmt* s) : stmt_(s) {}

    Stmt& bind(int index, std::int64_t v);
    Stmt& bind(int index, int v) { return bind(index, static_cast<std::int64_t>(v)); }
    Stmt& bind(int index, double v);
    Stmt& bind(int index, std::string_view v);  // bound as TEXT, copied by SQLite
    Stmt& bind(int index, const char* v) { return bind(index, std::string_view(v)); }
    Stmt& bind(int index, const std::string& v) { return bind(index, std::string_view(v)); }
    Stmt& bind_blob(int index, std::string_view bytes);
    Stmt& bind_null(int index);
    template <class T>
    Stmt& bind(int index, const std::optional<T>& v) {
        return v ? bind(index, *v) : bind_null(index);
    }

    // SQLITE_ROW -> true, SQLITE_DONE -> false; any other code is kept in last_error().
    bool step();
    // Runs to completion; returns false on error.
    bool run();
    void reset();

    bool is_null(int col) const { return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL; }
    std::int64_t int64(int col) const { return sqlite3_column_int64(stmt_.get(), col); }
    int integer(int col) const { return sqlite3_column_int(stmt_.get(), col); }
    double real(int col) const { return sqlite3_column_double(stmt_.get(), col); }
    std::string text(int col) const;
    std::string_view text_view(int col) const;  // valid until the next step/reset
    std::optional<std::string> optional_text(int col) const;

    int last_code() const { return last_code_; }
    sqlite3_stmt* get() const { return stmt_.get(); }

private:
    std::unique_ptr<sqlite3_stmt, StmtFinalizer> stmt_;
    int last_code_ = SQLITE_OK;
};

class Db {
public:
    enum class Mode { read_write_create, read_write, read_only };

    static Result<Db> open(const std::string& path, Mode mode);
    Status exec(std::string_view sql);
    Result<Stmt> prepare(std::string_view sql) const;
    // For statements prepared once at start-up whose SQL is a constant of ours: a failure
    // here is a programming error, reported through error() on first use.
    Stmt must_prepare(std::string_view sql) const;

    std::string error() const { return db_ ? sqlite3_errmsg(db_.get()) : "database not open"; }
    std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_.get()); }
    int changes() const { return sqlite3_changes(db_.get()); }
    std::int64_t data_version() const;  // PRAGMA data_version: moves when another connection commits
    int user_version() const;
    sqlite3* get() const { return db_.get(); }
    explicit operator bool() const { return static_cast<bool>(db_); }

private:
    std::unique_ptr<sqlite3, DbCloser> db_;
};

// Rolls back unless commit() succeeded. BEGIN IMMEDIATE: writers queue up front instead of
// failing with SQLITE_BUSY halfway through.
class Transaction {
public:
    explicit Transaction(Db& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    bool began() const { return began_; }
    Status commit();

private:
    Db& db_;
    bool began_ = false;
    bool done_ = false;
};

}  // namespace gongshi::sql
