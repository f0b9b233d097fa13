#include "gongshi/sync/server_api.hpp"

#include <nlohmann/json.hpp>

namespace gongshi::sync {

std::string url_escape(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '_' || c == '.' || c == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4];
            out += kHex[u & 15];
        }
    }
    return out;
}

const char* to_string(FailureKind kind) {
    switch (kind) {
        case FailureKind::network: return "network";
        case FailureKind::unauthorized: return "unauthorized";
        case FailureKind::server: return "server";
        case FailureKind::protocol: return "protocol";
        case FailureKind::storage: return "storage";
    }
    return "?";
}

std::optional<ApiErrorBody> parse_error_body(std::string_view body) {
    const auto j = nlohmann::json::parse(body, nullptr, false);
    if (!j.is_object() || !j.contains("error") || !j["error"].is_object()) return std::nullopt;
    const auto& e = j["error"];
    ApiErrorBody out;
    if (e.contains("code") && e["code"].is_string()) out.code = e["code"].get<std::string>();
    if (e.contains("message") && e["message"].is_string()) out.message = e["message"].get<std::string>();
    if (e.contains("retryable") && e["retryable"].is_boolean()) out.retryable = e["retryable"].get<bool>();
    return out;
}

ServerApi::ServerApi(std::string base_url, std::string community_id, std::string token)
    : base_url_(std::move(base_url)), community_id_(std::move(community_id)), token_(std::move(token)) {
    while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

std::string ServerApi::community_path(std::string_view rest) const {
    return "/api/v1/communities/" + url_escape(community_id_) + std::string(rest);
}

HttpRequest ServerApi::request(std::string method, const std::string& path_and_query, std::string body) const {
    HttpRequest r;
    r.method = std::move(method);
    r.url = base_url_ + path_and_query;
    r.headers.emplace_back("Authorization", "Bearer " + token_);
    r.headers.emplace_back("Accept", "application/json");
    if (!body.empty()) r.headers.emplace_back("Content-Type", "application/json");
    r.body = std::move(body);
    return r;
}

std::string describe_status(const HttpResponse& response) {
    std::string out = "HTTP " + std::to_string(response.status);
    if (const auto e = parse_error_body(response.body)) {
        if (!e->code.empty()) out += " " + e->code;
        if (!e->message.empty()) out += ": " + e->message;
    }
    return out;
}

Failure status_failure(const HttpResponse& response) {
    return {response.status == 401 ? FailureKind::unauthorized : FailureKind::server, describe_status(response)};
}

}  // namespace gongshi::sync
