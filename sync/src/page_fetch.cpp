#include "page_fetch.hpp"

namespace gongshi::sync {

HttpRequest feed_request(const ServerApi& api, int limit, const std::string& cursor) {
    const std::string since = cursor.empty() ? "0" : url_escape(cursor);
    return api.request("GET", api.community_path("/changes?since=" + since + "&limit=" + std::to_string(limit)));
}

FetchedPage fetch_page(HttpClient& http, const HttpRequest& request, bool conditional) {
    using Outcome = FetchedPage::Outcome;
    FetchedPage f;
    auto response = http.perform(request);
    if (!response) {
        f.failure = Failure{FailureKind::network, "change feed: " + response.error()};
        return f;
    }
    f.bytes_received = response->bytes_received;
    f.bytes_sent = response->bytes_sent;
    const long status = response->status;
    if (status == 304 && conditional) {
        f.outcome = Outcome::not_modified;
    } else if (status == 410) {
        f.outcome = Outcome::gone;
    } else if (status != 200) {
        f.failure = status_failure(response.value());
        f.failure->message = "change feed: " + f.failure->message;
    } else if (auto page = decode_page(response->body); !page) {
        f.failure = Failure{FailureKind::protocol, "change feed: a page that does not decode: " + page.error()};
    } else {
        f.outcome = Outcome::page;
        f.page = std::move(page.value());
        f.etag = response->header("etag");
    }
    return f;
}

std::optional<Failure> stalled(const ChangePage& page, const std::string& cursor) {
    if (!page.more || page.cursor != cursor) return std::nullopt;
    return Failure{FailureKind::protocol, "change feed: more pages announced but the cursor did not move"};
}

PagePrefetcher::PagePrefetcher(const HttpConfig& http, const ServerApi& api, int limit, std::string since)
    : config_(http), api_(api), limit_(limit), since_(std::move(since)),
      thread_([this](std::stop_token stop) { run(stop); }) {}

PagePrefetcher::~PagePrefetcher() {
    thread_.request_stop();
    changed_.notify_all();
}

FetchedPage PagePrefetcher::next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty(); });
    FetchedPage f = std::move(ready_.front());
    ready_.pop_front();
    changed_.notify_all();
    return f;
}

void PagePrefetcher::deliver(std::stop_token stop, FetchedPage page) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, stop, [&] { return ready_.size() < kAhead; });
    ready_.push_back(std::move(page));
    changed_.notify_all();
}

void PagePrefetcher::run(std::stop_token stop) {
    HttpClient http(config_);  // this thread's own handle
    std::string cursor = since_;
    while (!stop.stop_requested()) {
        FetchedPage f;
        try {
            f = fetch_page(http, feed_request(api_, limit_, cursor), false);
        } catch (const std::exception& e) {  // decoding a huge page can run out of memory
            f = FetchedPage{};
            f.failure = Failure{FailureKind::protocol, std::string("change feed: ") + e.what()};
        }
        if (f.outcome == FetchedPage::Outcome::page) {
            if (auto failure = stalled(f.page, cursor)) {
                f.outcome = FetchedPage::Outcome::failed;
                f.failure = std::move(failure);
            }
        }
        const bool last = f.last();
        cursor = f.page.cursor;
        deliver(stop, std::move(f));
        if (last) return;
    }
}

}  // namespace gongshi::sync
