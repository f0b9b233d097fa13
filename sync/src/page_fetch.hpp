// Fetching pages of the change feed (docs/API.md, "Pull"), for the puller: one request at a time
// on the caller's client, or a prefetcher that fetches and decodes the pages of a full resync
// on a thread (and client) of its own while the caller applies the previous page — decoding a
// page costs about as much as applying one, so the two overlap.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "gongshi/codec.hpp"
#include "gongshi/sync/server_api.hpp"

namespace gongshi::sync {

struct FetchedPage {
    enum class Outcome { page, not_modified, gone, failed };
    Outcome outcome = Outcome::failed;
    ChangePage page;
    std::optional<Failure> failure;  // set when failed
    std::optional<std::string> etag;
    std::uint64_t bytes_received = 0, bytes_sent = 0;

    // Nothing follows this one: the feed ended, or it did not answer with a page.
    bool last() const { return outcome != Outcome::page || !page.more; }
};

HttpRequest feed_request(const ServerApi& api, int limit, const std::string& cursor);
// `conditional`: the request carries If-None-Match, so a 304 is an answer rather than an error.
FetchedPage fetch_page(HttpClient& http, const HttpRequest& request, bool conditional);
// A page announcing more but not moving the cursor would be asked for forever.
std::optional<Failure> stalled(const ChangePage& page, const std::string& cursor);

class PagePrefetcher {
public:
    PagePrefetcher(const HttpConfig& http, const ServerApi& api, int limit, std::string since);
    ~PagePrefetcher();  // stops the thread (after its transfer in progress, which is bounded)
    PagePrefetcher(const PagePrefetcher&) = delete;
    PagePrefetcher& operator=(const PagePrefetcher&) = delete;

    // The next page in order; call again only while the previous one was not last().
    FetchedPage next();

private:
    static constexpr std::size_t kAhead = 2;  // pages decoded ahead: bounds the memory held
    void run(std::stop_token stop);
    void deliver(std::stop_token stop, FetchedPage page);

    const HttpConfig config_;
    const ServerApi& api_;
    const int limit_;
    const std::string since_;
    std::mutex mutex_;
    std::condition_variable_any changed_;
    std::deque<FetchedPage> ready_;
    std::jthread thread_;  // last: started after, and stopped before, what it uses
};

}  // namespace gongshi::sync
