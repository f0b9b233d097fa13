// Delivering the outbox: exactly once through a lossy server, each idempotency case of the
// contract, dead letters, and a refused token pausing everything.
#include <thread>

#include "gongshi/sync/pusher.hpp"
#include "sync_test_util.hpp"

namespace gongshi::test {
namespace {

using namespace std::chrono_literals;

class PushTest : public ServerSuite {
protected:
    sync::ServerApi api(const std::string& token) const { return {server().base_url(), kCommunity, token}; }
    sync::ServerApi api() const { return api(server().kiosk_token()); }

    // A pusher over its own client and outbox connection, with test-sized backoff.
    struct Rig {
        Rig(const sync::ServerApi& api_, const sync::Clock& clock, const std::string& outbox_path,
            const sync::BackoffConfig& backoff = {.base = 1ms, .cap = 20ms, .seed = 9})
            : api(api_), http(test_http()), outbox(take(Outbox::open(outbox_path))),
              pusher(http, outbox, api, clock, backoff) {}
        sync::ServerApi api;
        sync::HttpClient http;
        Outbox outbox;
        sync::Pusher pusher;
    };

    // Runs passes until the outbox holds nothing pending (or the deadline passes).
    static sync::PushReport drain(Rig& rig, std::chrono::seconds bound) {
        sync::PushReport total;
        const auto deadline = std::chrono::steady_clock::now() + bound;
        while (rig.outbox.counts().pending > 0 && std::chrono::steady_clock::now() < deadline) {
            const auto pass = rig.pusher.deliver_due();
            total.delivered += pass.delivered;
            total.replayed += pass.replayed;
            total.dead_lettered += pass.dead_lettered;
            total.retries_scheduled += pass.retries_scheduled;
            if (const auto until = rig.pusher.retry_at()) std::this_thread::sleep_until(*until);
        }
        return total;
    }

    sync::HttpResponse send(const std::string& key, const std::string& body) {
        sync::HttpClient http(test_http());
        auto request = api().request("POST", community_path("/wishes"), body);
        if (!key.empty()) request.headers.emplace_back("Idempotency-Key", key);
        auto response = http.perform(request);
        if (!response) throw std::runtime_error(response.error());
        return response.value();
    }

