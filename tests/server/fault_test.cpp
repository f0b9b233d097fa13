// Each fault kind produces the misbehaviour docs/API.md advertises, and only when asked.
#include <atomic>
#include <chrono>

#include "api_test_util.hpp"

namespace gongshi::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

class FaultTest : public ::testing::Test {
protected:
    ServerProcess server{ServerConfig().with_faults()};
    httplib::Client cli = server.client();
    httplib::Headers kiosk = with(server.kiosk_headers(), "Accept-Encoding", "identity");
    const std::string page = community_path("/changes?limit=50");

    void add_fault(const json& rule) {
        auto res = post_json(cli, "/admin/faults", server.admin_headers(), rule);
        ASSERT_EQ(res->status, 201) << res->body;
    }
    void add_fault(const std::string& route, const std::string& kind, const json& params = json::object()) {
        add_fault({{"route", route}, {"kind", kind}, {"count", 1}, {"params", params}});
    }
    std::string normal_page() { return cli.Get(page, kiosk)->body; }
};

TEST_F(FaultTest, Delay) {
    add_fault("changes", "delay", {{"ms", 700}});
    const auto start = Clock::now();
    auto res = cli.Get(page, kiosk);
    EXPECT_EQ(res->status, 200);
    EXPECT_GE(Clock::now() - start, 650ms);
    cli.Get(page, kiosk);
    const json rules = parsed(cli.Get("/admin/faults", server.admin_headers()))["faults"];
    EXPECT_EQ(rules[0]["fired"], 1) << "count 1: only once";
}

TEST_F(FaultTest, Status5xxWithRetryAfter) {
    add_fault({{"route", "changes"}, {"kind", "status_5xx"}, {"count", 2}, {"params", {{"status", 502}, {"retry_after", 3}}}});
    for (int i = 0; i < 2; ++i) {
        auto res = cli.Get(page, kiosk);
        EXPECT_EQ(res->status, 502);
        EXPECT_EQ(error_code(res), "injected_fault");
        EXPECT_TRUE(parsed(res)["error"]["retryable"].get<bool>());
        EXPECT_EQ(res->get_header_value("Retry-After"), "3");
    }
    EXPECT_EQ(cli.Get(page, kiosk)->status, 200);
    const json rules = parsed(cli.Get("/admin/faults", server.admin_headers()))["faults"];
    ASSERT_EQ(rules.size(), 1u);
    EXPECT_EQ(rules[0]["fired"], 2);
    EXPECT_EQ(rules[0]["remaining"], 0);
}

TEST_F(FaultTest, DropConnectionMidBody) {
    add_fault("changes", "drop_connection");
    std::size_t received = 0;
    std::string content_length;
    auto res = cli.Get(
        page, kiosk,
        [&](const httplib::Response& r) {
            content_length = r.get_header_value("Content-Length");
            return true;
        },
        [&](const char*, std::size_t n) {
            received += n;
            return true;
        });
    EXPECT_FALSE(res) << "the body never completes";
    EXPECT_GT(received, 0u);
    EXPECT_LT(received, std::stoul(content_length));
}

TEST_F(FaultTest, TruncateGivesAWellFramedButCutBody) {
    const std::string normal = normal_page();
    add_fault("changes", "truncate");
    auto res = cli.Get(page, kiosk);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->body, normal.substr(0, normal.size() / 2));
    EXPECT_FALSE(json::accept(res->body));
}

TEST_F(FaultTest, CorruptJson) {
    const std::string normal = normal_page();
    add_fault("changes", "corrupt_json");
    auto res = cli.Get(page, kiosk);
    EXPECT_EQ(res->body.size(), normal.size());
    EXPECT_NE(res->body, normal);
    EXPECT_FALSE(json::accept(res->body));
    EXPECT_FALSE(decode_page(res->body));
}

TEST_F(FaultTest, WrongFieldTypes) {
    add_fault("changes", "wrong_field_types");
    auto res = cli.Get(page, kiosk);
    EXPECT_TRUE(json::accept(res->body));
    EXPECT_TRUE(parsed(res)["more"].is_string());
    EXPECT_FALSE(decode_page(res->body));

    // Only one field, deep inside: the page must still be refused as a whole.
    add_fault("changes", "wrong_field_types", {{"field", "name"}});
    auto subtle = cli.Get(page, kiosk);
    const auto decoded = decode_page(subtle->body);
    ASSERT_FALSE(decoded);
    EXPECT_NE(decoded.error().find("'name'"), std::string::npos) << decoded.error();
}

TEST_F(FaultTest, EndlessBody) {
    add_fault("changes", "endless");
    std::size_t received = 0;
    auto res = cli.Get(page, kiosk, [&](const char*, std::size_t n) {
        received += n;
        return received < (4u << 20);  // the client's cap: give up after 4 MiB
    });
    EXPECT_EQ(res.error(), httplib::Error::Canceled);
    EXPECT_GE(received, 4u << 20);
}

