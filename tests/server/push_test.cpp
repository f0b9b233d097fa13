// The push side: idempotency, wishes, notices, reviews, staff actions.
#include <chrono>
#include <thread>

#include "api_test_util.hpp"

namespace gongshi::test {
namespace {

using namespace std::chrono_literals;

class PushTest : public ::testing::Test {
protected:
    ServerProcess server{ServerConfig().with_faults()};
    httplib::Client cli = server.client();
    httplib::Headers kiosk = server.kiosk_headers();
    const std::string head = read_feed(cli, kiosk).cursor;

    httplib::Result push(const std::string& path, const std::string& key, const json& body) {
        return post_json(cli, community_path(path), with(kiosk, "Idempotency-Key", key), body);
    }
    httplib::Result push_raw(const std::string& path, const std::string& key, const std::string& body) {
        return cli.Post(community_path(path), with(kiosk, "Idempotency-Key", key), body, "application/json");
    }
    std::vector<Change> new_changes() { return read_feed(cli, kiosk, head).changes; }
};

TEST_F(PushTest, IdempotencyKeyIsRequired) {
    auto res = post_json(cli, community_path("/wishes"), kiosk, wish_request("AA-23456"));
    EXPECT_EQ(res->status, 400);
    EXPECT_EQ(error_code(res), "missing_idempotency_key");
    EXPECT_EQ(error_code(push("/wishes", "has space", wish_request("AA-23456"))), "invalid_idempotency_key");
    EXPECT_TRUE(new_changes().empty());
}

TEST_F(PushTest, SameKeyAndBodyReplaysTheStoredResponse) {
    auto first = push("/wishes", "key-1", wish_request("AA-23456"));
    ASSERT_EQ(first->status, 201) << first->body;
    EXPECT_FALSE(first->has_header("Idempotent-Replayed"));
    auto replay = push("/wishes", "key-1", wish_request("AA-23456"));
    EXPECT_EQ(replay->status, 201);
    EXPECT_EQ(replay->body, first->body);
    EXPECT_EQ(replay->get_header_value("Idempotent-Replayed"), "true");
    EXPECT_EQ(new_changes().size(), 1u) << "the wish exists once";

    // A refusal is stored and replayed the same way.
    auto refused = push("/wishes", "key-2", wish_request("ZZ-23456"));
    EXPECT_EQ(refused->status, 400);
    auto refused_again = push("/wishes", "key-2", wish_request("ZZ-23456"));
    EXPECT_EQ(refused_again->body, refused->body);
    EXPECT_EQ(refused_again->get_header_value("Idempotent-Replayed"), "true");
}

TEST_F(PushTest, SameKeyWithADifferentBodyIs422) {
    ASSERT_EQ(push("/wishes", "key-1", wish_request("AA-23456"))->status, 201);
    auto res = push("/wishes", "key-1", wish_request("AA-23456", "另一个心愿"));
    EXPECT_EQ(res->status, 422);
    EXPECT_EQ(error_code(res), "idempotency_key_reused");
    EXPECT_FALSE(parsed(res)["error"]["retryable"].get<bool>());
}

TEST_F(PushTest, SameKeyWhileTheFirstIsInFlightIs409) {
    ASSERT_EQ(post_json(cli, "/admin/faults", server.admin_headers(),
                        {{"route", "wishes"}, {"kind", "delay"}, {"count", 1}, {"params", {{"ms", 2000}}}})
                  ->status,
              201);
    int first_status = 0;
    std::thread first([&] {
        auto other = server.client();
        auto res = post_json(other, community_path("/wishes"), with(kiosk, "Idempotency-Key", "slow"),
                             wish_request("AA-23456"));
        first_status = res ? res->status : -1;
    });
    std::this_thread::sleep_for(600ms);
    auto busy = push("/wishes", "slow", wish_request("AA-23456"));
    first.join();
    EXPECT_EQ(busy->status, 409);
    EXPECT_EQ(error_code(busy), "request_in_flight");
    EXPECT_TRUE(parsed(busy)["error"]["retryable"].get<bool>());
    EXPECT_EQ(busy->get_header_value("Retry-After"), "1");
    EXPECT_EQ(first_status, 201);
    EXPECT_EQ(push("/wishes", "slow", wish_request("AA-23456"))->get_header_value("Idempotent-Replayed"), "true");
}

TEST_F(PushTest, NewWishIsPublishedPendingReviewWithTheMaskedNameOnly) {
    auto res = push("/wishes", "key-1", wish_request("AA-23456"));
    ASSERT_EQ(res->status, 201);
    const json wish = parsed(res)["wish"];
    EXPECT_EQ(wish["status"], "pending_review");
    EXPECT_EQ(wish["display_name_masked"], "王**");
    EXPECT_EQ(wish["version"], 1);

    const auto changes = new_changes();
    ASSERT_EQ(changes.size(), 1u);
    const auto& published = std::get<Wish>(*changes[0].entity);
    EXPECT_EQ(published.tracking_code, "AA-23456");
    EXPECT_EQ(published.status, WishStatus::pending_review);
    EXPECT_EQ(published.display_name_masked, "王**");
    auto body = cli.Get(community_path("/changes?since=" + head), kiosk)->body;
    EXPECT_EQ(body.find("13812341234"), std::string::npos) << "the phone is never published";
    EXPECT_EQ(body.find("王小明"), std::string::npos) << "nor the full name";

    auto contact = cli.Get("/admin/communities/" + kCommunity + "/wishes/" + published.id + "/contact",
                           server.admin_headers());
    EXPECT_EQ(parsed(contact), json({{"display_name", "王小明"}, {"phone", "13812341234"}}));
}

TEST_F(PushTest, DuplicateTrackingCodeUnderAnotherKeyIs409Taken) {
    ASSERT_EQ(push("/wishes", "key-1", wish_request("AA-23456"))->status, 201);
    auto res = push("/wishes", "key-2", wish_request("AA-23456"));
    EXPECT_EQ(res->status, 409);
    EXPECT_EQ(error_code(res), "tracking_code_taken");
    EXPECT_FALSE(parsed(res)["error"]["retryable"].get<bool>()) << "unlike request_in_flight";
}

TEST_F(PushTest, WishFieldsAreValidated) {
    auto refused = [&](const std::string& key, json body) {
        auto res = push("/wishes", key, body);
        EXPECT_EQ(res->status, 400) << body.dump();
        return error_code(res);
    };
    EXPECT_EQ(refused("1", wish_request("ZZ-23456")), "invalid_field") << "another kiosk's code";
    EXPECT_EQ(refused("2", wish_request("AA-2345O")), "invalid_field") << "O is not in the alphabet";
    EXPECT_EQ(refused("3", wish_request("AA-2345")), "invalid_field") << "too short";
    EXPECT_EQ(refused("4", patched(wish_request("AA-23456"), {{"category", "不存在"}})), "invalid_field");
    EXPECT_EQ(refused("5", patched(wish_request("AA-23456"), {{"grid_id", "g-none"}})), "invalid_field");
    EXPECT_EQ(refused("6", patched(wish_request("AA-23456"), {{"phone", "138-1234"}})), "invalid_field");
    EXPECT_EQ(refused("7", patched(wish_request("AA-23456"), {{"text", ""}})), "invalid_field");
    EXPECT_EQ(refused("8", patched(wish_request("AA-23456"), {{"text", std::string(501, 'x')}})), "invalid_field");
    EXPECT_EQ(error_code(push_raw("/wishes", "9", "{not json")), "invalid_json");
    EXPECT_TRUE(new_changes().empty());
    // Name and phone are optional.
    json anonymous = wish_request("AA-23456");
    anonymous.erase("display_name");
    anonymous.erase("phone");
    auto res = push("/wishes", "10", anonymous);
    ASSERT_EQ(res->status, 201) << res->body;
    EXPECT_FALSE(parsed(res)["wish"].contains("display_name_masked"));
}

TEST_F(PushTest, StaleNoticeEditIs412) {
    auto created = push("/notices", "n1", {{"staff_id", "1001"}, {"title", "停水通知"}, {"body", "周六上午停水。"}});
    ASSERT_EQ(created->status, 201) << created->body;
    const json notice = parsed(created)["notice"];
    EXPECT_EQ(notice["version"], 1);
    const std::string path = community_path("/notices/" + notice["id"].get<std::string>());

    auto edit = [&](const std::string& key, int base, const std::string& title) {
        return put_json(cli, path, with(kiosk, "Idempotency-Key", key),
                        {{"staff_id", "1002"}, {"base_version", base}, {"title", title}});
    };
    auto first = edit("e1", 1, "停水通知（更新）");
    ASSERT_EQ(first->status, 200) << first->body;
    EXPECT_EQ(parsed(first)["notice"]["version"], 2);
    EXPECT_EQ(parsed(first)["notice"]["body"], "周六上午停水。") << "fields not sent are kept";

    auto stale = edit("e2", 1, "我的修改");
    EXPECT_EQ(stale->status, 412);
    EXPECT_EQ(error_code(stale), "version_conflict");
    EXPECT_EQ(parsed(stale)["error"]["current_version"], 2);

    const auto changes = new_changes();
    ASSERT_EQ(changes.size(), 1u) << "the notice once, in its latest version";
    EXPECT_EQ(std::get<Notice>(*changes[0].entity).title, "停水通知（更新）");
    EXPECT_EQ(std::get<Notice>(*changes[0].entity).version, 2);

    auto stranger = push("/notices", "n2", {{"staff_id", "9999"}, {"title", "x"}, {"body", "y"}});
    EXPECT_EQ(stranger->status, 403);
    EXPECT_EQ(error_code(stranger), "unknown_staff");
    EXPECT_EQ(put_json(cli, community_path("/notices/n-none"), with(kiosk, "Idempotency-Key", "e3"),
                       {{"staff_id", "1001"}, {"base_version", 1}})
                  ->status,
              404);
}

TEST_F(PushTest, ReviewApprovesOrRejectsAPendingWish) {
    ASSERT_EQ(push("/wishes", "w1", wish_request("AA-23456"))->status, 201);
    ASSERT_EQ(push("/wishes", "w2", wish_request("AA-23457"))->status, 201);
    auto review = [&](const std::string& key, const std::string& id, json body) {
        body["staff_id"] = "1001";
        return push("/wishes/" + id + "/review", key, body);
    };
    auto approved = review("r1", "w-AA-23456", {{"base_version", 1}, {"decision", "approve"}});
    ASSERT_EQ(approved->status, 200) << approved->body;
    EXPECT_EQ(parsed(approved)["wish"]["status"], "open");
    EXPECT_EQ(parsed(approved)["wish"]["version"], 2);

    EXPECT_EQ(review("r2", "w-AA-23456", {{"base_version", 1}, {"decision", "reject"}, {"reason", "x"}})->status, 412);
    auto again = review("r3", "w-AA-23456", {{"base_version", 2}, {"decision", "reject"}, {"reason", "x"}});
    EXPECT_EQ(again->status, 422);
    EXPECT_EQ(error_code(again), "invalid_transition");

    EXPECT_EQ(error_code(review("r4", "w-AA-23457", {{"base_version", 1}, {"decision", "reject"}})), "invalid_field")
        << "a rejection needs a reason";
    auto rejected = review("r5", "w-AA-23457", {{"base_version", 1}, {"decision", "reject"}, {"reason", "重复提交"}});
    ASSERT_EQ(rejected->status, 200);
    EXPECT_EQ(parsed(rejected)["wish"]["status"], "rejected");
    EXPECT_EQ(parsed(rejected)["wish"]["reject_reason"], "重复提交");
    EXPECT_EQ(review("r6", "w-none", {{"base_version", 1}, {"decision", "approve"}})->status, 404);
}

TEST_F(PushTest, StaffActionsAreRecorded) {
    auto res = push("/staff-actions", "a1",
                    {{"staff_id", "1001"}, {"action", "login"}, {"detail", "staff mode"}, {"at", "2025-03-01T09:00:00+08:00"}});
    ASSERT_EQ(res->status, 201) << res->body;
    EXPECT_TRUE(parsed(res)["staff_action"]["id"].is_number_integer());
    EXPECT_EQ(push("/staff-actions", "a2", {{"staff_id", "1001"}})->status, 400) << "an action is required";
    EXPECT_TRUE(new_changes().empty()) << "the audit log is not published";
}

}  // namespace
}  // namespace gongshi::test
