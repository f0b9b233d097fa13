// Home, tiles, placeholders, back and home, the status bar, target sizes: headless frames.
#include "kiosk_fixture.hpp"

namespace gongshi::kiosk::test {
namespace {

TEST_F(KioskTest, HomeShowsATileForEveryPublicScreen) {
    start_with_demo();
    for (const TileInfo& tile : home_tiles()) EXPECT_TRUE(visible(text(tile.label))) << text(tile.label);
    EXPECT_FALSE(visible(text(Str::nav_back)));  // nowhere to go back to from home
}

TEST_F(KioskTest, TileOpensItsPlaceholderAndBackReturnsHome) {
    start_with_demo();
    tap_ok(text(Str::tile_wishes));
    EXPECT_EQ(screen(), ScreenKind::wishes);
    EXPECT_TRUE(visible(text(Str::nav_back)));
    EXPECT_TRUE(visible(text(Str::nav_home)));
    EXPECT_FALSE(visible(text(Str::tile_pledges)));
    tap_ok(text(Str::nav_back));
    EXPECT_EQ(screen(), ScreenKind::home);
    EXPECT_EQ(app->stack.size(), 1u);
}

TEST_F(KioskTest, HomeButtonEmptiesTheStack) {
    start_with_demo();
    tap_ok(text(Str::tile_about));
    apply_action(*app, OpenScreen{ScreenKind::notices});  // as a later screen's link would
    ui->frame(std::nullopt);
    EXPECT_EQ(app->stack.size(), 3u);
    tap_ok(text(Str::nav_home));
    EXPECT_EQ(app->stack.size(), 1u);
    EXPECT_EQ(screen(), ScreenKind::home);
}

TEST_F(KioskTest, StatusBarShowsCommunityClockFreshnessAndOfflineBadge) {
    start_with_demo();
    const StatusBarModel bar = status_bar_model(*app);
    EXPECT_EQ(bar.community, app->models.community_name);
    EXPECT_FALSE(bar.community.empty());
    EXPECT_EQ(bar.clock, "10:00");
    EXPECT_EQ(bar.date, "3月5日 星期四");
    EXPECT_EQ(bar.updated, "更新于 09:50");
    EXPECT_TRUE(bar.offline);  // no sync engine yet: the data may be stale
    EXPECT_EQ(bar.outbox_depth, 0);
}

TEST_F(KioskTest, SyncStatusArrivesThroughTheUiQueue) {
    start_with_demo();
    SyncStatus status;
    status.connection = SyncStatus::Connection::online;
    status.outbox_depth = 3;
    status.last_success_unix = kNowUnix - 60;
    app->queue.push(status);
    EXPECT_EQ(seconds_until_next_frame(*app), 0.0);  // a message wakes the loop
    ui->frame(std::nullopt);
    const StatusBarModel bar = status_bar_model(*app);
    EXPECT_FALSE(bar.offline);
    EXPECT_EQ(bar.outbox_depth, 3);
    EXPECT_EQ(bar.updated, "更新于 09:59");
}

TEST_F(KioskTest, StaleDataShowsTheDayOfTheLastUpdate) {
    start_with_demo();
    ui->clock().advance(2 * 86400);
    ui->frame(std::nullopt);
    EXPECT_EQ(status_bar_model(*app).updated, "更新于 3月5日 09:50");
}

TEST_F(KioskTest, WithoutACacheTheKioskStillRunsAndSaysSo) {
    start();
    EXPECT_FALSE(app->models.has_data);
    EXPECT_EQ(status_bar_model(*app).community, text(Str::community_fallback));
    EXPECT_EQ(status_bar_model(*app).updated, text(Str::never_updated));
    tap_ok(text(Str::tile_about));
    EXPECT_EQ(screen(), ScreenKind::about);
}

TEST_F(KioskTest, CacheWrittenWhileRunningIsPickedUp) {
    start();
    EXPECT_FALSE(app->models.has_data);
    write_demo_cache(app->config.cache_path);
    ui->frame(std::nullopt);
    EXPECT_TRUE(app->models.has_data);
    EXPECT_FALSE(app->models.attract.empty());
}

struct LayoutCase {
    const char* name;
    ImVec2 size;
    TextSize text_size;
    ThemeMode theme;
};

class KioskTargetSizeTest : public KioskTest, public ::testing::WithParamInterface<LayoutCase> {};

// Every tappable thing on every screen is at least 64 px in both directions, at 1080 lines.
TEST_P(KioskTargetSizeTest, EveryTargetIsFingerSized) {
    KioskConfig config;
    config.text_size = GetParam().text_size;
    config.theme = GetParam().theme;
    start_with_demo(config, GetParam().size);
    auto check_screen = [&](const char* where) {
        ASSERT_FALSE(app->taps.items().empty()) << where;
        for (const Tappable& t : app->taps.items()) {
            if (t.covered) continue;
            EXPECT_GE(t.size().x, 64.0f) << where << ": " << t.label;
            EXPECT_GE(t.size().y, 64.0f) << where << ": " << t.label;
            EXPECT_LE(t.max.x, GetParam().size.x) << where << ": " << t.label << " runs off screen";
            EXPECT_LE(t.max.y, GetParam().size.y) << where << ": " << t.label << " runs off screen";
        }
    };
    check_screen("home");
    for (const TileInfo& tile : home_tiles()) {
        tap_ok(text(tile.label));
        check_screen(text(tile.label));
        tap_ok(text(Str::nav_home));
    }
    tap_ok(text(Str::tile_posts));
    idle(*ui, app->config.idle.warn_after_s + 1);
    ASSERT_EQ(app->idle.phase, IdlePhase::countdown);
    check_screen("countdown");
}

INSTANTIATE_TEST_SUITE_P(
    KioskLayouts, KioskTargetSizeTest,
    ::testing::Values(LayoutCase{"landscape", {1920, 1080}, TextSize::normal, ThemeMode::standard},
                      LayoutCase{"portrait", {1080, 1920}, TextSize::normal, ThemeMode::standard},
                      LayoutCase{"landscape_large", {1920, 1080}, TextSize::large, ThemeMode::high_contrast},
                      LayoutCase{"portrait_large", {1080, 1920}, TextSize::large, ThemeMode::high_contrast}),
    [](const ::testing::TestParamInfo<LayoutCase>& p) { return std::string(p.param.name); });

TEST_F(KioskTest, PortraitGetsTwoColumnsLandscapeFive) {
    start_with_demo(KioskConfig{}, ImVec2(1080, 1920));
    const Tappable* first = app->taps.find(text(home_tiles()[0].label));
    const Tappable* third = app->taps.find(text(home_tiles()[2].label));
    ASSERT_TRUE(first && third);
    EXPECT_GT(third->min.y, first->max.y);  // the third tile starts the second row
    ui->resize(ImVec2(1920, 1080));
    ui->frame(std::nullopt);
    first = app->taps.find(text(home_tiles()[0].label));
    const Tappable* fifth = app->taps.find(text(home_tiles()[4].label));
    ASSERT_TRUE(first && fifth);
    EXPECT_EQ(fifth->min.y, first->min.y);  // five in the first row
}

}  // namespace
}  // namespace gongshi::kiosk::test
