// What handlers answer, the one error shape of docs/API.md, and readers for request bodies
// that refuse bad input with an error naming the field.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gongshi/time.hpp"

namespace gongshi::server {

using nlohmann::json;

inline constexpr const char* kJson = "application/json; charset=utf-8";

// A response before it is written: the router sends it, the fault injector may mangle it,
// and an idempotent route stores (status, body) to replay.
struct Reply {
    int status = 200;
    std::string body;
    std::string content_type = kJson;
    httplib::Headers headers;
};

Reply json_reply(int status, const json& body);
Reply empty_reply(int status);

// Writes the reply, gzipped when it is JSON and the client accepts gzip. We compress here
// rather than let httplib do it: httplib prefers brotli at its slowest setting whenever a
// client also offers "br" (curl does), about 1 MB/s — a full district sync would take minutes.
// (httplib leaves "application/json; charset=utf-8" alone: it only compresses exact types.)
void send(Reply reply, const httplib::Request& req, httplib::Response& res);

// A refusal, thrown by handlers and written by the router as
// {"error":{"code","message","retryable", ...extra}}.
struct ApiError : std::exception {
    ApiError(int status, std::string code, std::string message, json extra = json::object());
    const char* what() const noexcept override { return message.c_str(); }

    int status;
    std::string code;
    std::string message;
    json extra;                       // more members of "error", e.g. current_version
    std::optional<bool> retryable;    // overrides the rule of retryable_status()
    std::optional<int> retry_after_s; // sent as Retry-After
};

// Network errors, 408, 409, 429 and 5xx are worth retrying; any other status is final.
bool retryable_status(int status);
Reply error_reply(const ApiError& e);
ApiError bad_field(const std::string& field, const std::string& problem);

// ---- request bodies -------------------------------------------------------------------------
json parse_object(const std::string& body);
std::string required_string(const json& obj, const char* field, std::size_t max_chars = 200);
std::optional<std::string> optional_string(const json& obj, const char* field, std::size_t max_chars = 200);
std::int64_t required_int(const json& obj, const char* field, std::int64_t min, std::int64_t max);
Timestamp required_time(const json& obj, const char* field);
std::optional<Timestamp> optional_time(const json& obj, const char* field);

// The current time, with the server's UTC offset (China Standard Time, no daylight saving).
Timestamp now();

}  // namespace gongshi::server
