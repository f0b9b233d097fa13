#include "reply.hpp"

#include <zlib.h>

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <string_view>

#include "gongshi/codec.hpp"
#include "gongshi/text.hpp"

namespace gongshi::server {

Reply json_reply(int status, const json& body) { return Reply{status, body.dump(), kJson, {}}; }

Reply empty_reply(int status) { return Reply{status, "", "", {}}; }

namespace {

// True when Accept-Encoding lists gzip (or *) without q=0.
bool accepts_gzip(std::string_view header) {
    while (!header.empty()) {
        const auto comma = header.find(',');
        std::string_view item = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
        const auto semicolon = item.find(';');
        std::string_view name = item.substr(0, semicolon);
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        if (name != "gzip" && name != "*") continue;
        const std::string_view params = semicolon == std::string_view::npos ? "" : item.substr(semicolon);
        const auto q = params.find("q=");
        if (q == std::string_view::npos || std::strtod(std::string(params.substr(q + 2)).c_str(), nullptr) > 0)
            return true;
    }
    return false;
}

std::string gzip(std::string_view input) {
    z_stream z{};
    // windowBits 15 + 16: a gzip wrapper rather than raw zlib.
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("zlib: deflateInit2 failed");
    std::string out(deflateBound(&z, static_cast<uLong>(input.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    z.avail_in = static_cast<uInt>(input.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    const int rc = deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END) throw std::runtime_error("zlib: deflate failed");
    return out;
}

constexpr std::size_t kCompressFrom = 1024;  // below this, gzip's own overhead eats the gain

}  // namespace

void send(Reply reply, const httplib::Request& req, httplib::Response& res) {
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers) res.set_header(name, value);
    if (reply.body.empty()) return;
    if (reply.content_type == kJson && reply.body.size() >= kCompressFrom &&
        accepts_gzip(req.get_header_value("Accept-Encoding"))) {
        reply.body = gzip(reply.body);
        res.set_header("Content-Encoding", "gzip");
    }
    res.set_content(reply.body, reply.content_type);
}

ApiError::ApiError(int status_, std::string code_, std::string message_, json extra_)
    : status(status_), code(std::move(code_)), message(std::move(message_)), extra(std::move(extra_)) {}

bool retryable_status(int status) { return status == 408 || status == 409 || status == 429 || status >= 500; }

Reply error_reply(const ApiError& e) {
    json error = e.extra.is_object() ? e.extra : json::object();
    error["code"] = e.code;
    error["message"] = e.message;
    error["retryable"] = e.retryable.value_or(retryable_status(e.status));
    Reply reply = json_reply(e.status, {{"error", std::move(error)}});
    if (e.retry_after_s) reply.headers.emplace("Retry-After", std::to_string(*e.retry_after_s));
    if (e.code == "unauthorized") reply.headers.emplace("WWW-Authenticate", "Bearer");
    return reply;
}

ApiError bad_field(const std::string& field, const std::string& problem) {
    return ApiError(400, "invalid_field", "field '" + field + "' " + problem, {{"field", field}});
}

json parse_object(const std::string& body) {
    json j = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) throw ApiError(400, "invalid_json", "the body must be a JSON object");
    return j;
}

namespace {

const json* field_of(const json& obj, const char* field) {
    const auto it = obj.find(field);
    return (it == obj.end() || it->is_null()) ? nullptr : &*it;
}

std::string checked_string(const json& value, const char* field, std::size_t max_chars) {
    if (!value.is_string()) throw bad_field(field, "must be a string");
    const auto& s = value.get_ref<const std::string&>();
    if (!valid_utf8(s)) throw bad_field(field, "is not valid UTF-8");
    if (utf8_length(s) > max_chars) throw bad_field(field, "is longer than " + std::to_string(max_chars) + " characters");
    return s;
}

}  // namespace

std::string required_string(const json& obj, const char* field, std::size_t max_chars) {
    const json* value = field_of(obj, field);
    if (!value) throw bad_field(field, "is missing");
    std::string s = checked_string(*value, field, max_chars);
    if (s.empty()) throw bad_field(field, "is empty");
    return s;
}

std::optional<std::string> optional_string(const json& obj, const char* field, std::size_t max_chars) {
    const json* value = field_of(obj, field);
    if (!value) return std::nullopt;
    return checked_string(*value, field, max_chars);
}

std::int64_t required_int(const json& obj, const char* field, std::int64_t min, std::int64_t max) {
    const json* value = field_of(obj, field);
    if (!value) throw bad_field(field, "is missing");
    if (!value->is_number_integer()) throw bad_field(field, "must be an integer");
    const auto v = value->get<std::int64_t>();
    if (v < min || v > max)
        throw bad_field(field, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return v;
}

std::optional<Timestamp> optional_time(const json& obj, const char* field) {
    const json* value = field_of(obj, field);
    if (!value) return std::nullopt;
    auto t = value->is_string() ? parse_timestamp(value->get_ref<const std::string&>()) : std::nullopt;
    if (!t) throw bad_field(field, "must be an RFC 3339 time with an offset");
    return t;
}

Timestamp required_time(const json& obj, const char* field) {
    auto t = optional_time(obj, field);
    if (!t) throw bad_field(field, "is missing");
    return *t;
}

Timestamp now() {
    constexpr int kChinaStandardTime = 8 * 60;
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch());
    return Timestamp{seconds.count(), kChinaStandardTime};
}

}  // namespace gongshi::server
