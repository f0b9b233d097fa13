// The sync thread: status snapshots, the commit callback, "sync now", backoff wake-ups, the auth
// alert, and a prompt stop.
#include <atomic>
#include <thread>

#include "gongshi/sync/engine.hpp"
#include "sync_test_util.hpp"

namespace gongshi::test {
namespace {

using namespace std::chrono_literals;
using State = sync::SyncStatus::State;

class EngineTest : public ServerSuite {
protected:
    sync::SyncSettings quiet_settings() const {
        auto s = settings();
        s.poll_interval = 60s;  // nothing happens unless the test asks for it (or a backoff ends)
        return s;
    }

    // Waits for the next completed cycle after a sync_now().
    static sync::SyncStatus cycle(sync::SyncEngine& engine) {
        const auto done = engine.status().cycles;
        engine.sync_now();
        EXPECT_TRUE(engine.wait_for_cycles(done + 1, 20s));
        return engine.status();
    }

    static bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds bound) {
        const auto deadline = std::chrono::steady_clock::now() + bound;
        while (!condition()) {
            if (std::chrono::steady_clock::now() > deadline) return false;
            std::this_thread::sleep_for(10ms);
        }
        return true;
    }
};

TEST_F(EngineTest, SyncsOnItsThreadAndReportsOnline) {
    std::atomic<int> commits = 0, snapshots = 0;
    sync::SyncEngine engine(quiet_settings(), {[&] { ++commits; }, [&](const sync::SyncStatus&) { ++snapshots; }});
    EXPECT_EQ(engine.status().state, State::starting);
    engine.start();
    ASSERT_TRUE(engine.wait_for_cycles(1, 30s));
    const auto status = engine.status();
    EXPECT_EQ(status.state, State::online);
    EXPECT_EQ(status.last_error, "");
    EXPECT_TRUE(status.last_success_unix);
    EXPECT_FALSE(status.auth_alert);
    EXPECT_GE(commits.load(), 1);
    EXPECT_GE(snapshots.load(), 2);  // syncing, then online
    EXPECT_EQ(state_diff(server_state(server()), cache_state(settings().cache_path)), "");
}

TEST_F(EngineTest, SyncNowDeliversWhatTheUiJustSaved) {
    sync::SyncEngine engine(quiet_settings());
    engine.start();
    ASSERT_TRUE(engine.wait_for_cycles(1, 30s));
    auto ui_outbox = take(Outbox::open(settings().outbox_path));  // the UI thread's own connection
    const std::string code = fresh_tracking_code();
    ASSERT_TRUE(ui_outbox.enqueue(wish_outbox_request(code), clock_.unix_now()));
    const auto status = cycle(engine);
    EXPECT_EQ(status.outbox_depth, 0);
    EXPECT_EQ(ui_outbox.counts().pending, 0);
    EXPECT_TRUE(get_entity(server(), EntityKind::wish, "w-" + code));
}

TEST_F(EngineTest, AFailedPushIsRetriedWhenItsBackoffEndsNotAtTheNextPoll) {
    sync::SyncEngine engine(quiet_settings());
    engine.start();
    ASSERT_TRUE(engine.wait_for_cycles(1, 30s));
    add_fault(server(), {{"route", "wishes"}, {"kind", "status_5xx"}, {"count", 1}});
    auto ui_outbox = take(Outbox::open(settings().outbox_path));
    ASSERT_TRUE(ui_outbox.enqueue(wish_outbox_request(fresh_tracking_code()), clock_.unix_now()));
    const auto before = engine.status().cycles;
    engine.sync_now();
    EXPECT_TRUE(eventually([&] { return ui_outbox.counts().pending == 0; }, 10s));
    // One cycle failed to push, the next (woken by the backoff, not the 60 s poll) delivered.
    EXPECT_TRUE(eventually([&] { return engine.status().outbox_depth == 0; }, 10s));
    EXPECT_GE(engine.status().cycles, before + 2);
}

TEST_F(EngineTest, ReportsOfflineWithTheReasonAndRecovers) {
    sync::SyncEngine engine(quiet_settings());
    engine.start();
    ASSERT_TRUE(engine.wait_for_cycles(1, 30s));
    const auto synced = engine.status().last_success_unix;

    add_fault(server(), {{"route", "changes"}, {"kind", "drop_connection"}});
    auto status = cycle(engine);
    EXPECT_EQ(status.state, State::offline);
    EXPECT_NE(status.last_error, "");
    EXPECT_EQ(status.last_success_unix, synced);

    clear_faults(server());
    add_fault(server(), {{"route", "changes"}, {"kind", "status_5xx"}});
    status = cycle(engine);
    EXPECT_EQ(status.state, State::online) << "the server answered: it is reachable, just failing";
    EXPECT_NE(status.last_error.find("503"), std::string::npos) << status.last_error;

    clear_faults(server());
    status = cycle(engine);
    EXPECT_EQ(status.state, State::online);
    EXPECT_EQ(status.last_error, "");
}

TEST_F(EngineTest, ARefusedTokenRaisesTheAuthAlert) {
    auto s = quiet_settings();
    s.token = "wrong";
    auto ui_outbox = take(Outbox::open(s.outbox_path));
    ASSERT_TRUE(ui_outbox.enqueue(wish_outbox_request(fresh_tracking_code()), clock_.unix_now()));
    sync::SyncEngine engine(s);
    engine.start();
    ASSERT_TRUE(engine.wait_for_cycles(1, 30s));
    const auto status = engine.status();
    EXPECT_TRUE(status.auth_alert);
    EXPECT_EQ(status.outbox_depth, 1);
    EXPECT_NE(status.last_error.find("401"), std::string::npos) << status.last_error;
}

TEST_F(EngineTest, ACallbackThatThrowsDoesNotStopTheEngine) {
    sync::SyncEngine engine(quiet_settings(), {[] { throw std::runtime_error("UI gone"); },
                                               [](const sync::SyncStatus&) { throw std::logic_error("bad"); }});
    engine.start();
    ASSERT_TRUE(engine.wait_for_cycles(1, 30s));
    EXPECT_EQ(cycle(engine).state, State::online);
}

TEST_F(EngineTest, StopsPromptlyBetweenPolls) {
    sync::SyncEngine engine(quiet_settings());
    engine.start();
    ASSERT_TRUE(engine.wait_for_cycles(1, 30s));
    const auto started = std::chrono::steady_clock::now();
    engine.stop();
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
}

TEST_F(EngineTest, ReportsAFileItCannotOpen) {
    auto s = quiet_settings();
    s.outbox_path = (dir_.path() / "missing-folder" / "outbox.db").string();
    sync::SyncEngine engine(s);
    engine.start();
    ASSERT_TRUE(engine.wait_for_cycles(1, 30s));
    EXPECT_EQ(engine.status().state, State::offline);
    EXPECT_NE(engine.status().last_error.find("outbox"), std::string::npos) << engine.status().last_error;
}

}  // namespace
}  // namespace gongshi::test
