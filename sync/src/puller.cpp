#include "gongshi/sync/puller.hpp"

#include "gongshi/log.hpp"
#include "page_fetch.hpp"

namespace gongshi::sync {

namespace {

void account(const FetchedPage& f, PullReport& report) {
    ++report.requests;
    report.bytes_received += f.bytes_received;
    report.bytes_sent += f.bytes_sent;
    if (f.failure) report.failure = f.failure;
}

}  // namespace

Puller::Puller(HttpClient& http, Cache& cache, const ServerApi& api, PullConfig config, std::function<void()> on_commit)
    : http_(http), cache_(cache), api_(api), config_(config), on_commit_(std::move(on_commit)) {}

PullReport Puller::pull() {
    PullReport report;
    if (auto resume = cache_.rebuild_cursor()) rebuild(*resume, report);
    else if (const auto meta = cache_.sync_meta(); meta.cursor.empty()) start_rebuild(report);
    else incremental(meta.cursor, report);
    return report;
}

void Puller::incremental(std::string cursor, PullReport& report) {
    using Outcome = FetchedPage::Outcome;
    for (;;) {
        HttpRequest request = feed_request(api_, config_.page_limit, cursor);
        const bool conditional = request.url == etag_url_;
        if (conditional) request.headers.emplace_back("If-None-Match", etag_);
        FetchedPage f = fetch_page(http_, request, conditional);
        account(f, report);
        if (f.outcome == Outcome::failed) return;
        if (f.outcome == Outcome::not_modified) {
            report.not_modified = true;
            return;
        }
        if (f.outcome == Outcome::gone) {
            log(LogLevel::warning, "the server no longer keeps cursor " + cursor + ": full resync");
            return start_rebuild(report);
        }
        etag_url_ = f.etag ? request.url : std::string();
        etag_ = f.etag.value_or("");
        // An empty page at our own cursor is "nothing new": committing it would only wake the UI.
        if (f.page.changes.empty() && f.page.cursor == cursor) return;
        if (auto s = cache_.apply(f.page); !s) {
            report.failure = Failure{FailureKind::storage, "cannot apply a page: " + s.error()};
            return;
        }
        ++report.pages;
        report.changes += static_cast<std::int64_t>(f.page.changes.size());
        committed(report);
        if (!f.page.more) return;
        if ((report.failure = stalled(f.page, cursor))) return;
        cursor = std::move(f.page.cursor);
    }
}

void Puller::start_rebuild(PullReport& report) {
    if (begin_rebuild(report)) rebuild("", report);
}

bool Puller::begin_rebuild(PullReport& report) {
    if (auto s = cache_.begin_rebuild(); !s) {
        report.failure = Failure{FailureKind::storage, "cannot start a full resync: " + s.error()};
        return false;
    }
    return true;
}

void Puller::rebuild(std::string cursor, PullReport& report) {
    using Outcome = FetchedPage::Outcome;
    report.full_resync = true;
    bool restarted = false;
    auto pages = std::make_unique<PagePrefetcher>(http_.config(), api_, config_.page_limit, cursor);
    for (;;) {
        FetchedPage f = pages->next();
        account(f, report);
        if (f.outcome == Outcome::failed) return;
        if (f.outcome == Outcome::gone) {
            // Once is expected (the server purged past the cursor of an interrupted resync);
            // twice in one pull, or for since=0, is a server to report rather than to loop on.
            if (cursor.empty() || restarted) {
                report.failure = Failure{FailureKind::server, "change feed: 410 Gone during a full resync"};
                return;
            }
            log(LogLevel::warning, "the server no longer keeps resync cursor " + cursor + ": restarting the resync");
            restarted = true;
            if (!begin_rebuild(report)) return;
            cursor.clear();
            pages = std::make_unique<PagePrefetcher>(http_.config(), api_, config_.page_limit, cursor);
            continue;
        }
        if (f.outcome == Outcome::not_modified) {
            report.failure = Failure{FailureKind::protocol, "change feed: 304 to a request without a validator"};
            return;
        }
        if (auto s = cache_.apply_to_rebuild(f.page); !s) {
            report.failure = Failure{FailureKind::storage, "cannot stage a page: " + s.error()};
            return;
        }
        ++report.pages;
        report.changes += static_cast<std::int64_t>(f.page.changes.size());
        if (!f.page.more) {
            if (auto s = cache_.finish_rebuild(); !s) {
                report.failure = Failure{FailureKind::storage, "cannot swap in the resynced data: " + s.error()};
                return;
            }
            return committed(report);
        }
        cursor = std::move(f.page.cursor);
    }
}

void Puller::committed(PullReport& report) {
    report.committed = true;
    if (on_commit_) on_commit_();
}

}  // namespace gongshi::sync
