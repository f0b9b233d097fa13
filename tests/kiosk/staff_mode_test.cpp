// Staff mode in headless frames: the long press, the offline login against the demo's argon2id
// hashes, the session's ends, sync health's dead-letter retry and discard, and the lock after ten
// wrong PINs (which a restart does not lift). No server: App::inquire is empty, so every login
// takes the offline path.
#include <map>

#include "screens/screens.hpp"
#include "staff_actions.hpp"
#include "staff_fixture.hpp"

namespace gongshi::kiosk::test {
namespace {

TEST_F(StaffModeTest, StaffActionsAreStampedInLocalTimeEvenWithoutZoneData) {
    start_with_demo();
    log_in();
    const std::string local = format_timestamp({app->clock.unix_seconds(), 8 * 60});
    EXPECT_EQ(now_rfc3339(*app), local);
    app->time_zone.reset();  // no tzdata on the machine: the kiosk's +08:00 fallback, not UTC
    EXPECT_EQ(now_rfc3339(*app), local);
    const auto queued = app->outbox->list(OutboxState::pending);
    ASSERT_FALSE(queued.empty());
    const std::string login_at = nlohmann::json::parse(queued.back().request.body).at("at");
    EXPECT_TRUE(login_at.ends_with("+08:00")) << login_at;
}

TEST_F(StaffModeTest, LongPressOnTheCommunityNameOpensTheLogin) {
    start_with_demo();
    const std::string name = app->models.community_name;
    ASSERT_TRUE(visible(name));
    run_ok("press " + name + " 1000\n");  // too short: nothing
    EXPECT_EQ(screen(), ScreenKind::home);
    run_ok("tap " + name + "\n");
    EXPECT_EQ(screen(), ScreenKind::home);
    open_login();
    EXPECT_TRUE(visible("工号"));
    EXPECT_TRUE(visible("密码"));
    EXPECT_TRUE(visible("登录"));
    for (const char* key : {"0", "5", "9", "backspace", "done"}) EXPECT_TRUE(visible(key)) << key;
}

TEST_F(StaffModeTest, OfflineLoginOpensStaffHomeAndMarksTheStatusBar) {
    start_with_demo();
    EXPECT_FALSE(status_bar_model(*app).staff_mode);
    log_in();
    EXPECT_EQ(screen(), ScreenKind::staff_home);
    EXPECT_EQ(app->staff->staff_id, kAdminId);
    EXPECT_EQ(app->staff->role, "admin");
    EXPECT_TRUE(status_bar_model(*app).staff_mode);
    for (const char* entry : {"公告管理", "心愿审核", "同步状态", "设备信息", "立即同步", "重启程序", "退出程序", "退出登录"})
        EXPECT_TRUE(visible(entry)) << entry;
    EXPECT_EQ(staff_actions(), std::vector<std::string>{"login:offline"});
    // The pad forgot the PIN.
    EXPECT_TRUE(app->staff_mode.ui.login.pin.field.text.empty());
    // A long press while logged in goes straight to staff home.
    run_ok("tap 返回\n");
    EXPECT_EQ(screen(), ScreenKind::home);
    run_ok("press " + app->models.community_name + " 2100\n");
    EXPECT_EQ(screen(), ScreenKind::staff_home);

    tap_ok("退出登录");
    EXPECT_FALSE(app->staff.has_value());
    EXPECT_EQ(screen(), ScreenKind::home);
    EXPECT_EQ(staff_actions().back(), "logout:logout");
}

TEST_F(StaffModeTest, ShortPinIsRejectedAtThePadWithoutACheck) {
    start_with_demo();
    open_login();
    run_ok("tap 工号\nkeys 1001\ntap 密码\nkeys 94611\ntap 登录\n");
    EXPECT_FALSE(app->staff_mode.checking);
    EXPECT_EQ(login_message(), Str::staff_login_short_pin);
    EXPECT_EQ(app->staff_mode.throttle->failures(kAdminId), 0);
}

TEST_F(StaffModeTest, UnknownIdAndWrongPinGetTheSameAnswer) {
    start_with_demo();
    open_login();
    try_login(kAdminId, "000000");
    EXPECT_FALSE(app->staff.has_value());
    EXPECT_EQ(login_message(), Str::staff_login_invalid);
    const auto wrong_block = app->staff_mode.ui.login.block;
    try_login("4242", kAdminPin);
    EXPECT_FALSE(app->staff.has_value());
    EXPECT_EQ(login_message(), Str::staff_login_invalid);
    ASSERT_TRUE(wrong_block && app->staff_mode.ui.login.block);
    EXPECT_EQ(wrong_block->wait_s, app->staff_mode.ui.login.block->wait_s);  // first failure each: 1 s
}

TEST_F(StaffModeTest, LogsOutAfterTwoMinutesWithoutATouch) {
    KioskConfig config;
    config.idle.warn_after_s = 600;  // the public idle timers out of the way
    start_with_demo(config);
    log_in();
    run_ok("idle 110\n");
    EXPECT_TRUE(app->staff.has_value());
    EXPECT_EQ(screen(), ScreenKind::staff_home);
    run_ok("idle 11\n");
    EXPECT_FALSE(app->staff.has_value());
    EXPECT_EQ(screen(), ScreenKind::home);
    EXPECT_EQ(staff_actions().back(), "logout:idle");
}

TEST_F(StaffModeTest, ThePublicIdleResetEndsTheSessionToo) {
    start_with_demo();  // warn after 90 s, countdown 15 s
    log_in();
    run_ok("idle 91\nidle 16\n");
    EXPECT_FALSE(app->staff.has_value());
    EXPECT_EQ(screen(), ScreenKind::home);
    EXPECT_EQ(staff_actions().back(), "logout:idle");
}

TEST_F(StaffModeTest, DeadLetterRetryAndDiscardFromSyncHealth) {
    start_with_demo();
    auto wish = app->outbox->enqueue({"wish", "POST", "/api/v1/communities/c-demo/wishes", R"({"text":"秘密"})"}, kNowUnix);
    auto other = app->outbox->enqueue({"notice", "POST", "/api/v1/communities/c-demo/notices", "{}"}, kNowUnix);
    ASSERT_TRUE(wish.ok() && other.ok());
    ASSERT_TRUE(app->outbox->mark_dead(wish->id, 422, "text rejected").ok());
    ASSERT_TRUE(app->outbox->mark_dead(other->id, 400, "bad field").ok());
    log_in();
    tap_ok("同步状态");
    ui->frame(std::nullopt);
    EXPECT_EQ(screen(), ScreenKind::staff_sync);
    const SyncHealthModel& m = app->staff_mode.sync_health;
    ASSERT_EQ(m.dead.size(), 2u);
    EXPECT_EQ(m.dead[0].id, wish->id);
    EXPECT_EQ(m.dead[0].last, "HTTP 422 · text rejected");
    EXPECT_EQ(m.pending.size(), 1u);  // the login's staff action
    // Never the resident's text.
    for (const auto* rows : {&m.dead, &m.pending})
        for (const OutboxRow& r : *rows)
            for (const std::string* s : {&r.kind, &r.created, &r.last}) EXPECT_EQ(s->find("秘密"), std::string::npos);

    tap_ok("重试", 1);
    EXPECT_EQ(app->outbox->find(wish->id)->state, OutboxState::pending);
    EXPECT_EQ(app->staff_mode.ui.notice, Str::staff_retry_queued);
    EXPECT_EQ(staff_actions().back(), "retry_dead_letter:");

    tap_ok("丢弃");  // asks first
    EXPECT_TRUE(app->outbox->find(other->id).has_value());
    tap_ok("取消");
    EXPECT_TRUE(app->outbox->find(other->id).has_value());
    tap_ok("丢弃");
    tap_ok("确定");
    EXPECT_FALSE(app->outbox->find(other->id).has_value());
    EXPECT_EQ(staff_actions().back(), "discard_dead_letter:notice");
}

TEST_F(StaffModeTest, SyncNowWithoutAnEngineSaysSo) {
    start_with_demo();
    log_in();
    tap_ok("立即同步");
    EXPECT_EQ(app->staff_mode.ui.notice, Str::staff_sync_unavailable);
    int asked = 0;
    app->sync_now = [&asked] { ++asked; };
    tap_ok("立即同步");
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(app->staff_mode.ui.notice, Str::staff_sync_requested);
}

TEST_F(StaffModeTest, RestartAndQuitAskThenSetTheExitCode) {
    start_with_demo();
    log_in();
    tap_ok("重启程序");
    EXPECT_FALSE(app->exit_code);
    tap_ok("确定");
    EXPECT_EQ(app->exit_code, kExitRestart);
    EXPECT_EQ(staff_actions().back(), "restart:");
}

TEST_F(StaffModeTest, DeviceFactsSayWhatThisKioskIs) {
    KioskConfig config;
    config.server_url = "https://gongshi.example.cn";
    config.community_id = "c-demo";
    start_with_demo(config);
    log_in();
    tap_ok("设备信息");
    ui->frame(std::nullopt);
    std::map<Str, std::string> facts;
    for (const DeviceFact& f : app->staff_mode.device) facts[f.label] = f.value;
    EXPECT_EQ(facts[Str::device_version], GONGSHI_VERSION);
    EXPECT_EQ(facts[Str::device_server], "https://gongshi.example.cn");
    EXPECT_NE(facts[Str::device_community].find("c-demo"), std::string::npos);
    EXPECT_NE(facts[Str::device_cache].find("B"), std::string::npos);
    EXPECT_NE(facts[Str::device_free_disk], text(Str::device_unknown));
    EXPECT_EQ(facts[Str::device_kiosk_code], text(Str::device_unknown));  // never reached a server
}

// The issue's case: ten wrong PINs lock the account, and the right one is refused during the lock.
TEST_F(StaffModeTest, TenWrongPinsLockTheAccountAcrossARestart) {
    KioskConfig quiet;
    quiet.idle.warn_after_s = quiet.idle.attract_after_s = 1e6;  // the delays add up to minutes
    quiet.staff.idle_logout_s = 1e6;
    start_with_demo(quiet);
    open_login();
    for (int i = 0; i < 10; ++i) {
        try_login(kAdminId, "000000");
        ASSERT_FALSE(app->staff.has_value());
        ASSERT_TRUE(app->staff_mode.ui.login.block);
        if (i < 9) {
            EXPECT_FALSE(app->staff_mode.ui.login.block->locked) << i;
            app->clock.advance(static_cast<double>(app->staff_mode.ui.login.block->wait_s));
        }
    }
    EXPECT_TRUE(app->staff_mode.ui.login.block->locked);
    run_ok("idle 60\n");
    try_login(kAdminId, kAdminPin);
    EXPECT_FALSE(app->staff.has_value());
    ASSERT_TRUE(app->staff_mode.ui.login.block);
    EXPECT_TRUE(app->staff_mode.ui.login.block->locked);

    // A power cycle keeps the lock: it lives in outbox.db.
    const KioskConfig config = app->config;
    const double elapsed = app->clock.seconds() - Clock::manual(kNowUnix).seconds();
    ui.reset();
    app.reset();
    start(config);
    app->clock.advance(elapsed);
    open_login();
    try_login(kAdminId, kAdminPin);
    EXPECT_FALSE(app->staff.has_value());
    EXPECT_TRUE(app->staff_mode.ui.login.block && app->staff_mode.ui.login.block->locked);
    // The lock expires: then the right PIN works.
    run_ok("idle 900\n");
    open_login();
    try_login(kAdminId, kAdminPin);
    EXPECT_TRUE(app->staff.has_value());
}

}  // namespace
}  // namespace gongshi::kiosk::test
