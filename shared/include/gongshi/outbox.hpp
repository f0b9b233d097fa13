// The outbox (outbox.db): what residents and staff wrote and the server has not acknowledged
// yet. Precious, unlike the cache: every row is durable before the UI says "saved", keeps the
// exact request bytes and Idempotency-Key it will be (re)sent with, and is removed only when
// the server has answered it. Permanent refusals become dead letters that wait for staff.
//
// Threading: one Outbox object per thread (the UI thread enqueues, the sync thread delivers);
// SQLite's WAL mode and busy timeout let the two connections share the file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongshi/result.hpp"
#include "gongshi/sqlite.hpp"

namespace gongshi {

enum class OutboxState { pending, dead };

// What the UI hands over: one HTTP request of the push API (docs/API.md), body included.
struct OutboxRequest {
    std::string kind;    // what it is, for staff: "wish", "notice", "notice_edit", "wish_review", "staff_action"
    std::string method;  // "POST" or "PUT"
    std::string path;    // e.g. "/api/v1/communities/c1/wishes"
    std::string body;    // exact bytes, resent unchanged on every attempt
};

struct OutboxItem {
    std::int64_t id = 0;
    OutboxRequest request;
    std::string idempotency_key;  // 32 lowercase hex digits, made when the row is written
    std::int64_t created_at = 0;  // unix seconds
    int attempts = 0;
    std::int64_t next_attempt_at = 0;  // unix seconds, informational: the pusher keeps its own monotonic deadline
    OutboxState state = OutboxState::pending;
    std::optional<int> last_status;  // the last HTTP status, if a response came back
    std::string last_error;
};

// What is kept after delivery: nothing a resident typed.
struct OutboxReceipt {
    std::string idempotency_key;
    std::string kind;
    int status = 0;
    std::int64_t delivered_at = 0;
};

struct OutboxCounts {
    int pending = 0;
    int dead = 0;
};

class Outbox {
public:
    static constexpr int kSchemaVersion = 2;  // v2 adds the identity table
    static constexpr int kReceiptsKept = 200;

    // Creates or opens the file. Never sets a file aside: a file it cannot open is an error to
    // report, not something to delete.
    static Result<Outbox> open(const std::string& path);

    // Durable (synchronous=FULL) when it returns; the row is due at once.
    Result<OutboxItem> enqueue(const OutboxRequest& request, std::int64_t now_unix);

    // The oldest pending row: rows go out in the order they were written, so an edit never
    // overtakes what it edits.
    std::optional<OutboxItem> oldest_pending() const;
    std::optional<OutboxItem> find(std::int64_t id) const;
    // Oldest first; at most `limit` rows (-1: all), so a long backlog is not read to show a page.
    std::vector<OutboxItem> list(OutboxState state, std::int64_t limit = -1) const;
    OutboxCounts counts() const;
    // Whether the wish with this tracking code is still here (pending or dead): the server has
    // not acknowledged it yet.
    bool holds_wish(std::string_view tracking_code) const;

    // A failed attempt that will be retried.
    Status record_retry(std::int64_t id, std::optional<int> status, const std::string& error,
                        std::int64_t next_attempt_at);
    // A permanent refusal: the row stays, as a dead letter, until staff act on it.
    Status mark_dead(std::int64_t id, std::optional<int> status, const std::string& reason);
    // The server answered: the row (and the personal data in it) is erased, a receipt remains.
    Status acknowledge(std::int64_t id, int status, std::int64_t now_unix);

    // Staff actions on dead letters.
    Status retry_dead(std::int64_t id, std::int64_t now_unix);
    Status discard_dead(std::int64_t id);

    std::vector<OutboxReceipt> receipts() const;  // newest first

    // The kiosk code the server assigned (GET /api/v1/kiosk), the prefix of every tracking code
    // this kiosk makes. Kept here, not in the disposable cache: a wiped cache must not lose it.
    // Empty until the kiosk has reached the server once.
    std::optional<std::string> kiosk_code() const;
    Status set_kiosk_code(const std::string& code);

    sql::Db& db() { return db_; }

private:
    explicit Outbox(sql::Db db) : db_(std::move(db)) {}
    Status update_one(sql::Stmt& stmt, std::int64_t id);
    Status erase(std::int64_t id, const OutboxReceipt* receipt);

    sql::Db db_;
};

// A fresh Idempotency-Key: 128 random bits as 32 lowercase hex digits.
std::string make_idempotency_key();

}  // namespace gongshi
