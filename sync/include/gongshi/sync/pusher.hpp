// Delivers the outbox (docs/API.md, "Push" and "Idempotency"). Rows go out oldest first, each
// with its stored Idempotency-Key and exact bytes, so a retry after a lost response is answered
// with the stored result instead of creating a second wish.
//
//   2xx                                  delivered: the row is erased, a receipt kept
//   401                                  the whole outbox pauses; the engine raises an alert
//   network error, 408, 409, 429, 5xx    retried after a backoff (Retry-After honoured)
//   any other status                     dead letter, with the reason, kept for staff
// An error body's "retryable" member, when present, overrides the status rule (a 409 for a
// tracking code taken by another wish will never succeed).
#pragma once

#include <cstdint>
#include <optional>

#include "gongshi/outbox.hpp"
#include "gongshi/sync/backoff.hpp"
#include "gongshi/sync/clock.hpp"
#include "gongshi/sync/server_api.hpp"

namespace gongshi::sync {

enum class PushVerdict { delivered, retry, dead, unauthorized };

// The rule above, for a response that came back.
PushVerdict classify_response(long status, std::optional<bool> retryable);

struct PushReport {
    int delivered = 0;
    int replayed = 0;       // of those, answered from the server's idempotency record
    int dead_lettered = 0;
    int retries_scheduled = 0;
    std::optional<Failure> failure;  // what ended the pass early, if anything
};

class Pusher {
public:
    Pusher(HttpClient& http, Outbox& outbox, const ServerApi& api, const Clock& clock, const BackoffConfig& backoff);

    // Sends due rows in order until the outbox is empty, a row must wait (its backoff), or the
    // server refuses our token. A retryable failure ends the pass: the server is in trouble, and
    // the next row would only add to it.
    PushReport deliver_due();

    // When the oldest pending row may be tried again after a retryable failure (possibly a time
    // already past); empty when it has not failed, or nothing is pending.
    std::optional<SteadyTime> retry_at() const;

private:
    HttpClient& http_;
    Outbox& outbox_;
    const ServerApi& api_;
    const Clock& clock_;
    Backoff backoff_;
    // The backoff of the row at the head of the queue, on the monotonic clock. Kept in memory:
    // after a restart every row is due once, which is what a restart is for.
    std::int64_t retry_row_ = 0;
    SteadyTime retry_at_{};
};

}  // namespace gongshi::sync
