// Where the server is and how a kiosk talks to it (docs/API.md): authenticated requests, the one
// error shape, and the kinds of failure the engine tells apart.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gongshi/sync/http_client.hpp"

namespace gongshi::sync {

// Why part of a sync cycle failed; the kind decides what the engine shows and does next.
enum class FailureKind {
    network,       // no usable response: refused, timed out, cut off by a bound, TLS refused
    unauthorized,  // 401: the kiosk's token is not (or no longer) valid; staff must act
    server,        // an HTTP error status
    protocol,      // a response the contract does not allow (a page that does not decode, ...)
    storage,       // our own SQLite file or media folder
};

struct Failure {
    FailureKind kind = FailureKind::network;
    std::string message;
};

const char* to_string(FailureKind kind);

// Percent-encodes everything but RFC 3986's unreserved characters: for path segments and query
// values that come from configuration or from the server.
std::string url_escape(std::string_view s);

// {"error":{"code","message","retryable"}}
struct ApiErrorBody {
    std::string code;
    std::string message;
    std::optional<bool> retryable;
};
std::optional<ApiErrorBody> parse_error_body(std::string_view body);

class ServerApi {
public:
    ServerApi(std::string base_url, std::string community_id, std::string token);

    // "/api/v1/communities/{cid}" + rest
    std::string community_path(std::string_view rest) const;
    // A request to base_url + path_and_query with the bearer token (and a JSON content type when
    // there is a body).
    HttpRequest request(std::string method, const std::string& path_and_query, std::string body = {}) const;

    const std::string& community_id() const { return community_id_; }

private:
    std::string base_url_;
    std::string community_id_;
    std::string token_;
};

// "HTTP 503 injected_fault: ..." for logs and the status bar; never includes request bodies.
std::string describe_status(const HttpResponse& response);
// A failure for a response that is not the one expected: 401 is `unauthorized`, others `server`.
Failure status_failure(const HttpResponse& response);

}  // namespace gongshi::sync
