#include "gongshi/sqlite.hpp"

namespace gongshi::sql {

Stmt& Stmt::bind(int index, std::int64_t v) {
    sqlite3_bind_int64(stmt_.get(), index, v);
    return *this;
}
Stmt& Stmt::bind(int index, double v) {
    sqlite3_bind_double(stmt_.get(), index, v);
    return *this;
}
Stmt& Stmt::bind(int index, std::string_view v) {
    sqlite3_bind_text64(stmt_.get(), index, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}
Stmt& Stmt::bind_blob(int index, std::string_view bytes) {
    sqlite3_bind_blob64(stmt_.get(), index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    return *this;
}
Stmt& Stmt::bind_null(int index) {
    sqlite3_bind_null(stmt_.get(), index);
    return *this;
}

bool Stmt::step() {
    if (!stmt_) {
        last_code_ = SQLITE_MISUSE;
        return false;
    }
    last_code_ = sqlite3_step(stmt_.get());
    return last_code_ == SQLITE_ROW;
}

bool Stmt::run() {
    while (step()) {
    }
    const bool ok = last_code_ == SQLITE_DONE;
    reset();
    return ok;
}

void Stmt::reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
}

std::string Stmt::text(int col) const { return std::string(text_view(col)); }

std::string_view Stmt::text_view(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), col));
    if (!p) return {};
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), col))};
}

std::optional<std::string> Stmt::optional_text(int col) const {
    if (is_null(col)) return std::nullopt;
    return text(col);
}

Result<Db> Db::open(const std::string& path, Mode mode) {
    int flags = SQLITE_OPEN_NOMUTEX;  // one connection per thread, by design
    switch (mode) {
        case Mode::read_write_create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
        case Mode::read_write: flags |= SQLITE_OPEN_READWRITE; break;
        case Mode::read_only: flags |= SQLITE_OPEN_READONLY; break;
    }
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Db db;
    db.db_.reset(raw);
    if (rc != SQLITE_OK) {
        return Result<Db>::failure("cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    }
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

Status Db::exec(std::string_view sql) {
    char* message = nullptr;
    const std::string copy(sql);
    if (sqlite3_exec(db_.get(), copy.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        std::string err = message ? message : error();
        sqlite3_free(message);
        return Status::failure(err);
    }
    return success();
}

Result<Stmt> Db::prepare(std::string_view sql) const {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &raw,
                           nullptr) != SQLITE_OK)
        return Result<Stmt>::failure(error() + " in: " + std::string(sql.substr(0, 120)));
    return Stmt(raw);
}

Stmt Db::must_prepare(std::string_view sql) const {
    auto r = prepare(sql);
    return r ? std::move(r.value()) : Stmt();
}

std::int64_t Db::data_version() const {
    auto s = must_prepare("PRAGMA data_version");
    return s.step() ? s.int64(0) : -1;
}

int Db::user_version() const {
    auto s = must_prepare("PRAGMA user_version");
    return s.step() ? s.integer(0) : -1;
}

Transaction::Transaction(Db& db) : db_(db) { began_ = db_.exec("BEGIN IMMEDIATE").ok(); }

Transaction::~Transaction() {
    if (began_ && !done_) (void)db_.exec("ROLLBACK");
}

Status Transaction::commit() {
    if (!began_) return Status::failure("transaction did not begin: " + db_.error());
    auto s = db_.exec("COMMIT");
    if (s) done_ = true;
    return s;
}

}  // namespace gongshi::sql
