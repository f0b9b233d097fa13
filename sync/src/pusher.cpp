#include "gongshi/sync/pusher.hpp"

namespace gongshi::sync {

PushVerdict classify_response(long status, std::optional<bool> retryable) {
    if (status >= 200 && status < 300) return PushVerdict::delivered;
    if (status == 401) return PushVerdict::unauthorized;
    const bool by_status = status == 408 || status == 409 || status == 429 || status >= 500;
    return retryable.value_or(by_status) ? PushVerdict::retry : PushVerdict::dead;
}

Pusher::Pusher(HttpClient& http, Outbox& outbox, const ServerApi& api, const Clock& clock, const BackoffConfig& backoff)
    : http_(http), outbox_(outbox), api_(api), clock_(clock), backoff_(backoff) {}

std::optional<SteadyTime> Pusher::retry_at() const {
    const auto head = outbox_.oldest_pending();
    if (!head || head->id != retry_row_) return std::nullopt;
    return retry_at_;
}

PushReport Pusher::deliver_due() {
    PushReport report;
    auto storage_failure = [&](const Status& s) {
        report.failure = Failure{FailureKind::storage, "outbox: " + s.error()};
        return report;
    };
    while (auto row = outbox_.oldest_pending()) {
        if (row->id == retry_row_ && clock_.now() < retry_at_) break;

        HttpRequest request = api_.request(row->request.method, row->request.path, row->request.body);
        request.headers.emplace_back("Idempotency-Key", row->idempotency_key);
        const auto response = http_.perform(request);

        std::optional<int> status;
        std::string reason;
        std::optional<std::chrono::seconds> retry_after;
        PushVerdict verdict = PushVerdict::retry;
        if (response) {
            status = static_cast<int>(response->status);
            const auto error = parse_error_body(response->body);
            verdict = classify_response(response->status, error ? error->retryable : std::nullopt);
            reason = describe_status(response.value());
            if (const auto header = response->header("retry-after"))
                retry_after = parse_retry_after(*header, clock_.unix_now());
        } else {
            reason = response.error();
        }

        switch (verdict) {
            case PushVerdict::delivered:
                if (auto s = outbox_.acknowledge(row->id, *status, clock_.unix_now()); !s) return storage_failure(s);
                ++report.delivered;
                if (response->header("idempotent-replayed")) ++report.replayed;
                continue;
            case PushVerdict::dead:
                if (auto s = outbox_.mark_dead(row->id, status, reason); !s) return storage_failure(s);
                ++report.dead_lettered;
                continue;
            case PushVerdict::unauthorized:
                // Not the row's fault: it keeps its place and its backoff, and waits for staff to fix the token.
                report.failure = Failure{FailureKind::unauthorized, "outbox: " + reason};
                return report;
            case PushVerdict::retry: {
                const auto wait = backoff_.delay(row->attempts + 1, retry_after);
                retry_row_ = row->id;
                retry_at_ = clock_.now() + wait;
                const auto next_unix =
                    clock_.unix_now() + std::chrono::duration_cast<std::chrono::seconds>(wait).count();
                if (auto s = outbox_.record_retry(row->id, status, reason, next_unix); !s) return storage_failure(s);
                ++report.retries_scheduled;
                report.failure = Failure{response ? FailureKind::server : FailureKind::network, "outbox: " + reason};
                return report;
            }
        }
    }
    return report;
}

}  // namespace gongshi::sync
