#include "gongshi/sync/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace gongshi::sync {

namespace {

struct SlistFree {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistFree>;

// What the callbacks of one transfer write into.
struct Transfer {
    HttpResponse response;
    std::size_t max_body = 0;
    bool body_too_large = false;
    bool out_of_memory = false;
};

std::string lowercase(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// C callbacks: nothing may throw through libcurl, so allocation failures end the transfer.
std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    if (t.response.body.size() + n > t.max_body) {
        t.body_too_large = true;
        return 0;  // CURLE_WRITE_ERROR: libcurl aborts the transfer
    }
    try {
        t.response.body.append(data, n);
    } catch (...) {
        t.out_of_memory = true;
        return 0;
    }
    return n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const std::size_t n = size * count;
    const std::string_view line(data, n);
    try {
        // A status line starts the headers of a new response (after a redirect or a 100): keep
        // only those of the final one.
        if (line.starts_with("HTTP/")) {
            t.response.headers.clear();
        } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
            t.response.headers.emplace_back(lowercase(trim(line.substr(0, colon))),
                                            std::string(trim(line.substr(colon + 1))));
        }
    } catch (...) {
        t.out_of_memory = true;
        return 0;
    }
    return n;
}

template <class T>
void set(CURL* easy, CURLoption option, T value) {
    // Options are constants of ours; a failure (an old libcurl without one) is found by the tests.
    (void)curl_easy_setopt(easy, option, value);
}

long millis(std::chrono::milliseconds d) { return static_cast<long>(d.count()); }

void apply_config(CURL* easy, const HttpConfig& c) {
    set(easy, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM for DNS timeouts: this runs on a worker thread
    set(easy, CURLOPT_CONNECTTIMEOUT_MS, millis(c.connect_timeout));
    set(easy, CURLOPT_TIMEOUT_MS, millis(c.total_timeout));
    set(easy, CURLOPT_LOW_SPEED_LIMIT, c.low_speed_bytes_per_s);
    set(easy, CURLOPT_LOW_SPEED_TIME, static_cast<long>(c.low_speed_time.count()));
    // Refuses a declared Content-Length over the cap before any byte; on_body covers the rest.
    set(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(c.max_body_bytes));
    set(easy, CURLOPT_FOLLOWLOCATION, 1L);
    set(easy, CURLOPT_MAXREDIRS, c.max_redirects);
    set(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    set(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    set(easy, CURLOPT_SSL_VERIFYPEER, 1L);
    set(easy, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!c.ca_file.empty()) set(easy, CURLOPT_CAINFO, c.ca_file.c_str());
    set(easy, CURLOPT_ACCEPT_ENCODING, "");  // every encoding this libcurl decodes; the server picks gzip
    set(easy, CURLOPT_USERAGENT, c.user_agent.c_str());
}

Slist header_list(const HttpRequest& request) {
    Slist list;
    auto add = [&](const std::string& line) {
        if (curl_slist* grown = curl_slist_append(list.get(), line.c_str())) {
            (void)list.release();
            list.reset(grown);
        }
    };
    for (const auto& [name, value] : request.headers) add(name + ": " + value);
    add("Expect:");  // no 100-continue round trip before a body
    return list;
}

void apply_method(CURL* easy, const HttpRequest& request) {
    if (request.method == "GET") {
        set(easy, CURLOPT_HTTPGET, 1L);
        return;
    }
    if (request.method != "POST") set(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    set(easy, CURLOPT_POSTFIELDS, request.body.c_str());
    set(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
}

std::string failure_message(CURLcode code, const Transfer& t, const char* detail, const HttpConfig& c) {
    if (t.body_too_large || code == CURLE_FILESIZE_EXCEEDED)
        return "response body exceeds the limit of " + std::to_string(c.max_body_bytes) + " bytes";
    if (t.out_of_memory) return "out of memory while receiving the response";
    std::string message = curl_easy_strerror(code);
    if (detail[0] != '\0') message += std::string(": ") + detail;
    return message;
}

}  // namespace

CurlGlobal::CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
CurlGlobal::~CurlGlobal() { curl_global_cleanup(); }

void HttpClient::EasyCleanup::operator()(CURL* handle) const { curl_easy_cleanup(handle); }

HttpClient::HttpClient(HttpConfig config) : config_(std::move(config)), easy_(curl_easy_init()) {}
HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

std::optional<std::string> HttpResponse::header(std::string_view lowercase_name) const {
    for (auto it = headers.rbegin(); it != headers.rend(); ++it)
        if (it->first == lowercase_name) return it->second;
    return std::nullopt;
}

Result<HttpResponse> HttpClient::perform(const HttpRequest& request) {
    CURL* easy = easy_.get();
    if (!easy) return Result<HttpResponse>::failure("libcurl could not create a handle");
    // Reset clears the previous request's options but keeps the connection cache.
    curl_easy_reset(easy);
    apply_config(easy, config_);

    Transfer transfer;
    transfer.max_body = config_.max_body_bytes;
    char detail[CURL_ERROR_SIZE] = {};
    const Slist headers = header_list(request);
    set(easy, CURLOPT_URL, request.url.c_str());
    set(easy, CURLOPT_HTTPHEADER, headers.get());
    apply_method(easy, request);
    set(easy, CURLOPT_WRITEFUNCTION, &on_body);
    set(easy, CURLOPT_WRITEDATA, &transfer);
    set(easy, CURLOPT_HEADERFUNCTION, &on_header);
    set(easy, CURLOPT_HEADERDATA, &transfer);
    set(easy, CURLOPT_ERRORBUFFER, detail);

    const CURLcode code = curl_easy_perform(easy);
    set(easy, CURLOPT_ERRORBUFFER, static_cast<char*>(nullptr));  // `detail` dies with this frame
    if (code != CURLE_OK) return Result<HttpResponse>::failure(failure_message(code, transfer, detail, config_));

    HttpResponse& r = transfer.response;
    long header_bytes = 0, request_bytes = 0;
    curl_off_t body_bytes = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &r.status);
    curl_easy_getinfo(easy, CURLINFO_HEADER_SIZE, &header_bytes);
    curl_easy_getinfo(easy, CURLINFO_REQUEST_SIZE, &request_bytes);
    curl_easy_getinfo(easy, CURLINFO_SIZE_DOWNLOAD_T, &body_bytes);
    r.bytes_received = static_cast<std::uint64_t>(header_bytes) + static_cast<std::uint64_t>(body_bytes);
    r.bytes_sent = static_cast<std::uint64_t>(request_bytes);
    return std::move(r);
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, std::int64_t now_unix) {
    value = trim(value);
    if (value.empty()) return std::nullopt;
    std::int64_t seconds = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec == std::errc() && end == value.data() + value.size())
        return std::chrono::seconds(std::max<std::int64_t>(0, seconds));
    const time_t when = curl_getdate(std::string(value).c_str(), nullptr);
    if (when == -1) return std::nullopt;
    return std::chrono::seconds(std::max<std::int64_t>(0, static_cast<std::int64_t>(when) - now_unix));
}

}  // namespace gongshi::sync
