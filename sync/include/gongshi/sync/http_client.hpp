// An HTTP client for an unattended device, over libcurl: every transfer is bounded in time and
// size, TLS peers are always verified, and failures come back as a message, never a throw.
//
// Threading: call CurlGlobal once in main() before any thread starts; then one HttpClient per
// thread. A client reuses its easy handle (and with it the connection) across requests.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gongshi/result.hpp"

using CURL = void;  // libcurl's own typedef, repeated so this header does not pull in curl.h

namespace gongshi::sync {

// curl_global_init / curl_global_cleanup, which are not thread-safe: one instance in main().
class CurlGlobal {
public:
    CurlGlobal();
    ~CurlGlobal();
    CurlGlobal(const CurlGlobal&) = delete;
    CurlGlobal& operator=(const CurlGlobal&) = delete;
};

struct HttpConfig {
    std::chrono::milliseconds connect_timeout{10'000};
    std::chrono::milliseconds total_timeout{120'000};  // a whole transfer, body included
    // A transfer slower than this many bytes per second for low_speed_time is cut off.
    long low_speed_bytes_per_s = 256;
    std::chrono::seconds low_speed_time{20};
    std::size_t max_body_bytes = 32u << 20;  // decoded bytes; counted as they arrive
    long max_redirects = 3;
    std::string ca_file;  // empty: the system's trust store
    std::string user_agent = "gongshi-sync/0.1";
};

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

struct HttpResponse {
    long status = 0;
    std::vector<std::pair<std::string, std::string>> headers;  // names lowercased, final response only
    std::string body;
    std::uint64_t bytes_received = 0;  // headers plus body as they came over the wire (compressed)
    std::uint64_t bytes_sent = 0;      // the request as sent

    std::optional<std::string> header(std::string_view lowercase_name) const;
};

class HttpClient {
public:
    explicit HttpClient(HttpConfig config);
    ~HttpClient();
    HttpClient(HttpClient&&) noexcept;
    HttpClient& operator=(HttpClient&&) noexcept;

    // Any response with a status is a success here; a failure is a transfer that produced none
    // (refused, timed out, cut off by a bound, TLS refused, ...), with a message saying which.
    Result<HttpResponse> perform(const HttpRequest& request);

    const HttpConfig& config() const { return config_; }

private:
    struct EasyCleanup {
        void operator()(CURL* handle) const;
    };
    HttpConfig config_;
    std::unique_ptr<CURL, EasyCleanup> easy_;
};

// Retry-After as a delay: delta-seconds or an HTTP date relative to `now_unix`.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, std::int64_t now_unix);

}  // namespace gongshi::sync
