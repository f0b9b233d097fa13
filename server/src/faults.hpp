// Fault injection for tests (docs/API.md, "Fault injection"): off unless the server runs with
// --enable-faults. Rules are added through POST /admin/faults; each request of a matching route
// rolls the dice of the first rule that matches, and a rule that fires changes how that one
// request is answered.
#pragma once

#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "reply.hpp"

namespace gongshi::server {

enum class FaultKind {
    delay,              // {ms}: wait, then answer normally (on push routes: after claiming the key)
    status_5xx,         // {status=503, retry_after?}: refuse before processing
    drop_connection,    // {after_bytes=half}: send headers and part of the body, then close
    truncate,           // {keep_bytes=half}: a well-framed response whose body is cut short
    corrupt_json,       // overwrite three bytes of the body with 0x01 (never valid JSON)
    wrong_field_types,  // {field?}: valid JSON with strings/numbers/booleans swapped (only `field` if given)
    endless,            // a chunked body that never ends
    oversized,          // {bytes=67108864}: the real body padded to exactly `bytes`
    trickle,            // {interval_ms=1000, bytes=1}: the body, `bytes` per interval
    gone_410,           // answer 410 cursor_expired before processing
    drop_after_commit,  // process and commit, then close the connection without any response
    redirect_loop,      // {status=307}: redirect to the very same URL
};

struct FaultRule {
    std::int64_t id = 0;
    std::string route;  // a route name (see docs/API.md) or "*"
    FaultKind kind = FaultKind::delay;
    double probability = 1.0;
    std::optional<std::int64_t> remaining;  // empty: fires until cleared
    std::int64_t fired = 0;
    json params = json::object();
};

class FaultBoard {
public:
    // Route names a rule may target; the router declares each route it serves.
    void declare_route(std::string name);
    // Parses a rule from the body of POST /admin/faults; throws ApiError 400 when malformed.
    FaultRule parse(const json& body) const;
    std::int64_t add(FaultRule rule);
    void clear();
    bool remove(std::int64_t id);
    json list() const;

    // The rule that fires for this request of `route`, if any (and counts it).
    std::optional<FaultRule> pick(std::string_view route);

    // Sleeps, but returns false at once when the server stops, so no fault outlives it.
    bool sleep_for(std::chrono::milliseconds duration);
    void stop();

private:
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::set<std::string, std::less<>> routes_;
    std::vector<FaultRule> rules_;
    std::int64_t next_id_ = 1;
    std::mt19937_64 random_{std::random_device{}()};
};

// The answer a rule gives instead of running the handler (status_5xx, gone_410, redirect_loop).
std::optional<Reply> reply_instead(const FaultRule& rule, const httplib::Request& req);
// Writes `reply` into `res` the way the rule mangles it (the kinds that act after processing).
void send_mangled(const FaultRule& rule, Reply reply, const httplib::Request& req, httplib::Response& res,
                  FaultBoard& board);

}  // namespace gongshi::server
