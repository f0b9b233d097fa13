// The sync thread: runs a SyncSession's cycles every poll interval (sooner when asked, or when
// the outbox's backoff ends) and publishes a SyncStatus snapshot for the UI.
//
// Threading: the engine's thread owns the session (its own cache and outbox connections and
// its own curl handle). Other threads only call start/stop/sync_now/status. Callbacks run on
// the engine's thread; an exception thrown by one, or by a cycle, is caught there and shown as
// last_error — nothing crosses back.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "gongshi/sync/session.hpp"

namespace gongshi::sync {

struct SyncStatus {
    enum class State { starting, syncing, online, offline };
    State state = State::starting;
    std::optional<std::int64_t> last_success_unix;
    std::string last_error;  // for staff; empty after a clean cycle
    int outbox_depth = 0;    // pending rows
    int dead_letters = 0;
    bool auth_alert = false;  // the server refuses this kiosk's token: the outbox is paused
    std::int64_t cycles = 0;  // completed cycles
};

const char* to_string(SyncStatus::State state);

struct EngineCallbacks {
    std::function<void()> on_commit;                  // the cache changed: wake the UI
    std::function<void(const SyncStatus&)> on_status;  // a new snapshot
};

class SyncEngine {
public:
    // The clock is shared with the thread; the default is the system's.
    SyncEngine(SyncSettings settings, EngineCallbacks callbacks = {},
               std::shared_ptr<const Clock> clock = std::make_shared<SystemClock>());
    ~SyncEngine();  // stops and joins
    SyncEngine(const SyncEngine&) = delete;
    SyncEngine& operator=(const SyncEngine&) = delete;

    void start();
    void stop();  // waits for the cycle in progress (bounded by the HTTP timeouts)
    // Runs a cycle as soon as the current one (if any) ends: after a resident submits, after
    // staff fix the token, or from a "sync now" button.
    void sync_now();
    // A one-off request for the UI, made at once on the engine's inquiry thread (not behind a
    // cycle) with the short timeouts of SyncSettings::inquiry. `done` runs on that thread (or on
    // the caller's, for an inquiry refused at once) and must only hand off; an answer without a
    // status means no server answered. Works before start() (it waits) and after stop() (refused).
    void inquire(Inquiry inquiry, InquiryCallback done);

    SyncStatus status() const;
    // Waits until `cycles` cycles have completed; false on timeout.
    bool wait_for_cycles(std::int64_t cycles, std::chrono::milliseconds timeout) const;

private:
    void run(std::stop_token stop);
    std::unique_ptr<SyncSession> open_session();
    void run_one_cycle(SyncSession& session);
    std::chrono::milliseconds next_wait(const SyncSession* session) const;
    void publish(const std::function<void(SyncStatus&)>& change);
    bool wait(std::stop_token stop, std::chrono::milliseconds duration);

    const SyncSettings settings_;
    const EngineCallbacks callbacks_;
    const std::shared_ptr<const Clock> clock_;

    mutable std::mutex mutex_;
    mutable std::condition_variable_any changed_;
    bool sync_requested_ = false;
    SyncStatus status_;
    InquiryWorker inquiries_;
    std::jthread thread_;  // last: started after, and joined before, what it uses
};

}  // namespace gongshi::sync
