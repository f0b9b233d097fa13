// One sync cycle and everything it needs, owned by the thread that runs it: the HTTP client,
// the read-write cache connection, the outbox connection and the media fetcher. The kiosk runs
// cycles on the engine's thread (engine.hpp); `gongshi-sync --once` runs one on its main thread.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "gongshi/cache.hpp"
#include "gongshi/outbox.hpp"
#include "gongshi/sync/backoff.hpp"
#include "gongshi/sync/clock.hpp"
#include "gongshi/sync/heartbeat.hpp"
#include "gongshi/sync/inquiry_worker.hpp"
#include "gongshi/sync/media.hpp"
#include "gongshi/sync/puller.hpp"
#include "gongshi/sync/pusher.hpp"

namespace gongshi::sync {

struct SyncSettings {
    std::string server_url;  // e.g. https://gongshi.example.cn
    std::string community_id;
    std::string token;
    std::string cache_path;
    std::string outbox_path;  // empty: nothing is pushed
    MediaConfig media;        // an empty dir: no media are fetched
    HttpConfig http;
    PullConfig pull;
    BackoffConfig backoff;
    std::chrono::milliseconds poll_interval{30'000};
    std::chrono::milliseconds heartbeat_interval{5 * 60'000};
    InquiryConfig inquiry;  // one-off requests for the UI (SyncEngine::inquire)
    std::string version = "0.1.0";
};

struct CycleReport {
    std::optional<Failure> identity_failure;  // asking the server for the kiosk code
    PullReport pull;
    std::optional<PushReport> push;    // empty: no outbox, or paused by a refused token
    std::optional<MediaReport> media;  // empty: nothing to do this cycle
    bool heartbeat_sent = false;
    std::optional<Failure> heartbeat_failure;

    // The first failure of the cycle, in the order pull, identity, push, media, heartbeat.
    std::optional<Failure> failure() const;
};

class SyncSession {
public:
    // `on_commit` runs on the cycle's thread after each commit readers can see.
    static Result<std::unique_ptr<SyncSession>> open(const SyncSettings& settings, const Clock& clock,
                                                     std::function<void()> on_commit = {});
    SyncSession(const SyncSession&) = delete;
    SyncSession& operator=(const SyncSession&) = delete;

    // The kiosk code when the session has not asked yet or the outbox has none, then pull,
    // then push, then media when data changed (or the last media pass did not finish),
    // then a heartbeat when one is due. A 401 anywhere raises the auth alert, which pauses the
    // outbox; the alert clears when a pull is accepted again.
    CycleReport run_cycle();

    bool auth_alert() const { return auth_alert_; }
    OutboxCounts outbox_counts() const;
    std::optional<std::int64_t> last_success_unix() const { return last_success_; }
    // When the outbox's head row may be retried, if it failed (see Pusher::retry_at).
    std::optional<SteadyTime> push_retry_at() const;

    Cache& cache() { return cache_; }

private:
    SyncSession(const SyncSettings& settings, const Clock& clock, Cache cache, std::optional<Outbox> outbox,
                std::function<void()> on_commit);
    void learn_identity(CycleReport& report);
    void after_pull(const PullReport& pull);
    void sync_media(CycleReport& report);
    void heartbeat(CycleReport& report);

    SyncSettings settings_;
    const Clock& clock_;
    ServerApi api_;
    HttpClient http_;
    Cache cache_;
    std::optional<Outbox> outbox_;
    Puller puller_;
    std::optional<Pusher> pusher_;
    std::optional<MediaFetcher> media_;
    SteadyTime started_;
    std::optional<SteadyTime> last_heartbeat_;
    std::optional<std::int64_t> last_success_;
    bool media_pending_ = true;  // the first cycle checks the media folder
    bool identity_known_ = false;  // asked the server this session
    bool auth_alert_ = false;
};

}  // namespace gongshi::sync
