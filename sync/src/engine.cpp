#include "gongshi/sync/engine.hpp"

#include "gongshi/log.hpp"

namespace gongshi::sync {

namespace {

// Whatever a callback or a cycle throws ends here, on the engine's thread.
template <class F>
std::optional<std::string> guarded(F&& f) {
    try {
        f();
        return std::nullopt;
    } catch (const std::exception& e) {
        return std::string(e.what());
    } catch (...) {
        return std::string("unknown exception");
    }
}

}  // namespace

const char* to_string(SyncStatus::State state) {
    switch (state) {
        case SyncStatus::State::starting: return "starting";
        case SyncStatus::State::syncing: return "syncing";
        case SyncStatus::State::online: return "online";
        case SyncStatus::State::offline: return "offline";
    }
    return "?";
}

SyncEngine::SyncEngine(SyncSettings settings, EngineCallbacks callbacks, std::shared_ptr<const Clock> clock)
    : settings_(std::move(settings)),
      callbacks_(std::move(callbacks)),
      clock_(std::move(clock)),
      inquiries_(ServerApi(settings_.server_url, settings_.community_id, settings_.token), settings_.http,
                 settings_.inquiry) {}

SyncEngine::~SyncEngine() { stop(); }

void SyncEngine::start() {
    inquiries_.start();
    if (thread_.joinable()) return;
    thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

void SyncEngine::stop() {
    inquiries_.stop();
    if (!thread_.joinable()) return;
    thread_.request_stop();
    thread_.join();
}

void SyncEngine::sync_now() {
    {
        std::lock_guard lock(mutex_);
        sync_requested_ = true;
    }
    changed_.notify_all();
}

void SyncEngine::inquire(Inquiry inquiry, InquiryCallback done) { inquiries_.submit(std::move(inquiry), std::move(done)); }

SyncStatus SyncEngine::status() const {
    std::lock_guard lock(mutex_);
    return status_;
}

bool SyncEngine::wait_for_cycles(std::int64_t cycles, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return status_.cycles >= cycles; });
}

void SyncEngine::publish(const std::function<void(SyncStatus&)>& change) {
    SyncStatus snapshot;
    {
        std::lock_guard lock(mutex_);
        change(status_);
        snapshot = status_;
    }
    if (callbacks_.on_status)
        if (auto error = guarded([&] { callbacks_.on_status(snapshot); }))
            log(LogLevel::error, "sync status callback threw: " + *error);
    changed_.notify_all();  // after the callback: whoever waits for a cycle sees its effects
}

bool SyncEngine::wait(std::stop_token stop, std::chrono::milliseconds duration) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, stop, duration, [&] { return sync_requested_; });
    sync_requested_ = false;
    return !stop.stop_requested();
}

std::unique_ptr<SyncSession> SyncEngine::open_session() {
    auto on_commit = [this] {
        if (callbacks_.on_commit)
            if (auto error = guarded(callbacks_.on_commit)) log(LogLevel::error, "sync commit callback threw: " + *error);
    };
    auto session = Result<std::unique_ptr<SyncSession>>::failure("not opened");
    if (auto thrown = guarded([&] { session = SyncSession::open(settings_, *clock_, on_commit); }))
        session = Result<std::unique_ptr<SyncSession>>::failure(*thrown);
    if (session) return std::move(session.value());
    publish([&](SyncStatus& s) {
        s.state = SyncStatus::State::offline;
        s.last_error = session.error();
        ++s.cycles;
    });
    return nullptr;
}

void SyncEngine::run_one_cycle(SyncSession& session) {
    publish([](SyncStatus& s) { s.state = SyncStatus::State::syncing; });
    CycleReport report;
    const auto thrown = guarded([&] { report = session.run_cycle(); });
    const auto failure = report.failure();
    const OutboxCounts counts = session.outbox_counts();
    const auto last_success = session.last_success_unix();
    publish([&](SyncStatus& s) {
        const bool unreachable = report.pull.failure && report.pull.failure->kind == FailureKind::network;
        s.state = unreachable || thrown ? SyncStatus::State::offline : SyncStatus::State::online;
        s.last_error = thrown ? "sync cycle failed: " + *thrown : failure ? failure->message : "";
        s.last_success_unix = last_success;
        s.outbox_depth = counts.pending;
        s.dead_letters = counts.dead;
        s.auth_alert = session.auth_alert();
        ++s.cycles;
    });
    if (failure) log(LogLevel::warning, "sync: " + failure->message);
}

std::chrono::milliseconds SyncEngine::next_wait(const SyncSession* session) const {
    std::chrono::milliseconds wait = settings_.poll_interval;
    if (!session || session->auth_alert()) return wait;
    if (const auto until = session->push_retry_at()) {
        // Rounded up: waking a fraction too early would run a cycle that finds the row still waiting.
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(*until - clock_->now());
        wait = std::min(wait, std::max(left, std::chrono::milliseconds(0)));
    }
    return wait;
}

void SyncEngine::run(std::stop_token stop) {
    std::unique_ptr<SyncSession> session;
    do {
        if (!session) session = open_session();
        if (session) run_one_cycle(*session);
    } while (wait(stop, next_wait(session.get())));
}

}  // namespace gongshi::sync
