// What a kiosk asks about itself: whoami, tracking, staff login, heartbeat; and extra kiosks.
#include <ctime>

#include "api_test_util.hpp"
#include "gongshi/demo_data.hpp"

namespace gongshi::test {
namespace {

class KioskTest : public ::testing::Test {
protected:
    ServerProcess server;
    httplib::Client cli = server.client();
    httplib::Headers kiosk = server.kiosk_headers();

    httplib::Result login(const std::string& staff_id, const std::string& pin) {
        return post_json(cli, community_path("/staff/login"), kiosk, {{"staff_id", staff_id}, {"pin", pin}});
    }
};

TEST_F(KioskTest, WhoAmI) {
    auto res = cli.Get("/api/v1/kiosk", kiosk);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(parsed(res), json({{"kiosk_id", "kiosk-AA"}, {"kiosk_code", kKioskCode}, {"community_id", kCommunity}}));
}

TEST_F(KioskTest, TrackingShowsThePublicStatusOnly) {
    ASSERT_EQ(post_json(cli, community_path("/wishes"), with(kiosk, "Idempotency-Key", "k"), wish_request("AA-7KQ3M"))
                  ->status,
              201);
    auto res = cli.Get("/api/v1/track/AA-7KQ3M", kiosk);
    ASSERT_EQ(res->status, 200);
    const json status = parsed(res);
    EXPECT_EQ(status["tracking_code"], "AA-7KQ3M");
    EXPECT_EQ(status["status"], "pending_review");
    EXPECT_EQ(status["category"], "生活帮扶");
    for (const char* personal : {"display_name", "display_name_masked", "phone", "text", "reject_reason"})
        EXPECT_FALSE(status.contains(personal)) << personal;
    EXPECT_EQ(cli.Get("/api/v1/track/aa-7kq3m", kiosk)->status, 200) << "typed in lowercase";
    EXPECT_EQ(cli.Get("/api/v1/track/AA-22222", kiosk)->status, 404);
    EXPECT_EQ(cli.Get("/api/v1/track/AA-7KQ3M")->status, 401);

    // The demo's own wishes are trackable too, with their dates.
    for (const auto& c : read_feed(cli, kiosk).changes) {
        const auto* wish = std::get_if<Wish>(&*c.entity);
        if (!wish || wish->status != WishStatus::fulfilled) continue;
        const json demo = parsed(cli.Get("/api/v1/track/" + wish->tracking_code, kiosk));
        EXPECT_EQ(demo["status"], "fulfilled");
        EXPECT_TRUE(demo.contains("fulfilled_at"));
        break;
    }
}

TEST_F(KioskTest, StaffLoginAnswersWrongPinAndUnknownIdAlike) {
    const auto zone = TimeZone::load("Asia/Shanghai");
    const DemoData demo = generate_demo(DemoPreset::community, zone->local_date(std::time(nullptr)));
    ASSERT_GE(demo.staff.size(), 2u);
    const DemoStaff& staff = demo.staff[0];

    auto ok = login(staff.id, staff.pin);
    ASSERT_EQ(ok->status, 200) << ok->body;
    EXPECT_EQ(parsed(ok)["staff"]["id"], staff.id);
    EXPECT_TRUE(parsed(ok)["staff"]["name"].is_string());

    const std::string wrong_pin = staff.pin == "000000" ? "111111" : "000000";
    auto wrong = login(staff.id, wrong_pin);
    auto unknown = login("no-such-staff", wrong_pin);
    EXPECT_EQ(wrong->status, 401);
    EXPECT_EQ(unknown->status, 401);
    EXPECT_EQ(error_code(wrong), "invalid_credentials");
    EXPECT_EQ(wrong->body, unknown->body) << "nothing tells which staff ids exist";
}

TEST_F(KioskTest, StaffLoginIsRateLimited) {
    const auto zone = TimeZone::load("Asia/Shanghai");
    const DemoStaff staff = generate_demo(DemoPreset::community, zone->local_date(std::time(nullptr))).staff[1];
    const std::string wrong_pin = staff.pin == "000000" ? "111111" : "000000";
    for (int i = 0; i < 5; ++i) EXPECT_EQ(login(staff.id, wrong_pin)->status, 401);
    auto blocked = login(staff.id, staff.pin);
    EXPECT_EQ(blocked->status, 429) << "even the right PIN waits";
    EXPECT_EQ(error_code(blocked), "too_many_attempts");
    EXPECT_GT(std::stoi(blocked->get_header_value("Retry-After")), 0);
}

TEST_F(KioskTest, HeartbeatsAreListedForOperators) {
    const json beat{{"version", "0.1.0"}, {"last_sync_at", "2025-03-01T10:00:00+08:00"}, {"outbox_depth", 3},
                    {"dead_letters", 1},  {"uptime_s", 3600},                          {"free_disk_bytes", 1000000000}};
    auto res = post_json(cli, "/api/v1/kiosks/heartbeat", kiosk, beat);
    ASSERT_EQ(res->status, 200) << res->body;
    EXPECT_TRUE(parsed(res)["received_at"].is_string());
    EXPECT_EQ(post_json(cli, "/api/v1/kiosks/heartbeat", kiosk, patched(beat, {{"outbox_depth", "3"}}))->status, 400);

    EXPECT_EQ(cli.Get("/api/v1/kiosks", kiosk)->status, 403) << "operators only";
    const json list = parsed(cli.Get("/api/v1/kiosks", server.admin_headers()));
    ASSERT_EQ(list["kiosks"].size(), 1u);
    const json& k = list["kiosks"][0];
    EXPECT_EQ(k["kiosk_code"], kKioskCode);
    EXPECT_TRUE(k["last_heartbeat_at"].is_string());
    EXPECT_EQ(k["heartbeat"]["outbox_depth"], 3);
    EXPECT_EQ(k["heartbeat"]["version"], "0.1.0");
}

TEST_F(KioskTest, EachKioskHasItsOwnCodeAndToken) {
    auto added = post_json(cli, "/admin/kiosks", server.admin_headers(), {{"community_id", kCommunity}});
    ASSERT_EQ(added->status, 201) << added->body;
    const json second = parsed(added);
    EXPECT_EQ(second["kiosk_code"], "AB");
    const auto headers = ServerProcess::bearer(second["token"]);
    EXPECT_EQ(parsed(cli.Get("/api/v1/kiosk", headers))["kiosk_code"], "AB");

    auto wish = [&](const std::string& key, const std::string& code) {
        return post_json(cli, community_path("/wishes"), with(headers, "Idempotency-Key", key), wish_request(code))->status;
    };
    EXPECT_EQ(wish("1", "AA-23456"), 400) << "the AA prefix belongs to the other kiosk";
    EXPECT_EQ(wish("2", "AB-23456"), 201);
    // Keys are per kiosk: the first kiosk may use the same key for its own request.
    EXPECT_EQ(post_json(cli, community_path("/wishes"), with(kiosk, "Idempotency-Key", "2"), wish_request("AA-23456"))->status,
              201);

    auto chosen = post_json(cli, "/admin/kiosks", server.admin_headers(), {{"community_id", kCommunity}, {"kiosk_code", "ZZ9"}});
    EXPECT_EQ(parsed(chosen)["kiosk_code"], "ZZ9");
    auto taken = post_json(cli, "/admin/kiosks", server.admin_headers(), {{"community_id", kCommunity}, {"kiosk_code", "ZZ9"}});
    EXPECT_EQ(taken->status, 409);
    EXPECT_EQ(post_json(cli, "/admin/kiosks", server.admin_headers(), {{"community_id", kCommunity}, {"kiosk_code", "Z0"}})
                  ->status,
              400);
    EXPECT_EQ(post_json(cli, "/admin/kiosks", server.admin_headers(), {{"community_id", "c-none"}})->status, 404);
}

}  // namespace
}  // namespace gongshi::test
