// The pull side: the change feed and the media it refers to.
#include <charconv>
#include <optional>

#include "gongshi/text.hpp"
#include "routes.hpp"

namespace gongshi::server {

namespace {

constexpr int kDefaultLimit = 500;
constexpr int kMaxLimit = 5000;

// A cursor is "<seq>.<stamp>": the last change the client applied, and the purge horizon in force
// when its paging from 0 began. A client that started after a purge never needed the tombstones it
// removed, so only a purge that moved past both numbers makes its cursor expire (plain "<seq>"
// cursors, from before stamps, count as stamp 0).
struct Cursor {
    std::int64_t seq = 0;
    std::optional<std::int64_t> stamp;  // empty for since=0: stamped with the current horizon
};

std::optional<std::int64_t> parse_count(std::string_view text) {
    std::int64_t value = -1;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
    return value;
}

Cursor parse_cursor(const httplib::Request& req) {
    if (!req.has_param("since")) return {};
    const std::string text = req.get_param_value("since");
    const auto dot = text.find('.');
    const auto seq = parse_count(std::string_view(text).substr(0, dot));
    const auto stamp = dot == std::string::npos ? std::optional<std::int64_t>(0)
                                                : parse_count(std::string_view(text).substr(dot + 1));
    if (!seq || !stamp) throw ApiError(400, "invalid_cursor", "'since' must be 0 or a cursor this server returned");
    if (*seq == 0 && dot == std::string::npos) return {};
    return {*seq, stamp};
}

int parse_limit(const httplib::Request& req) {
    if (!req.has_param("limit")) return kDefaultLimit;
    const std::string text = req.get_param_value("limit");
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range) return kMaxLimit;
    if (ec != std::errc() || end != text.data() + text.size() || value < 1)
        throw ApiError(400, "invalid_limit", "'limit' must be a positive integer");
    return std::min(value, kMaxLimit);
}

// If-None-Match holds one or more tags (or *); weak comparison, as RFC 9110 asks for it.
bool matches_tag(const httplib::Request& req, const std::string& etag) {
    const std::string header = req.get_header_value("If-None-Match");
    if (header.empty()) return false;
    if (header == "*") return true;
    auto opaque = [](std::string_view tag) { return tag.starts_with("W/") ? tag.substr(2) : tag; };
    std::string_view rest = header;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        std::string_view tag = rest.substr(0, comma);
        while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
        while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
        if (opaque(tag) == opaque(etag)) return true;
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    return false;
}

// Spliced from the stored JSON rather than decoded and re-encoded: byte for byte what
// encode_page(...).dump() gives (nlohmann orders keys alphabetically), at a fraction of the cost.
std::string page_body(const FeedSlice& slice, const std::string& cursor) {
    std::string out = R"({"changes":[)";
    for (std::size_t i = 0; i < slice.rows.size(); ++i) {
        const FeedRow& row = slice.rows[i];
        if (i > 0) out += ',';
        out += '{';
        if (row.data) out.append(R"("data":)").append(*row.data).append(",");
        out.append(R"("id":)").append(json(row.id).dump());
        out.append(R"(,"kind":)").append(json(row.kind).dump());
        out.append(row.data ? R"(,"op":"upsert"})" : R"(,"op":"delete"})");
    }
    out.append(R"(],"cursor":)").append(json(cursor).dump());
    out.append(R"(,"more":)").append(slice.more ? "true" : "false").append("}");
    return out;
}

Reply not_modified(const std::string& etag, const std::string& cache_control) {
    Reply reply = empty_reply(304);
    reply.headers.emplace("ETag", etag);
    reply.headers.emplace("Cache-Control", cache_control);
    return reply;
}

constexpr const char* kFeedCaching = "no-cache";  // store, but revalidate every time

Reply changes(Store& store, const Call& call) {
    const Cursor since = parse_cursor(call.req);
    const int limit = parse_limit(call.req);
    std::string etag;
    std::int64_t stamp = 0;
    const auto slice = store.read([&](Session& s) -> std::optional<FeedSlice> {
        const std::int64_t horizon = s.entities.horizon();
        stamp = since.stamp.value_or(horizon);
        if (since.seq > s.entities.last_seq() || (since.seq < horizon && stamp < horizon))
            throw ApiError(410, "cursor_expired", "this cursor is older than the server keeps: resync from since=0");
        // The answer depends only on these: any new change in the community moves its head.
        etag = "W/\"" +
               sha256_hex(call.community_id + '\n' + std::to_string(since.seq) + '.' + std::to_string(stamp) + '\n' +
                          std::to_string(limit) + '\n' + std::to_string(s.entities.head(call.community_id)))
                   .substr(0, 32) +
               "\"";
        if (matches_tag(call.req, etag)) return std::nullopt;
        return s.entities.since(call.community_id, since.seq, limit);
    });
    if (!slice) return not_modified(etag, kFeedCaching);
    const std::int64_t last = slice->rows.empty() ? since.seq : slice->rows.back().seq;
    const std::string cursor = std::to_string(last) + "." + std::to_string(stamp);
    Reply reply{200, page_body(*slice, cursor), kJson, {}};
    reply.headers.emplace("ETag", etag);
    reply.headers.emplace("Cache-Control", kFeedCaching);
    reply.headers.emplace("Vary", "Accept-Encoding");
    return reply;
}

constexpr const char* kMediaCaching = "public, max-age=31536000, immutable";

Reply media(Store& store, const Call& call) {
    const std::string sha = call.param(1);
    const std::string etag = "\"" + sha + "\"";
    if (matches_tag(call.req, etag)) {
        const bool known = store.read([&](Session& s) { return s.media.has(sha); });
        if (known) return not_modified(etag, kMediaCaching);
    }
    auto file = store.read([&](Session& s) { return s.media.get(sha); });
    if (!file) throw ApiError(404, "not_found", "no media with this sha256");
    Reply reply{200, std::move(file->bytes), file->content_type, {}};
    reply.headers.emplace("ETag", etag);
    reply.headers.emplace("Cache-Control", kMediaCaching);
    return reply;
}

}  // namespace

void add_feed_routes(Router& router, Store& store) {
    router.kiosk_route("GET", kCommunityRoute + "/changes", "changes",
                       [&store](const Call& call) { return changes(store, call); });
    router.kiosk_route("GET", "/api/v1/media/([0-9a-f]{64})", "media",
                       [&store](const Call& call) { return media(store, call); });
}

}  // namespace gongshi::server
