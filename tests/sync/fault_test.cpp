// Every fault the reference server can inject, on the change feed and on the push route: the
// cache stays consistent and keeps serving its old data, the failure is reported, nothing in
// the outbox is lost or duplicated, and the next cycle after the fault is cleared recovers.
#include <thread>

#include "sync_test_util.hpp"

namespace gongshi::test {
namespace {

using namespace std::chrono_literals;
using sync::FailureKind;

struct FaultCase {
    std::string kind;
    json params;
    FailureKind feed_failure;  // what a pull through this fault reports
};

void PrintTo(const FaultCase& c, std::ostream* os) { *os << c.kind; }

const std::vector<FaultCase> kFaultCases = {
    {"delay", {{"ms", 4000}}, FailureKind::network},  // beyond the total timeout below
    {"status_5xx", {{"status", 503}, {"retry_after", 1}}, FailureKind::server},
    {"drop_connection", json::object(), FailureKind::network},
    {"truncate", json::object(), FailureKind::protocol},
    {"corrupt_json", json::object(), FailureKind::protocol},
    {"wrong_field_types", json::object(), FailureKind::protocol},
    {"endless", json::object(), FailureKind::network},
    {"oversized", json::object(), FailureKind::network},
    {"trickle", {{"interval_ms", 500}, {"bytes", 1}}, FailureKind::network},
    {"gone_410", json::object(), FailureKind::server},  // 410 again for since=0: reported, not looped on
    {"drop_after_commit", json::object(), FailureKind::network},
    {"redirect_loop", json::object(), FailureKind::network},
};

class FaultTest : public ServerSuite, public ::testing::WithParamInterface<FaultCase> {
protected:
    // Tight bounds, so the faults that stall are cut off quickly.
    sync::SyncSettings tight_settings() const {
        auto s = settings();
        s.http.total_timeout = 2s;
        s.http.low_speed_bytes_per_s = 1024;
        s.http.low_speed_time = 1s;
        s.http.max_body_bytes = 4u << 20;
        return s;
    }

    void add_param_fault(const std::string& route) {
        add_fault(server(), {{"route", route}, {"kind", GetParam().kind}, {"params", GetParam().params}});
    }

    static void edit_a_notice(int n) {
        auto notice = std::get<Notice>(entities_of(server_state(server()), EntityKind::notice).at(0));
        notice.title = "故障测试 " + std::to_string(n);
        ++notice.version;
        put_entity(server(), notice);
    }
};

TEST_P(FaultTest, FeedFaultKeepsTheOldDataAndRecovers) {
    auto session = open_session(tight_settings());
    ASSERT_FALSE(session->run_cycle().failure());
    const State synced = cache_state(session->cache());
    edit_a_notice(1);
    add_param_fault("changes");

    const auto started = std::chrono::steady_clock::now();
    const auto report = session->run_cycle();
    const auto took = std::chrono::steady_clock::now() - started;
    ASSERT_TRUE(report.pull.failure) << "the fault went unnoticed";
    EXPECT_EQ(report.pull.failure->kind, GetParam().feed_failure) << report.pull.failure->message;
    EXPECT_FALSE(report.pull.committed);
    EXPECT_LT(took, 10s) << "a faulty response must be cut off within the configured bounds";
    EXPECT_EQ(integrity(settings().cache_path), "ok");
    EXPECT_EQ(state_diff(synced, cache_state(session->cache())), "") << "readers must keep the old data";

    clear_faults(server());
    const auto recovered = session->run_cycle();
    ASSERT_FALSE(recovered.failure()) << recovered.failure()->message;
    EXPECT_EQ(state_diff(server_state(server()), cache_state(session->cache())), "");
}

TEST_P(FaultTest, PushFaultNeitherLosesNorDuplicatesAWish) {
    auto settings = tight_settings();
    settings.media.dir.clear();
    auto session = open_session(settings);
    ASSERT_FALSE(session->run_cycle().failure());
    auto outbox = take(Outbox::open(settings.outbox_path));
    const std::string code = fresh_tracking_code();
    ASSERT_TRUE(outbox.enqueue(wish_outbox_request(code), clock_.unix_now()));
    add_param_fault("wishes");

    const auto report = session->run_cycle();
    ASSERT_TRUE(report.push);
    if (GetParam().kind == "gone_410") {
        // A 4xx the contract calls permanent: kept as a dead letter for staff, who retry it.
        EXPECT_EQ(report.push->dead_lettered, 1);
        const auto dead = outbox.list(OutboxState::dead);
        ASSERT_EQ(dead.size(), 1u);
        EXPECT_NE(dead[0].last_error.find("410"), std::string::npos);
        ASSERT_TRUE(outbox.retry_dead(dead[0].id, clock_.unix_now()));
    }

    clear_faults(server());
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (outbox.counts().pending > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(20ms);  // the backoff of the failed attempt
        session->run_cycle();
    }
    EXPECT_EQ(outbox.counts().pending, 0);
    EXPECT_EQ(outbox.counts().dead, 0);
    ASSERT_TRUE(get_entity(server(), EntityKind::wish, "w-" + code)) << "the wish never reached the server";
    int copies = 0;
    for (const auto& [key, value] : server_state(server()))
        copies += key.starts_with("wish/") && json::parse(value)["tracking_code"] == code;
    EXPECT_EQ(copies, 1);
}

INSTANTIATE_TEST_SUITE_P(EveryKind, FaultTest, ::testing::ValuesIn(kFaultCases),
                         [](const auto& param_info) { return param_info.param.kind; });

}  // namespace
}  // namespace gongshi::test
