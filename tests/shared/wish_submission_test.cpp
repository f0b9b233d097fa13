// submit_wish: the exact POST body of docs/API.md "Wishes", cleaning and masking of what was
// typed, tracking-code draws, and refusals that leave the outbox untouched.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <set>

#include "fixtures.hpp"
#include "gongshi/tracking_code.hpp"
#include "gongshi/wish_submission.hpp"

namespace gongshi::test {
namespace {

const Timestamp kNow = at("2026-03-01T10:00:00+08:00");

WishDraft draft() { return {"生活帮扶", "楼道灯坏了，请帮忙修一下", "g-0001", "王小明", "13812341234"}; }

bool never_taken(std::string_view) { return false; }

std::string repeated(std::string_view s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

struct WishSubmission : ::testing::Test {
    TempDir dir;
    Outbox outbox = std::move(Outbox::open(dir.file("outbox.db")).value());

    WishOutcome submit(const WishDraft& d,
                                 const std::function<bool(std::string_view)>& taken = never_taken,
                                 std::string_view kiosk_code = "AB") {
        return submit_wish(outbox, d, "c-demo", kiosk_code, kNow, taken);
    }
    nlohmann::json body_of(std::int64_t id) const { return nlohmann::json::parse(outbox.find(id)->request.body); }
    void expect_refused(const WishDraft& d, std::string_view kiosk_code = "AB") {
        const auto r = submit(d, never_taken, kiosk_code);
        EXPECT_FALSE(r);
        EXPECT_NE(r.problem, WishProblem::none);
        EXPECT_EQ(outbox.counts().pending, 0);
    }
};

TEST_F(WishSubmission, QueuesTheExactBodyOfTheApi) {
    const auto r = submit(draft());
    ASSERT_TRUE(r) << r.error();
    EXPECT_TRUE(valid_tracking_code(r->tracking_code, "AB")) << r->tracking_code;
    const auto item = outbox.find(r->outbox_id).value();
    EXPECT_EQ(item.request.kind, "wish");
    EXPECT_EQ(item.request.method, "POST");
    EXPECT_EQ(item.request.path, "/api/v1/communities/c-demo/wishes");
    EXPECT_EQ(item.created_at, kNow.unix_seconds);
    EXPECT_EQ(item.request.body, "{\"tracking_code\":\"" + r->tracking_code +
                                     "\",\"category\":\"生活帮扶\",\"text\":\"楼道灯坏了，请帮忙修一下\","
                                     "\"grid_id\":\"g-0001\",\"display_name\":\"王小明\",\"phone\":\"13812341234\","
                                     "\"submitted_at\":\"2026-03-01T10:00:00+08:00\"}");
}

TEST_F(WishSubmission, LeavesOutOptionalFieldsNotGiven) {
    auto d = draft();
    d.display_name.clear();
    d.phone.clear();
    const auto body = body_of(submit(d).submitted.value().outbox_id);
    EXPECT_FALSE(body.contains("display_name"));
    EXPECT_FALSE(body.contains("phone"));
    EXPECT_EQ(body.at("grid_id"), "g-0001");
}

TEST_F(WishSubmission, MasksPhoneAndIdLookingRunsInTheText) {
    auto d = draft();
    d.text = "请打13912345678或看身份证11010519491231002X";
    const auto body = body_of(submit(d).submitted.value().outbox_id);
    EXPECT_EQ(body.at("text"), "请打139****5678或看身份证110105********002X");
    EXPECT_EQ(body.at("phone"), "13812341234");  // the private field is not masked: staff call it
}

TEST_F(WishSubmission, StripsControlAndBidiCharactersAndNormalises) {
    auto d = draft();
    d.text = "楼道\u202e灯\x07坏了\u2066，请修";
    d.display_name = "王\u200f小明";
    const auto body = body_of(submit(d).submitted.value().outbox_id);
    EXPECT_EQ(body.at("text"), "楼道灯坏了，请修");
    EXPECT_EQ(body.at("display_name"), "王小明");
    d.text = "Cafe\u0301 修理一下";  // decomposed é becomes the single NFC code point
    EXPECT_EQ(body_of(submit(d).submitted.value().outbox_id).at("text"), "Caf\u00e9 修理一下");
}

TEST_F(WishSubmission, RedrawsWhileTheCodeIsTaken) {
    std::vector<std::string> offered;
    const auto r = submit(draft(), [&](std::string_view code) {
        offered.emplace_back(code);
        return offered.size() < 4;  // the first three draws collide
    });
    ASSERT_TRUE(r) << r.error();
    ASSERT_EQ(offered.size(), 4u);
    EXPECT_EQ(r->tracking_code, offered.back());
    EXPECT_EQ(body_of(r->outbox_id).at("tracking_code"), offered.back());
    EXPECT_EQ(outbox.counts().pending, 1);
}

TEST_F(WishSubmission, GivesUpWhenEveryCodeIsTaken) {
    const auto r = submit(draft(), [](std::string_view) { return true; });
    EXPECT_FALSE(r);
    EXPECT_EQ(outbox.counts().pending, 0);
}

TEST_F(WishSubmission, CodesAreRandomAndFromTheAlphabet) {
    std::set<std::string> codes;
    for (int i = 0; i < 50; ++i) {
        const auto r = submit(draft(), never_taken, "XYZ");
        ASSERT_TRUE(r) << r.error();
        EXPECT_TRUE(valid_tracking_code(r->tracking_code, "XYZ")) << r->tracking_code;
        codes.insert(r->tracking_code);
    }
    EXPECT_EQ(codes.size(), 50u);  // 31^5 codes: a repeat in 50 draws is a broken generator
}

TEST_F(WishSubmission, RefusesInvalidInputAndQueuesNothing) {
    auto d = draft();
    d.category.clear();
    expect_refused(d);
    d = draft();
    d.grid_id.clear();
    expect_refused(d);
    d = draft();
    d.text = "修灯";  // 2 characters
    expect_refused(d);
    d.text = "修\u202e\u202e\u202e灯";  // 5 code points, 2 once cleaned
    expect_refused(d);
    d.text = "\xff\xfe楼道灯坏了";  // invalid UTF-8
    expect_refused(d);
    d = draft();
    d.phone = "1381234123";  // 10 digits
    expect_refused(d);
    d.phone = "12812341234";  // not a mainland mobile prefix
    expect_refused(d);
    d = draft();
    d.display_name = repeated("王", 21);
    expect_refused(d);
    expect_refused(draft(), "");    // the kiosk has not learnt its code yet
    expect_refused(draft(), "A0");  // not a kiosk code
}

TEST_F(WishSubmission, CountsCharactersNotBytes) {
    auto d = draft();
    d.text = "修理水龙头";  // 5 characters, 15 bytes
    EXPECT_TRUE(submit(d));
    d.text = repeated("修", 200);  // 200 characters, 600 bytes
    EXPECT_TRUE(submit(d));
    EXPECT_EQ(outbox.counts().pending, 2);
}

// The UI caps typing and pasting at 200; anything longer reaching here is refused rather than
// cut, so nothing the resident sees on the confirmation screen differs from what is sent.
TEST_F(WishSubmission, RefusesAFiveThousandCharacterText) {
    auto d = draft();
    d.text = repeated("修", 5000);
    expect_refused(d);
}

TEST_F(WishSubmission, ASaveFailureIsAClearMessageAndNothingIsQueued) {
    ASSERT_TRUE(outbox.db().exec("PRAGMA query_only = ON;"));  // every write now fails, like a full disk
    const auto r = submit(draft());
    EXPECT_FALSE(r);
    EXPECT_EQ(r.problem, WishProblem::not_saved) << r.error();
    ASSERT_TRUE(outbox.db().exec("PRAGMA query_only = OFF;"));
    EXPECT_EQ(outbox.counts().pending, 0);
}

}  // namespace
}  // namespace gongshi::test