TEST_F(FaultTest, OversizedBodyIsValidJsonOfTheRequestedSize) {
    add_fault("changes", "oversized", {{"bytes", 3 << 20}});
    auto res = cli.Get(page, kiosk);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->body.size(), 3u << 20);
    EXPECT_EQ(res->get_header_value("Content-Length"), std::to_string(3 << 20));
    const auto decoded = decode_page(res->body);
    ASSERT_TRUE(decoded) << decoded.error();
    EXPECT_EQ(decoded->changes.size(), 50u) << "a client without a size cap would accept it";
}

TEST_F(FaultTest, TrickleSendsOneByteAtATime) {
    add_fault("changes", "trickle", {{"interval_ms", 300}});
    std::size_t received = 0, largest_read = 0;
    const auto start = Clock::now();
    auto res = cli.Get(page, kiosk, [&](const char*, std::size_t n) {
        received += n;
        largest_read = std::max(largest_read, n);
        return received < 4;
    });
    EXPECT_EQ(res.error(), httplib::Error::Canceled);
    EXPECT_LE(largest_read, 2u) << "a byte (two if the client was slow to read) at a time";
    EXPECT_GE(Clock::now() - start, 1100ms) << "4 bytes take 4 intervals";
}

TEST_F(FaultTest, Gone410) {
    add_fault("changes", "gone_410");
    auto res = cli.Get(page, kiosk);
    EXPECT_EQ(res->status, 410);
    EXPECT_EQ(error_code(res), "cursor_expired");
}

TEST_F(FaultTest, DropAfterCommitLosesOnlyTheResponse) {
    add_fault("wishes", "drop_after_commit");
    const std::string head = read_feed(cli, kiosk).cursor;
    const auto headers = with(kiosk, "Idempotency-Key", "k1");
    auto lost = post_json(cli, community_path("/wishes"), headers, wish_request("AA-23456"));
    EXPECT_FALSE(lost) << "no response at all";
    EXPECT_EQ(read_feed(cli, kiosk, head).changes.size(), 1u) << "but the wish was committed";
    auto retry = post_json(cli, community_path("/wishes"), headers, wish_request("AA-23456"));
    ASSERT_TRUE(retry);
    EXPECT_EQ(retry->status, 201);
    EXPECT_EQ(retry->get_header_value("Idempotent-Replayed"), "true");
    EXPECT_EQ(read_feed(cli, kiosk, head).changes.size(), 1u) << "exactly once";
}

TEST_F(FaultTest, RedirectLoop) {
    add_fault({{"route", "changes"}, {"kind", "redirect_loop"}, {"params", json::object()}});
    auto res = cli.Get(page, kiosk);
    EXPECT_EQ(res->status, 307);
    EXPECT_EQ(res->get_header_value("Location"), page);
    cli.set_follow_location(true);
    auto followed = cli.Get(page, kiosk);
    EXPECT_EQ(followed.error(), httplib::Error::ExceedRedirectCount);
}

TEST_F(FaultTest, ProbabilityWildcardAndClearing) {
    add_fault({{"route", "*"}, {"kind", "status_5xx"}, {"probability", 0}});
    for (int i = 0; i < 20; ++i) EXPECT_EQ(cli.Get(page, kiosk)->status, 200);
    EXPECT_EQ(cli.Delete("/admin/faults", server.admin_headers())->status, 204);

    add_fault({{"route", "*"}, {"kind", "status_5xx"}});
    EXPECT_EQ(cli.Get("/api/v1/kiosk", kiosk)->status, 503);
    EXPECT_EQ(cli.Get(page, kiosk)->status, 503) << "until cleared";
    EXPECT_EQ(cli.Get("/admin/faults", server.admin_headers())->status, 200) << "admin routes are never faulted";
    EXPECT_EQ(cli.Delete("/admin/faults", server.admin_headers())->status, 204);
    EXPECT_EQ(cli.Get(page, kiosk)->status, 200);

    int failures = 0;
    add_fault({{"route", "kiosk"}, {"kind", "status_5xx"}, {"probability", 0.5}});
    for (int i = 0; i < 200; ++i) failures += cli.Get("/api/v1/kiosk", kiosk)->status == 503 ? 1 : 0;
    EXPECT_GT(failures, 50);
    EXPECT_LT(failures, 150);
}

TEST_F(FaultTest, MalformedRulesAreRefused) {
    const auto admin = server.admin_headers();
    EXPECT_EQ(post_json(cli, "/admin/faults", admin, {{"route", "changes"}, {"kind", "meteor"}})->status, 400);
    EXPECT_EQ(post_json(cli, "/admin/faults", admin, {{"route", "chnages"}, {"kind", "delay"}})->status, 400);
    EXPECT_EQ(post_json(cli, "/admin/faults", admin, {{"route", "changes"}, {"kind", "delay"}, {"probability", 2}})->status,
              400);
    EXPECT_EQ(post_json(cli, "/admin/faults", kiosk, {{"route", "changes"}, {"kind", "delay"}})->status, 403);
    EXPECT_EQ(post_json(cli, "/admin/faults", ServerProcess::bearer("nope"), {{"route", "changes"}, {"kind", "delay"}})->status,
              401);
}

}  // namespace
}  // namespace gongshi::test
