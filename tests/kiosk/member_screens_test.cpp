// The member screens, headless against the community preset: the pledges wall (filters, search
// typed key by key on the on-screen keyboard, pinyin candidates), a member's profile and the
// registration progress. Every expectation is computed here from the generated entities.
#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "gongshi/text.hpp"
#include "../support/demo_records.hpp"
#include "kiosk_fixture.hpp"

namespace gongshi::kiosk::test {
namespace {

using gongshi::test::all_of;


std::multiset<std::string> names_of(const std::vector<Member>& members) {
    std::multiset<std::string> out;
    for (const Member& m : members) out.insert(m.name);
    return out;
}

class MemberScreensTest : public KioskTest {
protected:
    const PledgesModel& pledges() const { return app->member_screens.models.pledges; }
    const KeyboardState& search() const { return app->member_screens.ui.pledges.search; }

    std::multiset<std::string> shown_names() const {
        std::multiset<std::string> out;
        for (const MemberCard& c : pledges().cards) out.insert(c.member.name);
        return out;
    }
    std::vector<Member> members_where(const std::function<bool(const Member&)>& keep) const {
        std::vector<Member> out;
        for (const Member& m : all_of<Member>(demo))
            if (keep(m)) out.push_back(m);
        return out;
    }
    void open_search_keyboard() {
        tap_ok(text(Str::tile_pledges));
        tap_ok(text(Str::pledges_search_hint));
        wait_for_input_method();
    }
};

TEST_F(MemberScreensTest, PledgesWallShowsEveryMemberUntilFiltered) {
    start_with_demo();
    tap_ok(text(Str::tile_pledges));
    EXPECT_EQ(screen(), ScreenKind::pledges);
    EXPECT_EQ(pledges().total, static_cast<int>(all_of<Member>(demo).size()));
    EXPECT_EQ(pledges().cards.size(), static_cast<std::size_t>(std::min<int>(kMembersPerPage, pledges().total)));
    EXPECT_TRUE(visible(pledges().cards.front().member.name));
}

TEST_F(MemberScreensTest, GridAndCategoryFiltersGiveTheMembersOfBoth) {
    start_with_demo();
    // The estate with the most members living in it or in one of its buildings.
    std::map<std::string, std::string> parent, grid_name;
    for (const Grid& g : all_of<Grid>(demo)) {
        grid_name[g.id] = g.name;
        if (g.parent_id) parent[g.id] = *g.parent_id;
    }
    auto estate_of = [&](const std::string& grid) { return parent.contains(grid) ? parent[grid] : grid; };
    std::map<std::string, int> per_estate;
    for (const Member& m : all_of<Member>(demo)) ++per_estate[estate_of(m.grid_id)];
    const std::string estate =
        std::max_element(per_estate.begin(), per_estate.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;
    // The category most of them hold a post in.
    std::map<std::string, std::string> category_of_post;
    for (const Post& p : all_of<Post>(demo)) category_of_post[p.id] = p.category;
    std::map<std::string, std::set<std::string>> categories_of_member;
    for (const Claim& c : all_of<Claim>(demo)) categories_of_member[c.member_id].insert(category_of_post[c.post_id]);
    const std::string category = category_of_post.begin()->second;

    const auto expected = members_where([&](const Member& m) {
        return estate_of(m.grid_id) == estate && categories_of_member[m.id].contains(category);
    });
    ASSERT_FALSE(expected.empty());

    tap_ok(text(Str::tile_pledges));
    tap_ok(text(Str::filter_grid));
    tap_ok(grid_name[estate]);
    EXPECT_EQ(app->member_screens.ui.pledges.picking, MemberFilterKind::none);  // a choice closes the page
    tap_ok(text(Str::filter_category));
    tap_ok(category);
    ui->frame(std::nullopt);
    EXPECT_EQ(pledges().total, static_cast<int>(expected.size()));
    EXPECT_EQ(shown_names(), names_of(expected));

    // Registration narrows it further; 全部 lifts it again.
    tap_ok(text(Str::filter_registration));
    tap_ok(text(Str::registered));
    ui->frame(std::nullopt);
    std::size_t registered = 0;
    for (const Member& m : expected) registered += m.registration == Registration::registered;
    EXPECT_EQ(pledges().total, static_cast<int>(registered));
    tap_ok(text(Str::filter_registration));
    tap_ok(text(Str::filter_all));
    ui->frame(std::nullopt);
    EXPECT_EQ(pledges().total, static_cast<int>(expected.size()));
}

TEST_F(MemberScreensTest, TypingInitialsKeyByKeyFindsZhangSanfeng) {
    start_with_demo();
    open_search_keyboard();
    // After every key the wall shows exactly the members whose initials or full pinyin start so.
    std::string typed;
    for (char key : std::string("zsf")) {
        run_ok(("keys " + std::string(1, key)).c_str());
        typed += key;
        ui->frame(std::nullopt);
        const auto expected = members_where([&](const Member& m) {
            const PinyinKeys keys = pinyin_keys(m.name);
            return keys.initials.starts_with(typed) || keys.full.starts_with(typed) ||
                   lowercase_ascii(m.member_no).starts_with(typed);
        });
        EXPECT_EQ(pledges().total, static_cast<int>(expected.size())) << typed;
        if (expected.size() <= static_cast<std::size_t>(kMembersPerPage)) {
            EXPECT_EQ(shown_names(), names_of(expected)) << typed;
        }
    }
    EXPECT_TRUE(visible("张三丰"));
    EXPECT_TRUE(search().field.text.empty()) << "the letters are still a composition";
    EXPECT_EQ(search().query(), "zsf");
}

TEST_F(MemberScreensTest, TypingFullPinyinFindsOnlyZhangSanfeng) {
    start_with_demo();
    open_search_keyboard();
    run_ok("keys zhangsanfeng\n");
    ui->frame(std::nullopt);
    EXPECT_EQ(shown_names(), (std::multiset<std::string>{"张三丰"}));
    // Committing the name from the candidates searches by the characters themselves.
    const auto candidates = app->taps.visible(TapKind::candidate);
    ASSERT_FALSE(candidates.empty());
    EXPECT_EQ(candidates.front()->label, "张三丰");
    run_ok("candidate 1\n");
    ui->frame(std::nullopt);
    EXPECT_EQ(search().field.text, "张三丰");
    EXPECT_EQ(shown_names(), (std::multiset<std::string>{"张三丰"}));
    // The card opens the profile.
    tap_ok("张三丰");
    EXPECT_EQ(screen(), ScreenKind::member_profile);
}

TEST_F(MemberScreensTest, ChineseWordTypedThroughCandidatesAndEditedWithBackspace) {
    start_with_demo();
    open_search_keyboard();
    run_ok("keys shuilongtou\n");
    std::vector<std::string> shown;
    for (const Tappable* t : app->taps.visible(TapKind::candidate)) shown.push_back(t->label);
    ASSERT_FALSE(shown.empty());
    EXPECT_EQ(shown.front(), "水龙头");
    // Backspace edits the composition first.
    run_ok("tap backspace\n");
    EXPECT_EQ(search().typed, "shuilongto");
    run_ok("keys u\ncandidate 1\n");
    EXPECT_EQ(search().field.text, "水龙头");
    EXPECT_FALSE(search().ime.composing());
    for (char32_t c : std::u32string(U"水龙头")) EXPECT_NE(app->fonts.body()->FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr);
    ui->frame(std::nullopt);
    EXPECT_EQ(pledges().total, 0);
    EXPECT_TRUE(visible(text(Str::clear_filters)));
    // Then the text, one character at a time.
    run_ok("tap backspace\n");
    EXPECT_EQ(search().field.text, "水龙");
    // Space commits the first candidate; with nothing composed it is a space.
    run_ok("keys tou\n");
    const auto tou = app->taps.visible(TapKind::candidate);
    ASSERT_FALSE(tou.empty());
    const std::string first = tou.front()->label;
    run_ok("tap space\ntap space\n");
    EXPECT_EQ(search().field.text, "水龙" + first + " ");
    tap_ok(text(Str::clear_filters));
    ui->frame(std::nullopt);
    EXPECT_TRUE(search().field.text.empty());
    EXPECT_EQ(pledges().total, static_cast<int>(all_of<Member>(demo).size()));
}

TEST_F(MemberScreensTest, AsciiModeTypesLettersAndDigitsAndTheCapHolds) {
    start_with_demo();
    open_search_keyboard();
    run_ok("tap mode\nkeys dy0\n");
    EXPECT_EQ(search().field.text, "dy0");
    EXPECT_FALSE(search().ime.composing());
    run_ok("keys 123456789012345678901234567890\n");
    EXPECT_EQ(search().field.chars(), kSearchMaxChars);
    run_ok("tap done\n");
    EXPECT_FALSE(app->member_screens.ui.pledges.keyboard_open);
    EXPECT_TRUE(app->taps.visible(TapKind::key).empty());
}

TEST(TextFieldTest, EditsWholeCharactersAtTheCaretWithinTheCap) {
    TextField f;
    f.max_chars = 4;
    EXPECT_TRUE(f.insert("水龙"));
    EXPECT_FALSE(f.insert("头ab"));  // only 头 and a fit
    EXPECT_EQ(f.text, "水龙头a");
    EXPECT_TRUE(f.erase_before_caret());
    EXPECT_TRUE(f.erase_before_caret());
    EXPECT_EQ(f.text, "水龙");
    EXPECT_EQ(f.caret, f.text.size());
    f.clear();
    EXPECT_FALSE(f.erase_before_caret());
}

TEST_F(MemberScreensTest, KeyboardKeysAreFingerSizedInBothOrientations) {
    for (ImVec2 size : {ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
        start_with_demo(KioskConfig{}, size);
        open_search_keyboard();
        run_ok("keys nihao\n");
        const auto keys = app->taps.visible(TapKind::key);
        EXPECT_GE(keys.size(), 40u);
        for (const Tappable& t : app->taps.items()) {
            EXPECT_GE(t.size().x, 64.0f) << t.label;
            EXPECT_GE(t.size().y, 64.0f) << t.label;
            EXPECT_LE(t.max.x, size.x) << t.label;
            EXPECT_LE(t.max.y, size.y) << t.label;
        }
        EXPECT_GE(app->taps.visible(TapKind::candidate).size(), 3u);
        ui.reset();   // it drives the app: goes first
        app.reset();  // one input method per process at a time
    }
}

TEST_F(MemberScreensTest, ProfileShowsPostsPointsAndGradesOfTheMember) {
    start_with_demo();
    const Member zsf = members_where([](const Member& m) { return m.name == "张三丰"; }).at(0);
    tap_ok(text(Str::tile_pledges));
    tap_ok(text(Str::pledges_search_hint));
    run_ok("tap mode\nkeys zhangsanfeng\n");
    tap_ok("张三丰");
    ASSERT_EQ(screen(), ScreenKind::member_profile);
    ui->frame(std::nullopt);
    const auto& profile = app->member_screens.models.profile.profile;
    ASSERT_TRUE(profile.has_value());
    EXPECT_EQ(profile->card.member.id, zsf.id);

    std::size_t claims = 0;
    for (const Claim& c : all_of<Claim>(demo)) claims += c.member_id == zsf.id;
    EXPECT_EQ(profile->posts.size(), claims);
    // Points of this month and this year, by kind, on the community's local calendar.
    KindTotals month, year;
    std::size_t events = 0;
    for (const PointEvent& e : all_of<PointEvent>(demo)) {
        if (e.subject_kind != SubjectKind::member || e.subject_id != zsf.id) continue;
        ++events;
        const std::int64_t local = e.occurred_at.unix_seconds + e.occurred_at.offset_minutes * 60;
        const Date d = civil_from_days(local / 86400);
        int* slot[2] = {nullptr, nullptr};
        for (int k = 0; k < 2; ++k) {
            KindTotals& t = k == 0 ? month : year;
            switch (e.kind) {
            case PointKind::group_activity: slot[k] = &t.group_activity; break;
            case PointKind::individual_service: slot[k] = &t.individual_service; break;
            case PointKind::bonus: slot[k] = &t.bonus; break;
            case PointKind::deduction: slot[k] = &t.deduction; break;
            case PointKind::redemption: slot[k] = &t.redemption; break;
            }
        }
        if (d.year == kToday.year && d.month == kToday.month) *slot[0] += e.points;
        if (d.year == kToday.year) *slot[1] += e.points;
    }
    EXPECT_EQ(profile->history.size(), events);
    const KindTotals& shown_month = profile->points.this_month;
    const KindTotals& shown_year = profile->points.this_year;
    EXPECT_EQ(shown_month.group_activity, month.group_activity);
    EXPECT_EQ(shown_month.individual_service, month.individual_service);
    EXPECT_EQ(shown_month.bonus, month.bonus);
    EXPECT_EQ(shown_month.deduction, month.deduction);
    EXPECT_EQ(shown_month.redemption, month.redemption);
    EXPECT_EQ(shown_year.earned(), year.earned());
    EXPECT_EQ(shown_year.redemption, year.redemption);
    std::size_t grades = 0;
    for (const Evaluation& e : all_of<Evaluation>(demo)) grades += e.subject_kind == SubjectKind::member && e.subject_id == zsf.id;
    EXPECT_EQ(profile->evaluations.size(), grades);
    // The contact is only ever the masked form.
    EXPECT_EQ(profile->card.member.contact_masked, zsf.contact_masked);

    tap_ok(text(Str::nav_back));
    EXPECT_EQ(screen(), ScreenKind::pledges);
    EXPECT_EQ(search().field.text, "zhangsanfeng") << "going back keeps the search";
    tap_ok(text(Str::nav_home));
    EXPECT_TRUE(app->member_screens.ui.pledges.search.field.text.empty()) << "home wipes it for the next resident";
}

TEST_F(MemberScreensTest, RegistrationCountsListsAndPairings) {
    start_with_demo();
    const auto members = all_of<Member>(demo);
    const auto units = all_of<Unit>(demo);
    const auto registered_members = std::count_if(members.begin(), members.end(),
                                                  [](const Member& m) { return m.registration == Registration::registered; });
    const auto registered_units =
        std::count_if(units.begin(), units.end(), [](const Unit& u) { return u.registration == Registration::registered; });
    const auto paired = std::count_if(units.begin(), units.end(), [](const Unit& u) { return u.paired_grid_id.has_value(); });

    tap_ok(text(Str::tile_registration));
    ui->frame(std::nullopt);
    const RegistrationModel& m = app->member_screens.models.registration;
    EXPECT_EQ(m.stats.members_registered, registered_members);
    EXPECT_EQ(m.stats.members_total, static_cast<int>(members.size()));
    EXPECT_EQ(m.stats.units_registered, registered_units);
    EXPECT_EQ(m.stats.units_total, static_cast<int>(units.size()));
    // Members not yet registered come first.
    EXPECT_EQ(m.members_total, static_cast<int>(members.size()) - registered_members);

    tap_ok(text(Str::tab_units));
    tap_ok(text(Str::registered));
    ui->frame(std::nullopt);
    EXPECT_EQ(app->member_screens.models.registration.units.size(), static_cast<std::size_t>(registered_units));
    tap_ok(text(Str::unregistered));
    ui->frame(std::nullopt);
    EXPECT_EQ(app->member_screens.models.registration.units.size(), units.size() - static_cast<std::size_t>(registered_units));
    tap_ok(text(Str::tab_pairings));
    ui->frame(std::nullopt);
    EXPECT_EQ(app->member_screens.models.registration.units.size(), static_cast<std::size_t>(paired));
}

TEST_F(MemberScreensTest, WithoutDataTheScreensSaySoInsteadOfShowingEmptyLists) {
    start();
    for (Str tile : {Str::tile_pledges, Str::tile_registration}) {
        tap_ok(text(tile));
        EXPECT_FALSE(visible(text(Str::pledges_search_hint)));
        EXPECT_FALSE(visible(text(Str::tab_units)));
        tap_ok(text(Str::nav_home));
    }
}

}  // namespace
}  // namespace gongshi::kiosk::test
