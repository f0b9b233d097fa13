// Scripts replayed headless: the same steps the e2e runs use under Xvfb.
#include "kiosk_fixture.hpp"

namespace gongshi::kiosk::test {
namespace {

Script parse_ok(std::string_view text) {
    auto s = parse_script(text, "test.script");
    EXPECT_TRUE(s.ok()) << s.error();
    return s.ok() ? s.value() : Script{};
}

TEST_F(KioskTest, ScriptNavigatesAndExpects) {
    start_with_demo();
    const Script script = parse_ok(
        "# open a tile and come back\n"
        "tap 微心愿\n"
        "expect 返回\n"
        "screenshot wishes\n"
        "tap 首页\n"
        "expect 积分查询\n"
        "drag 900 700 900 400 200\n"
        "wait 500\n");
    const Status done = run_script(script, *ui);
    EXPECT_TRUE(done.ok()) << done.error();
    EXPECT_EQ(screen(), ScreenKind::home);
}

TEST_F(KioskTest, FailingStepNamesItsLine) {
    start_with_demo();
    const Status done = run_script(parse_ok("tap 微心愿\n\nexpect 积分查询\n"), *ui);
    ASSERT_FALSE(done.ok());
    EXPECT_NE(done.error().find("test.script:3: expect 积分查询"), std::string::npos) << done.error();
    EXPECT_NE(done.error().find("返回"), std::string::npos) << "lists what is visible: " << done.error();
}

TEST_F(KioskTest, KeysAndCandidatesNeedAKeyboard) {
    start_with_demo();
    Status done = run_script(parse_ok("keys nihao\n"), *ui);
    ASSERT_FALSE(done.ok());
    EXPECT_NE(done.error().find("test.script:1: keys nihao: no on-screen keyboard on this screen"), std::string::npos)
        << done.error();
    done = run_script(parse_ok("candidate 1\n"), *ui);
    ASSERT_FALSE(done.ok());
    EXPECT_NE(done.error().find("no input-method candidates"), std::string::npos) << done.error();
}

TEST_F(KioskTest, IdleStepMovesTheClock) {
    start_with_demo();
    const double before = app->clock.seconds();
    ASSERT_TRUE(run_script(parse_ok("tap 积分超市\nidle 1000\nexpect 触摸屏幕开始使用\n"), *ui).ok());
    EXPECT_GE(app->clock.seconds() - before, 1000.0);
}

TEST_F(KioskTest, TapPicksTheNthOfSameLabels) {
    start_with_demo();
    EXPECT_FALSE(tap(*ui, text(Str::tile_wishes), 2).ok());  // only one on screen
}

}  // namespace
}  // namespace gongshi::kiosk::test
