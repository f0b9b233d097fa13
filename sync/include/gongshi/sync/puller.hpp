// Pulls the change feed into the cache (docs/API.md, "Pull"). Each page is applied with its
// cursor in one transaction, so a crash leaves the cache at a page boundary. The first sync and
// a 410 Gone rebuild the cache from since=0 into staging tables that are swapped in at the end;
// readers keep the old data meanwhile, and an interrupted rebuild resumes where it stopped. A
// rebuild's pages are fetched and decoded ahead on a second thread (see page_fetch.hpp).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "gongshi/cache.hpp"
#include "gongshi/sync/server_api.hpp"

namespace gongshi::sync {

struct PullConfig {
    int page_limit = 1000;  // changes per page asked for; the server may cap it
};

struct PullReport {
    int pages = 0;             // pages applied
    std::int64_t changes = 0;  // changes in those pages
    bool not_modified = false;  // the poll was answered 304: nothing new
    bool full_resync = false;   // a rebuild ran (first sync, 410, or resuming one)
    bool committed = false;     // the data readers see changed
    int requests = 0;
    std::uint64_t bytes_received = 0;  // on the wire: headers and (compressed) bodies
    std::uint64_t bytes_sent = 0;
    std::optional<Failure> failure;  // set when the pull stopped early; what was applied stays
};

class Puller {
public:
    // `on_commit` runs on this thread after each commit that changes what readers see.
    Puller(HttpClient& http, Cache& cache, const ServerApi& api, PullConfig config, std::function<void()> on_commit);

    // Pulls until the server has nothing more.
    PullReport pull();

private:
    void incremental(std::string cursor, PullReport& report);
    void rebuild(std::string cursor, PullReport& report);
    void start_rebuild(PullReport& report);
    bool begin_rebuild(PullReport& report);
    void committed(PullReport& report);

    HttpClient& http_;
    Cache& cache_;
    const ServerApi& api_;
    PullConfig config_;
    std::function<void()> on_commit_;
    // The validator of the last answer, for the URL it answered: an unchanged poll of that URL
    // is then a 304 with no body.
    std::string etag_url_, etag_;
};

}  // namespace gongshi::sync
