#include <gtest/gtest.h>

#include "script.hpp"

namespace gongshi::kiosk {
namespace {

TEST(KioskScriptParse, EveryStep) {
    auto s = parse_script(
        "# a comment\n"
        "\n"
        "tap 微心愿\n"
        "tap 返回 2\n"
        "tap-at 10 20.5\n"
        "drag 1 2 3 4 250\n"
        "keys ni hao\n"
        "candidate 3\n"
        "wait 100\n"
        "idle 90\r\n"
        "screenshot home-1080\n"
        "expect 首页\n",
        "s.txt");
    ASSERT_TRUE(s.ok()) << s.error();
    ASSERT_EQ(s->steps.size(), 10u);
    EXPECT_EQ(s->steps[0].line, 3);
    EXPECT_EQ(std::get<step::Tap>(s->steps[0].action).label, "微心愿");
    EXPECT_EQ(std::get<step::Tap>(s->steps[0].action).nth, 1);
    EXPECT_EQ(std::get<step::Tap>(s->steps[1].action).label, "返回");
    EXPECT_EQ(std::get<step::Tap>(s->steps[1].action).nth, 2);
    EXPECT_EQ(std::get<step::TapAt>(s->steps[2].action).pos.y, 20.5f);
    EXPECT_EQ(std::get<step::Drag>(s->steps[3].action).to.x, 3.0f);
    EXPECT_EQ(std::get<step::Drag>(s->steps[3].action).ms, 250.0);
    EXPECT_EQ(std::get<step::Keys>(s->steps[4].action).letters, "ni hao");
    EXPECT_EQ(std::get<step::Candidate>(s->steps[5].action).nth, 3);
    EXPECT_EQ(std::get<step::Wait>(s->steps[6].action).ms, 100.0);
    EXPECT_EQ(std::get<step::Idle>(s->steps[7].action).seconds, 90.0);
    EXPECT_EQ(std::get<step::Screenshot>(s->steps[8].action).name, "home-1080");
    EXPECT_EQ(std::get<step::Expect>(s->steps[9].action).label, "首页");
    EXPECT_EQ(s->steps[9].text, "expect 首页");
}

TEST(KioskScriptParse, PressHoldsALabelForMilliseconds) {
    auto s = parse_script("press 阳光 社区 2500\n", "s.txt");
    ASSERT_TRUE(s.ok()) << s.error();
    const auto& p = std::get<step::Press>(s->steps.at(0).action);
    EXPECT_EQ(p.label, "阳光 社区");
    EXPECT_EQ(p.ms, 2500.0);
    EXPECT_FALSE(parse_script("press 社区\n", "s.txt").ok());
    EXPECT_EQ(parse_script("press 社区 soon\n", "s.txt").error(), "s.txt:1: not a number: soon");
}

TEST(KioskScriptParse, StrokeTakesPadFractions) {
    auto s = parse_script("stroke 0.1,0.5 0.5,0.52   1,0.9\n", "s.txt");
    ASSERT_TRUE(s.ok()) << s.error();
    const auto& st = std::get<step::Stroke>(s->steps.at(0).action);
    ASSERT_EQ(st.points.size(), 3u);
    EXPECT_EQ(st.points[1].x, 0.5f);
    EXPECT_EQ(st.points[1].y, 0.52f);
    EXPECT_EQ(st.points[2].x, 1.0f);
    EXPECT_FALSE(parse_script("stroke 0.1,0.5\n", "s.txt").ok()) << "one point is a tap, not a stroke";
    EXPECT_EQ(parse_script("stroke 0.1,0.5 1.2,0.5\n", "s.txt").error(),
              "s.txt:1: not a point X,Y between 0 and 1: 1.2,0.5");
    EXPECT_FALSE(parse_script("stroke 0.1,0.5 0.3\n", "s.txt").ok());
    EXPECT_FALSE(parse_script("stroke 0.1,0.5 a,b\n", "s.txt").ok());
}

TEST(KioskScriptParse, ErrorsNameFileAndLine) {
    auto unknown = parse_script("tap 首页\nswipe 1 2\n", "s.txt");
    ASSERT_FALSE(unknown.ok());
    EXPECT_EQ(unknown.error(), "s.txt:2: unknown step \"swipe\"");
    auto bad_number = parse_script("wait soon\n", "s.txt");
    ASSERT_FALSE(bad_number.ok());
    EXPECT_EQ(bad_number.error(), "s.txt:1: not a number: soon");
    EXPECT_FALSE(parse_script("drag 1 2 3\n", "s.txt").ok());
    EXPECT_FALSE(parse_script("tap\n", "s.txt").ok());
    EXPECT_FALSE(parse_script("candidate 0\n", "s.txt").ok());
    EXPECT_FALSE(parse_script("screenshot ../escape\n", "s.txt").ok());
}

}  // namespace
}  // namespace gongshi::kiosk
