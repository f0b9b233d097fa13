// Staff login against the real reference server: the kiosk's own wiring (start_background_sync,
// inquire_through) over loopback HTTP, the server's answer first, its success clearing a lock
// this kiosk holds, and the offline check once the server is gone.
#include <fstream>

#include "background_sync.hpp"
#include "staff_fixture.hpp"
#include "support/server_process.hpp"

namespace gongshi::kiosk::test {
namespace {

class StaffOnlineLoginTest : public StaffModeTest {
protected:
    void start_online() {
        const std::string token = dir.file("token");
        std::ofstream(token) << server.kiosk_token() << "\n";
        KioskConfig config;
        config.server_url = server.base_url();
        config.community_id = "c-demo";
        config.token_file = token;
        config.cache_path = dir.file("cache.db");
        start(config);
        engine = start_background_sync(app->config, app->queue, {});
        ASSERT_NE(engine, nullptr);
        app->inquire = inquire_through(*engine, app->queue);
        // The first cycle brings the staff accounts (and their hashes) into the cache.
        ASSERT_TRUE(engine->wait_for_cycles(1, std::chrono::seconds(120)));
        ui->frame(std::nullopt);
        ASSERT_FALSE(app->data.cache()->staff_accounts().empty());
    }
    void TearDown() override {
        engine.reset();  // before the app whose queue it pushes into
    }

    gongshi::test::ServerProcess server;
    std::unique_ptr<sync::SyncEngine> engine;
};

TEST_F(StaffOnlineLoginTest, TheServerDecidesWhenItAnswers) {
    start_online();
    open_login();
    try_login(kAdminId, "000000");
    EXPECT_FALSE(app->staff.has_value());
    EXPECT_EQ(login_message(), Str::staff_login_invalid);
    EXPECT_EQ(app->staff_mode.throttle->failures(kAdminId), 1);  // counted here too
    app->clock.advance(2);
    try_login(kAdminId, kAdminPin);
    ASSERT_TRUE(app->staff.has_value());
    EXPECT_EQ(app->staff->name, "刘晓红");
    EXPECT_EQ(staff_actions(), std::vector<std::string>{"login:online"});
    EXPECT_EQ(app->staff_mode.throttle->failures(kAdminId), 0);
}

TEST_F(StaffOnlineLoginTest, AnOnlineSuccessClearsThisKiosksLock) {
    start_online();
    for (int i = 0; i < 10; ++i)
        ASSERT_TRUE(app->staff_mode.throttle->record_failure(kAdminId, static_cast<double>(app->clock.unix_seconds())).ok());
    ASSERT_TRUE(app->staff_mode.throttle->blocked(kAdminId, static_cast<double>(app->clock.unix_seconds()))->locked);
    open_login();
    try_login(kAdminId, kAdminPin);
    ASSERT_TRUE(app->staff.has_value());
    EXPECT_EQ(app->staff_mode.throttle->blocked(kAdminId, static_cast<double>(app->clock.unix_seconds())), std::nullopt);
}

TEST_F(StaffOnlineLoginTest, WithoutTheServerTheSyncedHashDecides) {
    start_online();
    server.stop();
    open_login();
    try_login(kAdminId, kAdminPin);
    ASSERT_TRUE(app->staff.has_value());
    EXPECT_EQ(staff_actions(), std::vector<std::string>{"login:offline"});
    // And a lock holds while nobody can clear it.
    end_staff_session(*app, "test");
    reset_to_home(*app);
    for (int i = 0; i < 10; ++i)
        ASSERT_TRUE(app->staff_mode.throttle->record_failure(kAdminId, static_cast<double>(app->clock.unix_seconds())).ok());
    open_login();
    try_login(kAdminId, kAdminPin);
    EXPECT_FALSE(app->staff.has_value());
    EXPECT_TRUE(app->staff_mode.ui.login.block && app->staff_mode.ui.login.block->locked);
}

}  // namespace
}  // namespace gongshi::kiosk::test
