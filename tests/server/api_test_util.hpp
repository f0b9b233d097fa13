// Small helpers the server integration tests share: JSON requests and feed paging.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "gongshi/codec.hpp"
#include "support/server_process.hpp"

namespace gongshi::test {

using nlohmann::json;

inline const std::string kCommunity = "c-demo";  // the community preset's id
inline const std::string kKioskCode = "AA";      // the first kiosk the server registers

inline std::string community_path(const std::string& rest) { return "/api/v1/communities/" + kCommunity + rest; }
inline std::string entity_path(const std::string& kind, const std::string& id) {
    return "/admin/communities/" + kCommunity + "/entities/" + kind + "/" + id;
}

inline json parsed(const httplib::Result& res) { return res ? json::parse(res->body, nullptr, false) : json(); }

inline httplib::Headers with(httplib::Headers headers, const std::string& name, const std::string& value) {
    headers.emplace(name, value);
    return headers;
}

inline httplib::Result post_json(httplib::Client& cli, const std::string& path, const httplib::Headers& headers,
                                 const json& body) {
    return cli.Post(path, headers, body.dump(), "application/json");
}

inline httplib::Result put_json(httplib::Client& cli, const std::string& path, const httplib::Headers& headers,
                                const json& body) {
    return cli.Put(path, headers, body.dump(), "application/json");
}

// The error code of an error-shaped body, checking the shape on the way.
inline std::string error_code(const httplib::Result& res) {
    const json body = parsed(res);
    if (!body.is_object() || !body.contains("error")) return "<not an error body>";
    const json& e = body["error"];
    EXPECT_TRUE(e["code"].is_string() && e["message"].is_string() && e["retryable"].is_boolean()) << e.dump();
    return e.value("code", "");
}

struct Feed {
    std::vector<Change> changes;
    std::string cursor;
    int pages = 0;
};

// Pages through the change feed from `since` until more=false; every page must decode.
inline Feed read_feed(httplib::Client& cli, const httplib::Headers& auth, std::string since = "0", int limit = 500) {
    Feed feed;
    for (bool more = true; more; ++feed.pages) {
        auto res = cli.Get(community_path("/changes?since=" + since + "&limit=" + std::to_string(limit)), auth);
        if (!res || res->status != 200) {
            ADD_FAILURE() << "feed page failed: " << (res ? res->body : httplib::to_string(res.error()));
            break;
        }
        auto page = decode_page(res->body);
        if (!page) {
            ADD_FAILURE() << page.error();
            break;
        }
        for (auto& c : page->changes) feed.changes.push_back(std::move(c));
        since = feed.cursor = page->cursor;
        more = page->more;
    }
    return feed;
}

inline json wish_request(const std::string& code, const std::string& text = "楼道灯坏了，请帮忙修一下") {
    return {{"tracking_code", code},     {"category", "生活帮扶"}, {"text", text},
            {"grid_id", "g-0001"},       {"display_name", "王小明"}, {"phone", "13812341234"},
            {"submitted_at", "2025-03-01T10:00:00+08:00"}};
}

inline json patched(json j, const json& changes) {
    j.update(changes);
    return j;
}

}  // namespace gongshi::test
