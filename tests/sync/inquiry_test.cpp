// The kiosk learns its code from the server; one-off inquiries (tracking lookups, staff logins)
// go out at once on their own thread, bounded in time and in number, against the real server.
#include <future>

#include "gongshi/sync/engine.hpp"
#include "gongshi/sync/identity.hpp"
#include "sync_test_util.hpp"

namespace gongshi::test {
namespace {

using namespace std::chrono_literals;

class InquiryTest : public ServerSuite {
protected:
    sync::SyncSettings quiet_settings() const {
        auto s = settings();
        s.poll_interval = 60s;
        return s;
    }
    // A wish of the demo data, as the feed publishes it.
    static Wish demo_wish() {
        const auto wishes = entities_of(server_state(server()), EntityKind::wish);
        EXPECT_FALSE(wishes.empty());
        return std::get<Wish>(wishes.front());
    }
};

// Collects one answer; the future is ready when the callback ran.
struct Answer {
    std::promise<InquiryAnswer> promise;
    std::future<InquiryAnswer> future = promise.get_future();
    sync::InquiryCallback callback() {
        return [this](InquiryAnswer a) { promise.set_value(std::move(a)); };
    }
    InquiryAnswer get(std::chrono::seconds bound = 20s) {
        EXPECT_EQ(future.wait_for(bound), std::future_status::ready);
        return future.get();
    }
};

TEST_F(InquiryTest, TheFirstCycleStoresTheKioskCode) {
    auto session = open_session(settings());
    const auto report = session->run_cycle();
    EXPECT_FALSE(report.identity_failure) << report.identity_failure->message;
    auto outbox = take(Outbox::open(settings().outbox_path));
    EXPECT_EQ(outbox.kiosk_code(), std::optional<std::string>(kKioskCode));
}

TEST_F(InquiryTest, AMissingCodeIsAskedForAgain) {
    auto session = open_session(settings());
    (void)session->run_cycle();
    auto outbox = take(Outbox::open(settings().outbox_path));
    ASSERT_TRUE(outbox.db().exec("DELETE FROM identity"));  // e.g. an operator reset it
    ASSERT_FALSE(outbox.kiosk_code());
    (void)session->run_cycle();
    EXPECT_EQ(outbox.kiosk_code(), std::optional<std::string>(kKioskCode));
}

TEST_F(InquiryTest, NoServerLeavesTheCodeEmptyAndSaysWhy) {
    auto s = settings();
    s.server_url = "http://127.0.0.1:1";  // nobody listens on port 1
    auto session = open_session(s);
    const auto report = session->run_cycle();
    ASSERT_TRUE(report.identity_failure);
    EXPECT_EQ(report.identity_failure->kind, sync::FailureKind::network);
    EXPECT_FALSE(take(Outbox::open(s.outbox_path)).kiosk_code());
}

TEST(KioskIdentity, ParsesTheDocumentedShapeOnly) {
    const auto ok = sync::parse_kiosk_identity(R"({"kiosk_id":"kiosk-AA","kiosk_code":"AA","community_id":"c-demo"})");
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->kiosk_code, "AA");
    EXPECT_FALSE(sync::parse_kiosk_identity(R"({"kiosk_id":"kiosk-AA","kiosk_code":7,"community_id":"c"})"));
    EXPECT_FALSE(sync::parse_kiosk_identity("not json"));
}

TEST_F(InquiryTest, ATrackingLookupGetsThePublicStatus) {
    const Wish wish = demo_wish();
    sync::SyncEngine engine(quiet_settings());
    engine.start();
    Answer found, unknown;
    engine.inquire({"GET", "/api/v1/track/" + wish.tracking_code, ""}, found.callback());
    engine.inquire({"GET", "/api/v1/track/AA-22222", ""}, unknown.callback());
    const auto a = found.get();
    ASSERT_EQ(a.status, std::optional<int>(200)) << a.error;
    const auto body = json::parse(a.body);
    EXPECT_EQ(body["tracking_code"], wish.tracking_code);
    EXPECT_EQ(body["status"], to_string(wish.status));
    EXPECT_EQ(unknown.get().status, std::optional<int>(404));
}

TEST_F(InquiryTest, AnInquiryDoesNotWaitBehindASlowSync) {
    // The first cycle's pull hangs for 5 s; the lookup must be answered while it still hangs.
    add_fault(server(), {{"route", "changes"}, {"kind", "delay"}, {"params", {{"ms", 5000}}}, {"count", 1}});
    sync::SyncEngine engine(quiet_settings());
    engine.start();
    Answer answer;
    engine.inquire({"GET", "/api/v1/track/AA-22222", ""}, answer.callback());
    EXPECT_EQ(answer.get().status, std::optional<int>(404));
    EXPECT_EQ(engine.status().cycles, 0) << "the answer waited for the cycle";
}

TEST_F(InquiryTest, OfflineAnswersWithoutAStatusWithinTheTimeout) {
    auto s = quiet_settings();
    s.server_url = "http://127.0.0.1:1";
    sync::SyncEngine engine(s);
    engine.start();
    Answer answer;
    engine.inquire({"GET", "/api/v1/track/AA-22222", ""}, answer.callback());
    const auto a = answer.get(10s);
    EXPECT_FALSE(a.status);
    EXPECT_NE(a.error.find("network"), std::string::npos) << a.error;
}

TEST_F(InquiryTest, TheQueueIsBoundedDroppingTheOldestWithAnError) {
    auto s = quiet_settings();
    s.inquiry.max_queued = 1;
    sync::SyncEngine engine(s);  // not started yet: inquiries wait
    Answer first, second, third;
    engine.inquire({"GET", "/api/v1/track/AA-22222", ""}, first.callback());
    engine.inquire({"GET", "/api/v1/track/AA-22223", ""}, second.callback());
    engine.inquire({"GET", "/api/v1/track/AA-22224", ""}, third.callback());
    ASSERT_EQ(first.future.wait_for(0s), std::future_status::ready);
    ASSERT_EQ(second.future.wait_for(0s), std::future_status::ready);
    EXPECT_FALSE(first.get().status);
    EXPECT_NE(second.get().error.find("too many"), std::string::npos);
    engine.start();
    EXPECT_EQ(third.get().status, std::optional<int>(404));
    engine.stop();
    Answer late;
    engine.inquire({"GET", "/api/v1/track/AA-22222", ""}, late.callback());
    EXPECT_FALSE(late.get(1s).status) << "refused at once after stop";
}

}  // namespace
}  // namespace gongshi::test
