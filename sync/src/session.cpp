#include "gongshi/sync/session.hpp"

#include "gongshi/sync/identity.hpp"

namespace gongshi::sync {

namespace {

constexpr std::int64_t kLastSuccessResolution_s = 60;

std::uintmax_t free_disk_bytes(const std::string& file) {
    std::error_code ec;
    const auto dir = std::filesystem::absolute(file, ec).parent_path();
    const auto space = std::filesystem::space(dir, ec);
    return ec ? 0 : space.available;
}

void add_pull(PullReport& total, const PullReport& more) {
    total.pages += more.pages;
    total.changes += more.changes;
    total.not_modified = more.not_modified;
    total.full_resync = total.full_resync || more.full_resync;
    total.committed = total.committed || more.committed;
    total.requests += more.requests;
    total.bytes_received += more.bytes_received;
    total.bytes_sent += more.bytes_sent;
    if (more.failure) total.failure = more.failure;
}

}  // namespace

std::optional<Failure> CycleReport::failure() const {
    if (pull.failure) return pull.failure;
    if (identity_failure) return identity_failure;
    if (push && push->failure) return push->failure;
    if (media && media->failure) return media->failure;
    return heartbeat_failure;
}

Result<std::unique_ptr<SyncSession>> SyncSession::open(const SyncSettings& settings, const Clock& clock,
                                                       std::function<void()> on_commit) {
    using R = Result<std::unique_ptr<SyncSession>>;
    auto cache = Cache::open_read_write(settings.cache_path);
    if (!cache) return R::failure(cache.error());
    std::optional<Outbox> outbox;
    if (!settings.outbox_path.empty()) {
        auto opened = Outbox::open(settings.outbox_path);
        if (!opened) return R::failure(opened.error());
        outbox.emplace(std::move(opened.value()));
    }
    return std::unique_ptr<SyncSession>(
        new SyncSession(settings, clock, std::move(cache.value()), std::move(outbox), std::move(on_commit)));
}

SyncSession::SyncSession(const SyncSettings& settings, const Clock& clock, Cache cache, std::optional<Outbox> outbox,
                         std::function<void()> on_commit)
    : settings_(settings),
      clock_(clock),
      api_(settings.server_url, settings.community_id, settings.token),
      http_(settings.http),
      cache_(std::move(cache)),
      outbox_(std::move(outbox)),
      puller_(http_, cache_, api_, settings.pull, std::move(on_commit)),
      started_(clock.now()),
      last_success_(cache_.sync_meta().last_success_unix) {
    if (outbox_) pusher_.emplace(http_, *outbox_, api_, clock_, settings.backoff);
    if (!settings.media.dir.empty()) media_.emplace(http_, api_, settings.media);
}

CycleReport SyncSession::run_cycle() {
    CycleReport report;
    learn_identity(report);
    report.pull = puller_.pull();
    after_pull(report.pull);
    if (pusher_ && !auth_alert_) {
        report.push = pusher_->deliver_due();
        if (report.push->failure && report.push->failure->kind == FailureKind::unauthorized) auth_alert_ = true;
    }
    if (report.push && report.push->delivered > 0 && !report.pull.failure) {
        // What was just delivered comes back through the feed: fetch it in this cycle, so an edit's
        // pending mark gives way to the server's version at once, not to the old one for a poll.
        const PullReport again = puller_.pull();
        after_pull(again);
        add_pull(report.pull, again);
    }
    if (media_ && (report.pull.committed || media_pending_)) sync_media(report);
    heartbeat(report);
    return report;
}

// Once per session (the server may have reassigned it), and again while the outbox has none:
// without it the kiosk cannot make tracking codes, so residents cannot post wishes.
void SyncSession::learn_identity(CycleReport& report) {
    if (!outbox_ || auth_alert_ || (identity_known_ && outbox_->kiosk_code())) return;
    report.identity_failure = learn_kiosk_code(http_, api_, *outbox_);
    identity_known_ = !report.identity_failure;
}

void SyncSession::after_pull(const PullReport& pull) {
    if (pull.failure) {
        if (pull.failure->kind == FailureKind::unauthorized) auth_alert_ = true;
        return;
    }
    auth_alert_ = false;
    // Screens show "updated HH:MM": storing the time more often than once a minute would only
    // wake every reader of the cache for nothing. Best effort: it is not worth failing a good pull for.
    const std::int64_t now = clock_.unix_now();
    const auto stored = cache_.sync_meta().last_success_unix;
    if (pull.committed || !stored || now - *stored >= kLastSuccessResolution_s) (void)cache_.set_last_success(now);
    last_success_ = now;
}

void SyncSession::sync_media(CycleReport& report) {
    report.media = media_->sync(referenced_media(cache_, clock_.unix_now()));
    media_pending_ = report.media->failure.has_value();
}

void SyncSession::heartbeat(CycleReport& report) {
    const SteadyTime now = clock_.now();
    if (auth_alert_ || (last_heartbeat_ && now - *last_heartbeat_ < settings_.heartbeat_interval)) return;
    const OutboxCounts counts = outbox_counts();
    const HeartbeatInfo info{settings_.version,
                             last_success_unix(),
                             counts.pending,
                             counts.dead,
                             std::chrono::duration_cast<std::chrono::seconds>(now - started_).count(),
                             free_disk_bytes(settings_.cache_path)};
    last_heartbeat_ = now;  // a failed heartbeat waits for the next interval too: it is only a report
    report.heartbeat_failure = send_heartbeat(http_, api_, info);
    report.heartbeat_sent = !report.heartbeat_failure;
}

OutboxCounts SyncSession::outbox_counts() const { return outbox_ ? outbox_->counts() : OutboxCounts{}; }

std::optional<SteadyTime> SyncSession::push_retry_at() const { return pusher_ ? pusher_->retry_at() : std::nullopt; }

}  // namespace gongshi::sync
