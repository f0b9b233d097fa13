// The pull side of the contract: auth, paging, conditional requests, gzip, 410, admin edits, media.
#include <ctime>
#include <map>
#include <set>

#include "api_test_util.hpp"
#include "gongshi/demo_data.hpp"
#include "gongshi/text.hpp"

namespace gongshi::test {
namespace {

class FeedTest : public ::testing::Test {
protected:
    ServerProcess server;
    httplib::Client cli = server.client();
    httplib::Headers kiosk = server.kiosk_headers();

    std::string head_cursor() { return read_feed(cli, kiosk).cursor; }
};

TEST_F(FeedTest, RequestsWithoutAValidTokenAre401) {
    const std::string path = community_path("/changes");
    for (const httplib::Headers& headers : {httplib::Headers{}, ServerProcess::bearer("not-a-token"),
                                            httplib::Headers{{"Authorization", "Basic dXNlcjpwYXNz"}}}) {
        auto res = cli.Get(path, headers);
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 401);
        EXPECT_EQ(error_code(res), "unauthorized");
        EXPECT_EQ(res->get_header_value("WWW-Authenticate"), "Bearer");
    }
    auto admin_as_kiosk = cli.Get(path, server.admin_headers());
    EXPECT_EQ(admin_as_kiosk->status, 403);
    auto other = cli.Get("/api/v1/communities/c-district/changes", kiosk);
    EXPECT_EQ(other->status, 403);
    EXPECT_EQ(error_code(other), "wrong_community");
    auto unknown_route = cli.Get("/api/v1/nothing-here", kiosk);
    EXPECT_EQ(unknown_route->status, 404);
    EXPECT_EQ(error_code(unknown_route), "not_found");
}

TEST_F(FeedTest, PagingUntilMoreIsFalseYieldsEveryDemoEntity) {
    const auto zone = TimeZone::load("Asia/Shanghai");
    ASSERT_TRUE(zone);
    const DemoData demo = generate_demo(DemoPreset::community, zone->local_date(std::time(nullptr)));
    std::map<std::pair<EntityKind, std::string>, std::string> expected;
    for (const auto& e : demo.entities) expected[{kind_of(e), id_of(e)}] = encode(e).dump();

    const Feed feed = read_feed(cli, kiosk);
    EXPECT_EQ(feed.pages, static_cast<int>((expected.size() + 499) / 500));
    std::map<std::pair<EntityKind, std::string>, std::string> got;
    for (const auto& c : feed.changes) {
        ASSERT_FALSE(c.is_delete);
        got[{c.kind, c.id}] = encode(*c.entity).dump();
    }
    ASSERT_EQ(got.size(), expected.size());
    EXPECT_EQ(feed.changes.size(), expected.size()) << "each entity once";
    for (const auto& [key, data] : expected) {
        if (key.first == EntityKind::staff) continue;  // argon2id salts differ between generations
        EXPECT_EQ(got[key], data) << kind_name(key.first) << " " << key.second;
    }
    // The community comes first, so references always point backwards in the feed.
    EXPECT_EQ(feed.changes.front().kind, EntityKind::community);
}

TEST_F(FeedTest, PagesAreByteForByteWhatTheCodecEncodes) {
    auto res = cli.Get(community_path("/changes?since=0&limit=200"), kiosk);
    ASSERT_TRUE(res);
    auto page = decode_page(res->body);
    ASSERT_TRUE(page) << page.error();
    EXPECT_EQ(encode_page(page.value()).dump(), res->body);
    EXPECT_EQ(page->changes.size(), 200u);
    EXPECT_TRUE(page->more);
    EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
}

TEST_F(FeedTest, UnchangedPollIsAnswered304) {
    const std::string path = community_path("/changes?since=" + head_cursor());
    auto first = cli.Get(path, kiosk);
    ASSERT_TRUE(first);
    const std::string etag = first->get_header_value("ETag");
    ASSERT_FALSE(etag.empty());
    EXPECT_EQ(first->get_header_value("Cache-Control"), "no-cache");

    auto again = cli.Get(path, with(kiosk, "If-None-Match", etag));
    ASSERT_TRUE(again);
    EXPECT_EQ(again->status, 304);
    EXPECT_TRUE(again->body.empty());
    EXPECT_EQ(again->get_header_value("ETag"), etag);

    // A change in the community invalidates the tag.
    ASSERT_EQ(put_json(cli, entity_path("grid", "g-0001"), server.admin_headers(),
                       {{"id", "g-0001"}, {"community_id", kCommunity}, {"name", "春晖新村（东区）"}})
                  ->status,
              200);
    auto after_edit = cli.Get(path, with(kiosk, "If-None-Match", etag));
    EXPECT_EQ(after_edit->status, 200);
    EXPECT_NE(after_edit->get_header_value("ETag"), etag);
}

TEST_F(FeedTest, GzipWhenTheClientAcceptsIt) {
    const std::string path = community_path("/changes?limit=2000");
    cli.set_decompress(false);
    auto gzipped = cli.Get(path, with(kiosk, "Accept-Encoding", "gzip"));
    ASSERT_TRUE(gzipped);
    EXPECT_EQ(gzipped->get_header_value("Content-Encoding"), "gzip");
    ASSERT_GE(gzipped->body.size(), 2u);
    EXPECT_EQ(static_cast<unsigned char>(gzipped->body[0]), 0x1f);
    EXPECT_EQ(static_cast<unsigned char>(gzipped->body[1]), 0x8b);
    EXPECT_EQ(gzipped->get_header_value("Vary"), "Accept-Encoding");

    auto plain = cli.Get(path, with(kiosk, "Accept-Encoding", "identity"));
    ASSERT_TRUE(plain);
    EXPECT_FALSE(plain->has_header("Content-Encoding"));
    EXPECT_LT(gzipped->body.size() * 3, plain->body.size());

    // gzip even when brotli is offered too; nothing when gzip is refused.
    EXPECT_EQ(cli.Get(path, with(kiosk, "Accept-Encoding", "br, gzip"))->get_header_value("Content-Encoding"), "gzip");
    EXPECT_FALSE(cli.Get(path, with(kiosk, "Accept-Encoding", "gzip;q=0"))->has_header("Content-Encoding"));

    cli.set_decompress(true);
    auto decoded = cli.Get(path, with(kiosk, "Accept-Encoding", "gzip"));
    EXPECT_EQ(decoded->body, plain->body);
}

TEST_F(FeedTest, CursorOlderThanTheHorizonIs410) {
    auto first = cli.Get(community_path("/changes?since=0&limit=10"), kiosk);
    const std::string old_cursor = decode_page(first->body)->cursor;
    const std::string head = head_cursor();

    auto moved = post_json(cli, "/admin/horizon", server.admin_headers(), json::object());
    ASSERT_EQ(moved->status, 200);
    EXPECT_EQ(std::to_string(parsed(moved)["horizon"].get<std::int64_t>()), head.substr(0, head.find('.')));

    auto gone = cli.Get(community_path("/changes?since=" + old_cursor), kiosk);
    EXPECT_EQ(gone->status, 410);
    EXPECT_EQ(error_code(gone), "cursor_expired");
    EXPECT_FALSE(parsed(gone)["error"]["retryable"].get<bool>());
    EXPECT_EQ(cli.Get(community_path("/changes?since=0"), kiosk)->status, 200) << "a full resync always works";
    EXPECT_EQ(cli.Get(community_path("/changes?since=" + head), kiosk)->status, 200) << "an up-to-date kiosk is fine";
    EXPECT_EQ(cli.Get(community_path("/changes?since=999999999"), kiosk)->status, 410) << "a cursor from the future";
}

TEST_F(FeedTest, AResyncStartedAfterAPurgePagesToTheEnd) {
    ASSERT_EQ(post_json(cli, "/admin/horizon", server.admin_headers(), json::object())->status, 200);
    // Every page of a resync that began after the purge is served, though its cursors are below
    // the horizon: the tombstones it removed were never needed by this client.
    std::string cursor = "0";
    int pages = 0;
    for (bool more = true; more; ++pages) {
        auto res = cli.Get(community_path("/changes?limit=500&since=" + cursor), kiosk);
        ASSERT_EQ(res->status, 200) << "page " << pages << " since " << cursor;
        auto page = decode_page(res->body);
        ASSERT_TRUE(page) << page.error();
        cursor = page->cursor;
        more = page->more;
    }
    EXPECT_GT(pages, 2);
    // A purge after that moves past this client's stamp only once new changes exist beyond it.
    EXPECT_EQ(cli.Get(community_path("/changes?since=" + cursor), kiosk)->status, 200);
}

TEST_F(FeedTest, LimitAndCursorAreValidated) {
    auto page_size = [&](const std::string& query) {
        auto res = cli.Get(community_path("/changes" + query), kiosk);
        return res && res->status == 200 ? decode_page(res->body)->changes.size() : 0u;
    };
    EXPECT_EQ(page_size(""), 500u);
    EXPECT_EQ(page_size("?limit=7"), 7u);
    EXPECT_EQ(page_size("?limit=100000"), read_feed(cli, kiosk).changes.size()) << "capped at 5000, not refused";
    EXPECT_EQ(error_code(cli.Get(community_path("/changes?limit=0"), kiosk)), "invalid_limit");
    EXPECT_EQ(error_code(cli.Get(community_path("/changes?since=abc"), kiosk)), "invalid_cursor");
    EXPECT_EQ(cli.Get(community_path("/changes?since=-1"), kiosk)->status, 400);
}

TEST_F(FeedTest, AdminUpsertsAndDeletesOfEveryKindAppearInTheFeed) {
    const Feed all = read_feed(cli, kiosk);
    std::map<EntityKind, const Change*> sample;
    for (const auto& c : all.changes) sample.emplace(c.kind, &c);
    ASSERT_EQ(sample.size(), std::size(kAllEntityKinds)) << "the demo has every kind";

    const auto admin = server.admin_headers();
    for (const auto& [kind, change] : sample) {
        auto res = put_json(cli, entity_path(kind_name(kind), change->id), admin, encode(*change->entity));
        ASSERT_EQ(res->status, 200) << kind_name(kind) << ": " << res->body;
    }
    const Feed upserts = read_feed(cli, kiosk, all.cursor);
    ASSERT_EQ(upserts.changes.size(), sample.size());
    for (const auto& c : upserts.changes) {
        EXPECT_FALSE(c.is_delete);
        EXPECT_EQ(encode(*c.entity), encode(*sample[c.kind]->entity));
    }

    for (const auto& [kind, change] : sample) {
        if (kind == EntityKind::community) continue;
        EXPECT_EQ(cli.Delete(entity_path(kind_name(kind), change->id), admin)->status, 200) << kind_name(kind);
    }
    const Feed deletes = read_feed(cli, kiosk, upserts.cursor);
    ASSERT_EQ(deletes.changes.size(), sample.size() - 1);
    std::set<EntityKind> deleted;
    for (const auto& c : deletes.changes) {
        EXPECT_TRUE(c.is_delete);
        EXPECT_EQ(c.id, sample[c.kind]->id);
        deleted.insert(c.kind);
    }
    EXPECT_EQ(deleted.size(), sample.size() - 1);
    // Compacted: a full read carries each deleted entity once, as a tombstone, and none of its data.
    std::size_t tombstones = 0;
    for (const auto& c : read_feed(cli, kiosk).changes) tombstones += c.is_delete ? 1 : 0;
    EXPECT_EQ(tombstones, sample.size() - 1);

    EXPECT_EQ(cli.Delete(entity_path("grid", "no-such-grid"), admin)->status, 404);
    auto wrong = put_json(cli, entity_path("grid", "g-x"), admin, {{"id", "g-y"}, {"community_id", kCommunity}, {"name", "x"}});
    EXPECT_EQ(wrong->status, 400);
    auto bad = put_json(cli, entity_path("grid", "g-x"), admin, {{"id", "g-x"}, {"community_id", kCommunity}, {"name", 5}});
    EXPECT_EQ(error_code(bad), "invalid_field");
    EXPECT_EQ(put_json(cli, entity_path("grid", "g-x"), kiosk, {{"id", "g-x"}})->status, 403);
}

TEST_F(FeedTest, MediaIsContentAddressedAndImmutable) {
    const Feed all = read_feed(cli, kiosk);
    std::string sha;
    for (const auto& c : all.changes)
        if (const auto* m = std::get_if<Member>(&*c.entity); m && m->photo) sha = *m->photo;
    ASSERT_FALSE(sha.empty()) << "demo members have photos";

    const std::string path = "/api/v1/media/" + sha;
    EXPECT_EQ(cli.Get(path)->status, 401);
    auto res = cli.Get(path, kiosk);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(sha256_hex(res->body), sha);
    EXPECT_EQ(res->get_header_value("Content-Type"), "image/png");
    EXPECT_EQ(res->get_header_value("ETag"), "\"" + sha + "\"");
    EXPECT_EQ(res->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");

    auto cached = cli.Get(path, with(kiosk, "If-None-Match", "\"" + sha + "\""));
    EXPECT_EQ(cached->status, 304);
    EXPECT_EQ(cli.Get("/api/v1/media/" + std::string(64, '0'), kiosk)->status, 404);

    // Media added by an operator is served at its hash.
    const std::string png = res->body.substr(0, res->body.size() - 1) + "\x01";  // another byte string, same magic
    auto added = cli.Post("/admin/media", server.admin_headers(), png, "image/png");
    ASSERT_EQ(added->status, 201);
    EXPECT_EQ(parsed(added)["sha256"], sha256_hex(png));
    EXPECT_EQ(cli.Get("/api/v1/media/" + sha256_hex(png), kiosk)->body, png);
    EXPECT_EQ(cli.Post("/admin/media", server.admin_headers(), "GIF89a", "image/gif")->status, 415);
}

}  // namespace
}  // namespace gongshi::test