    static std::string code_of(const sync::HttpResponse& r) {
        const auto error = sync::parse_error_body(r.body);
        return error ? error->code : "";
    }
};

TEST_F(PushTest, EveryWishArrivesExactlyOnceThroughALossyServer) {
    constexpr int kWishes = 200;
    Rig rig(api(), clock_, dir_ / "outbox.db");
    std::set<std::string> codes;
    for (int i = 0; i < kWishes; ++i) {
        const std::string code = fresh_tracking_code();
        codes.insert(code);
        ASSERT_TRUE(rig.outbox.enqueue(wish_outbox_request(code), clock_.unix_now()));
    }
    // Rules are tried in order: 30 % of requests lose their response after the commit, and
    // 2/7 of the rest (20 % of all) fail with 5xx before any processing.
    add_fault(server(), {{"route", "wishes"}, {"kind", "drop_after_commit"}, {"probability", 0.3}});
    add_fault(server(), {{"route", "wishes"}, {"kind", "status_5xx"}, {"probability", 2.0 / 7.0}});

    const auto report = drain(rig, 120s);
    EXPECT_EQ(rig.outbox.counts().pending, 0);
    EXPECT_EQ(rig.outbox.counts().dead, 0);
    EXPECT_EQ(report.delivered, kWishes);
    EXPECT_GT(report.replayed, 0) << "lost responses must have been answered from the idempotency record";
    EXPECT_GT(report.retries_scheduled, 0);
    auto cli = server().client();
    const json board = parsed(cli.Get("/admin/faults", server().admin_headers()));
    for (const auto& rule : board["faults"])
        std::cout << "[ figures  ] fault " << rule["kind"].get<std::string>() << " fired " << rule["fired"] << " times\n";
    std::cout << "[ figures  ] " << kWishes << " wishes: " << report.retries_scheduled << " retries, "
              << report.replayed << " answered by replay\n";

    clear_faults(server());
    std::map<std::string, int> copies;
    for (const auto& [key, value] : server_state(server())) {
        if (!key.starts_with("wish/")) continue;
        const std::string code = json::parse(value)["tracking_code"];
        if (codes.contains(code)) ++copies[code];
    }
    EXPECT_EQ(copies.size(), codes.size()) << "some wishes never arrived";
    for (const auto& [code, n] : copies) EXPECT_EQ(n, 1) << code;
}

// Time that moves only when the test says so.
class FakeClock final : public sync::Clock {
public:
    sync::SteadyTime now() const override { return now_; }
    std::int64_t unix_now() const override { return 1'700'000'000 + (now_ - sync::SteadyTime{}) / 1s; }
    void advance(std::chrono::milliseconds by) { now_ += by; }

private:
    sync::SteadyTime now_{};
};

TEST_F(PushTest, ARowWaitsOutItsBackoffAndRetryAfterOnTheMonotonicClock) {
    FakeClock clock;
    Rig rig(api(), clock, dir_ / "outbox.db", {.base = 1s, .cap = 10min, .seed = 5});
    const std::string code = fresh_tracking_code();
    ASSERT_TRUE(rig.outbox.enqueue(wish_outbox_request(code), clock.unix_now()));
    add_fault(server(), {{"route", "wishes"}, {"kind", "status_5xx"}, {"count", 1}, {"params", {{"retry_after", 30}}}});

    EXPECT_EQ(rig.pusher.deliver_due().retries_scheduled, 1);
    const auto retry_at = rig.pusher.retry_at().value();
    EXPECT_GE(retry_at - clock.now(), 30s) << "Retry-After is a floor";
    EXPECT_LE(retry_at - clock.now(), 31s) << "the jittered delay of a first failure is at most the base";
    EXPECT_EQ(rig.outbox.oldest_pending()->next_attempt_at, clock.unix_now() + (retry_at - clock.now()) / 1s);

    clock.advance(29s);
    const auto early = rig.pusher.deliver_due();
    EXPECT_EQ(early.delivered + early.retries_scheduled, 0) << "nothing is sent before the row is due";
    clock.advance(2s);
    EXPECT_EQ(rig.pusher.deliver_due().delivered, 1);
    EXPECT_TRUE(get_entity(server(), EntityKind::wish, "w-" + code));
}

TEST_F(PushTest, MissingKeyIs400) {
    const auto r = send("", wish_request(fresh_tracking_code()).dump());
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(code_of(r), "missing_idempotency_key");
}

TEST_F(PushTest, SameKeyAndBodyReplaysTheStoredResponse) {
    const std::string key = make_idempotency_key(), body = wish_request(fresh_tracking_code()).dump();
    const auto first = send(key, body);
    ASSERT_EQ(first.status, 201) << first.body;
    const auto again = send(key, body);
    EXPECT_EQ(again.status, 201);
    EXPECT_EQ(again.body, first.body);
    EXPECT_EQ(again.header("idempotent-replayed"), "true");
}

TEST_F(PushTest, SameKeyWithAnotherBodyIs422) {
    const std::string key = make_idempotency_key();
    ASSERT_EQ(send(key, wish_request(fresh_tracking_code()).dump()).status, 201);
    const auto other = send(key, wish_request(fresh_tracking_code()).dump());
    EXPECT_EQ(other.status, 422);
    EXPECT_EQ(code_of(other), "idempotency_key_reused");
}

TEST_F(PushTest, ARetryWhileTheFirstIsInFlightIs409AndThePusherWaitsItOut) {
    // The first attempt is held by the server after it claimed the key, longer than the client
    // waits; the retry finds it in flight; a later one gets the stored result.
    add_fault(server(), {{"route", "wishes"}, {"kind", "delay"}, {"params", {{"ms", 1500}}}, {"count", 1}});
    Rig rig(api(), clock_, dir_ / "outbox.db", {.base = 1ms, .cap = 10s, .seed = 9});
    rig.http = sync::HttpClient([] {
        auto c = test_http();
        c.total_timeout = 300ms;
        return c;
    }());
    const std::string code = fresh_tracking_code();
    ASSERT_TRUE(rig.outbox.enqueue(wish_outbox_request(code), clock_.unix_now()));

    EXPECT_EQ(rig.pusher.deliver_due().retries_scheduled, 1);  // timed out
    std::this_thread::sleep_for(50ms);
    const auto in_flight = rig.pusher.deliver_due();
    ASSERT_EQ(in_flight.retries_scheduled, 1);
    const auto row = rig.outbox.oldest_pending().value();
    EXPECT_EQ(row.last_status, 409);
    const auto wait = rig.pusher.retry_at();
    ASSERT_TRUE(wait) << "Retry-After: 1 must hold the row back";
    EXPECT_GE(*wait - clock_.now(), 700ms);

    const auto rest = drain(rig, 10s);
    EXPECT_EQ(rest.delivered, 1);
    EXPECT_EQ(rest.replayed, 1);
    EXPECT_TRUE(get_entity(server(), EntityKind::wish, "w-" + code));
}

TEST_F(PushTest, PermanentRefusalsBecomeDeadLettersAndDoNotBlockTheQueue) {
    Rig rig(api(), clock_, dir_ / "outbox.db");
    json bad = wish_request(fresh_tracking_code());
    bad["category"] = "不存在的类别";
    ASSERT_TRUE(rig.outbox.enqueue({"wish", "POST", community_path("/wishes"), bad.dump()}, clock_.unix_now()));
    const std::string good = fresh_tracking_code();
    ASSERT_TRUE(rig.outbox.enqueue(wish_outbox_request(good), clock_.unix_now()));

    const auto report = rig.pusher.deliver_due();
    EXPECT_EQ(report.dead_lettered, 1);
    EXPECT_EQ(report.delivered, 1);
    EXPECT_TRUE(get_entity(server(), EntityKind::wish, "w-" + good));
    const auto dead = rig.outbox.list(OutboxState::dead);
    ASSERT_EQ(dead.size(), 1u);
    EXPECT_EQ(dead[0].last_status, 400);
    EXPECT_NE(dead[0].last_error.find("category"), std::string::npos) << dead[0].last_error;
    EXPECT_EQ(dead[0].request.body, bad.dump());  // kept byte for byte for staff

    // Staff retry it: a new key, refused again, still kept; then they discard it.
    ASSERT_TRUE(rig.outbox.retry_dead(dead[0].id, clock_.unix_now()));
    EXPECT_EQ(rig.pusher.deliver_due().dead_lettered, 1);
    ASSERT_TRUE(rig.outbox.discard_dead(dead[0].id));
    EXPECT_EQ(rig.outbox.counts().dead, 0);
}

TEST_F(PushTest, EveryPushRouteGoesThroughTheOutboxAndAStaleEditIsADeadLetter) {
    Rig rig(api(), clock_, dir_ / "outbox.db");
    const std::string code = fresh_tracking_code();
    const auto notice = std::get<Notice>(entities_of(server_state(server()), EntityKind::notice).at(0));
    const json edit{{"staff_id", "1001"}, {"base_version", notice.version}, {"title", "停水通知（已更新）"}};
    json late_edit = edit;
    late_edit["title"] = "晚了一步";
    const std::vector<OutboxRequest> requests{
        wish_outbox_request(code),
        {"wish_review", "POST", community_path("/wishes/w-" + code + "/review"),
         json{{"staff_id", "1001"}, {"base_version", 1}, {"decision", "approve"}}.dump()},
        {"notice", "POST", community_path("/notices"),
         json{{"staff_id", "1002"}, {"title", "新通知"}, {"body", "内容"}}.dump()},
        {"notice_edit", "PUT", community_path("/notices/" + notice.id), edit.dump()},
        {"staff_action", "POST", community_path("/staff-actions"), json{{"staff_id", "1001"}, {"action", "login"}}.dump()},
        // Another edit from the same base version: someone else's edit came first.
        {"notice_edit", "PUT", community_path("/notices/" + notice.id), late_edit.dump()},
    };
    for (const auto& r : requests) ASSERT_TRUE(rig.outbox.enqueue(r, clock_.unix_now()));

    const auto report = rig.pusher.deliver_due();
    EXPECT_EQ(report.delivered, 5);
    EXPECT_EQ(report.dead_lettered, 1);
    EXPECT_EQ(get_entity(server(), EntityKind::wish, "w-" + code).value()["status"], "open");
    EXPECT_EQ(get_entity(server(), EntityKind::notice, notice.id).value()["title"], "停水通知（已更新）");
    const auto dead = rig.outbox.list(OutboxState::dead);
    ASSERT_EQ(dead.size(), 1u);
    EXPECT_EQ(dead[0].last_status, 412);
    EXPECT_NE(dead[0].last_error.find("version_conflict"), std::string::npos) << dead[0].last_error;
}

TEST_F(PushTest, ARefusedTokenPausesTheWholeOutboxUntilItIsFixed) {
    auto settings = this->settings();
    settings.media.dir.clear();
    settings.token = "not-a-valid-token";
    auto outbox = take(Outbox::open(settings.outbox_path));
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(outbox.enqueue(wish_outbox_request(fresh_tracking_code()), clock_.unix_now()));
    {
        auto session = open_session(settings);
        const auto report = session->run_cycle();
        ASSERT_TRUE(report.pull.failure);
        EXPECT_EQ(report.pull.failure->kind, sync::FailureKind::unauthorized);
        EXPECT_TRUE(session->auth_alert());
        EXPECT_FALSE(report.push) << "the outbox must not be tried with a refused token";
        EXPECT_FALSE(report.heartbeat_sent);
    }
    for (const auto& row : outbox.list(OutboxState::pending)) EXPECT_EQ(row.attempts, 0);
    EXPECT_EQ(outbox.counts().dead, 0);

    settings.token = server().kiosk_token();  // staff install the right token
    auto session = open_session(settings);
    const auto report = session->run_cycle();
    ASSERT_FALSE(report.failure()) << report.failure()->message;
    EXPECT_FALSE(session->auth_alert());
    EXPECT_EQ(report.push->delivered, 3);
}

TEST_F(PushTest, APushRefusedWith401KeepsTheRowAndItsPlace) {
    Rig rig(api("revoked-token"), clock_, dir_ / "outbox.db");
    ASSERT_TRUE(rig.outbox.enqueue(wish_outbox_request(fresh_tracking_code()), clock_.unix_now()));
    const auto report = rig.pusher.deliver_due();
    ASSERT_TRUE(report.failure);
    EXPECT_EQ(report.failure->kind, sync::FailureKind::unauthorized);
    EXPECT_EQ(rig.outbox.counts().pending, 1);
    EXPECT_EQ(rig.outbox.counts().dead, 0);
}

}  // namespace
}  // namespace gongshi::test
