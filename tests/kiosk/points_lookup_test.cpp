// 积分查询 headless against the community preset: a member found by name (typed through the pinyin
// candidates), by initials and by member number, then their page. Balance, this month's rank and
// the affordable rewards are worked out here from the generated records with plain loops.
#include <algorithm>
#include <map>
#include <set>

#include "../support/demo_records.hpp"
#include "gongshi/text.hpp"
#include "kiosk_fixture.hpp"

namespace gongshi::kiosk::test {
namespace {

using gongshi::test::all_of;
using gongshi::test::shanghai_date;

class PointsLookupTest : public KioskTest {
protected:
    const PointsLookupUi& state() const { return app->member_screens.ui.points; }
    const PointsLookupModel& model() const { return app->member_screens.models.points; }
    Member zhang() const {
        for (const Member& m : all_of<Member>(demo))
            if (m.name == "张三丰") return m;
        ADD_FAILURE() << "no 张三丰 in the demo";
        return {};
    }
    void open(ImVec2 size = ImVec2(1920, 1080)) {
        start_with_demo(KioskConfig{}, size);
        tap_ok(text(Str::tile_points));
        ASSERT_EQ(screen(), ScreenKind::points_lookup);
        wait_for_input_method();
    }
    // Taps the match named 张三丰 and checks the page is his.
    void open_zhang_page() {
        tap_ok("张三丰");
        ui->frame(std::nullopt);
        ASSERT_EQ(state().member_id, zhang().id);
        ASSERT_TRUE(model().profile.has_value());
        EXPECT_TRUE(visible(text(Str::points_search_again))) << "the page, not the search";
        EXPECT_TRUE(app->taps.visible(TapKind::key).empty()) << "no keyboard on the page";
    }
    std::set<std::string> match_ids() const {
        std::set<std::string> out;
        for (const MemberCard& c : model().matches.rows) out.insert(c.member.id);
        return out;
    }
};

TEST_F(PointsLookupTest, FindsByNameInitialsAndMemberNumber) {
    open();
    EXPECT_TRUE(model().matches.rows.empty()) << "nobody listed before a search";
    // Initials, while they are still a composition.
    run_ok("keys zsf\n");
    ui->frame(std::nullopt);
    EXPECT_TRUE(match_ids().count(zhang().id));
    for (const MemberCard& c : model().matches.rows) EXPECT_TRUE(pinyin_keys(c.member.name).initials.starts_with("zsf")) << c.member.name;
    open_zhang_page();
    // The name itself, committed from the candidates.
    tap_ok(text(Str::points_search_again));
    EXPECT_TRUE(state().member_id.empty());
    EXPECT_TRUE(state().search.query().empty());
    run_ok("keys zhangsanfeng\ncandidate 1\n");
    EXPECT_EQ(state().search.field.text, "张三丰");
    ui->frame(std::nullopt);
    EXPECT_EQ(match_ids(), (std::set<std::string>{zhang().id}));
    open_zhang_page();
    // The member number, in letters and digits.
    tap_ok(text(Str::points_search_again));
    run_ok("tap mode\nkeys " + lowercase_ascii(zhang().member_no) + "\n");
    ui->frame(std::nullopt);
    EXPECT_EQ(match_ids(), (std::set<std::string>{zhang().id}));
    open_zhang_page();
}

TEST_F(PointsLookupTest, PageShowsBalanceRankAndAffordableRewardsOfTheMember) {
    open();
    run_ok("keys zsf\n");
    open_zhang_page();
    const Member me = zhang();
    const std::vector<PointEvent> events = all_of<PointEvent>(demo);
    int balance = 0, my_month = 0;
    std::map<std::string, int> month;  // earned this month, by member
    std::size_t mine = 0;
    for (const PointEvent& e : events) {
        if (e.subject_kind != SubjectKind::member) continue;
        const Date d = shanghai_date(e.occurred_at.unix_seconds);
        const bool this_month = d.year == kToday.year && d.month == kToday.month;
        if (e.subject_id == me.id) {
            ++mine;
            balance += e.points;
            if (this_month && e.kind != PointKind::redemption) my_month += e.points;
        }
        if (this_month && e.kind != PointKind::redemption) month[e.subject_id] += e.points;
    }
    const MemberProfile& p = *model().profile;
    EXPECT_EQ(p.points.balance, balance);
    EXPECT_EQ(p.points.this_month.earned(), my_month);
    EXPECT_EQ(p.history.size(), mine) << "every entry, with its reason";
    // Competition rank: one more than the members with more points this month.
    if (month.count(me.id)) {
        int above = 0;
        for (const auto& [id, points] : month) above += points > month[me.id];
        ASSERT_TRUE(model().month_rank.has_value());
        EXPECT_EQ(model().month_rank->rank, above + 1);
        EXPECT_EQ(model().month_rank->points, month[me.id]);
        EXPECT_EQ(model().month_ranked, static_cast<int>(month.size()));
    } else {
        EXPECT_FALSE(model().month_rank.has_value());
    }
    std::multiset<std::string> affordable, shown;
    for (const Reward& r : all_of<Reward>(demo))
        if (r.cost <= balance) affordable.insert(r.name);
    for (const Reward& r : model().affordable) shown.insert(r.name);
    EXPECT_EQ(shown, affordable);
    EXPECT_FALSE(affordable.empty()) << "the demo member can afford something: the list is exercised";
    std::size_t grades = 0;
    for (const Evaluation& e : all_of<Evaluation>(demo)) grades += e.subject_kind == SubjectKind::member && e.subject_id == me.id;
    EXPECT_EQ(p.evaluations.size(), grades);
    EXPECT_EQ(model().url, "https://gongshi.example.cn/members/" + me.member_no + "/points");
    EXPECT_FALSE(model().qr.empty());
    // Every character the page draws is in the atlas.
    for (const PointEvent& e : p.history)
        for_each_code_point(e.reason, [&](char32_t c) {
            if (c > 0xFFFF) return;  // the replacement mark, counted by the glyph test
            EXPECT_NE(app->fonts.body()->FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr) << e.reason;
        });
}

TEST_F(PointsLookupTest, ConfiguredUrlPatternAndHomeWipesTheSearch) {
    KioskConfig config;
    config.member_points_url_pattern = "https://example.org/p?no={member_no}&again={member_no}";
    start_with_demo(config);
    tap_ok(text(Str::tile_points));
    wait_for_input_method();
    run_ok("keys zsf\n");
    open_zhang_page();
    EXPECT_EQ(model().url, "https://example.org/p?no=" + zhang().member_no + "&again=" + zhang().member_no);
    tap_ok(text(Str::nav_home));
    EXPECT_TRUE(state().member_id.empty());
    EXPECT_TRUE(state().search.query().empty());
    tap_ok(text(Str::tile_points));
    EXPECT_TRUE(app->taps.find("张三丰") == nullptr) << "the next visitor starts from an empty search";
}

TEST_F(PointsLookupTest, EveryTargetIsFingerSizedInBothOrientations) {
    for (ImVec2 size : {ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
        open(size);
        run_ok("keys zsf\n");
        auto check = [&] {
            for (const Tappable& t : app->taps.items()) {
                if (t.label == text(Str::community_fallback) || t.label == app->models.community_name) continue;  // staff's long press
                EXPECT_GE(t.size().x, 64.0f) << t.label;
                EXPECT_GE(t.size().y, 64.0f) << t.label;
                EXPECT_LE(t.max.x, size.x) << t.label;
                EXPECT_LE(t.max.y, size.y) << t.label;
            }
        };
        check();
        open_zhang_page();
        check();
        ui.reset();   // it drives the app: goes first
        app.reset();  // one input method per process at a time
    }
}

}  // namespace
}  // namespace gongshi::kiosk::test
