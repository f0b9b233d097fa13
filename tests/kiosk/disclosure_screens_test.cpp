// The disclosure screens (积分排行, 通知公告, 岗位认领, 评议结果, 积分超市) and the attract loop,
// headless, against the community preset. Each test reaches its screen by tapping labels, and each
// expectation is computed here from the generated entities with plain loops, never from a query.
#include <algorithm>
#include <map>
#include <set>

#include "../support/demo_records.hpp"
#include "kiosk_fixture.hpp"

namespace gongshi::kiosk::test {
namespace {

using gongshi::test::all_of;
using gongshi::test::shanghai_date;

struct Expected {
    std::string id;
    int points = 0;
    int rank = 0;
};

// Points earned in [first, end) by subjects of one kind (redemptions lower a balance, not a
// rank), sorted as the board shows them, with competition ranks 1, 2, 2, 4.
std::vector<Expected> expected_ranking(const DemoData& demo, SubjectKind kind, Date first, Date end) {
    std::map<std::string, int> earned;
    for (const PointEvent& e : all_of<PointEvent>(demo)) {
        const Date d = shanghai_date(e.occurred_at.unix_seconds);
        if (e.subject_kind == kind && e.kind != PointKind::redemption && !(d < first) && d < end)
            earned[e.subject_id] += e.points;
    }
    std::vector<Expected> out;
    for (const auto& [id, points] : earned) out.push_back({id, points, 0});
    std::sort(out.begin(), out.end(), [](const Expected& a, const Expected& b) {
        return a.points != b.points ? a.points > b.points : a.id < b.id;
    });
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i].rank = i > 0 && out[i].points == out[i - 1].points ? out[i - 1].rank : static_cast<int>(i) + 1;
    return out;
}

void expect_rows(const std::vector<RankingRow>& rows, const std::vector<Expected>& expected, int add = 0) {
    ASSERT_EQ(rows.size(), expected.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i].subject_id, expected[i].id) << i;
        EXPECT_EQ(rows[i].points, expected[i].points + add) << i;
        EXPECT_EQ(rows[i].rank, expected[i].rank) << i;
    }
}

class DisclosureTest : public KioskTest {
protected:
    void open(Str tile) {
        tap_ok(text(tile));
        ui->frame(std::nullopt);
    }
    // 找我的排名, `digits` on the numeric pad, 确定; then the frames that jump and clear the request.
    void find_rank(const std::string& digits) {
        tap_ok(text(Str::rank_find));
        ASSERT_TRUE(app->rank_finder.open);
        ASSERT_NE(app->taps.find("0"), nullptr);  // the numeric pad is up
        run_ok("keys " + digits + "\ntap done\n");
        ui->frame(std::nullopt);
        ui->frame(std::nullopt);
        EXPECT_FALSE(app->rank_finder.open);
    }
    std::string member_no_of(const std::string& id) const {
        for (const Member& m : all_of<Member>(demo))
            if (m.id == id) return m.member_no;
        return {};
    }
};

TEST_F(DisclosureTest, RankingsThisMonthMatchTheLedgerWithSharedRanks) {
    start_with_demo();
    open(Str::tile_rankings);
    ASSERT_EQ(screen(), ScreenKind::rankings);
    const RankingsModel& m = app->disclosure.rankings;
    EXPECT_EQ(m.period_label, "2026年3月");
    const auto expected = expected_ranking(demo, SubjectKind::member, {2026, 3, 1}, {2026, 4, 1});
    expect_rows(m.rows, expected);
    // The preset's twins tie this month: a shared rank, and the next rank skips (…, 2, 2, 4).
    bool skip_after_tie = false;
    for (std::size_t i = 2; i < expected.size(); ++i)
        skip_after_tie |= expected[i - 1].rank == expected[i - 2].rank && expected[i].rank == static_cast<int>(i) + 1 &&
                          expected[i].rank != expected[i - 1].rank;
    EXPECT_TRUE(skip_after_tie);
    EXPECT_FALSE(m.baseline);
    EXPECT_FALSE(m.honours.empty());  // last year's 服务之星 / 履岗先锋
    for (const HonourRow& h : m.honours) EXPECT_TRUE(h.honour == "服务之星" || h.honour == "履岗先锋") << h.honour;
    EXPECT_FALSE(m.praise.empty());
    for (const PraiseRow& p : m.praise) EXPECT_EQ(p.reason.rfind("好评", 0), 0u) << p.reason;
}

TEST_F(DisclosureTest, RankingsSwitchToUnitsAndOtherPeriods) {
    start_with_demo();
    open(Str::tile_rankings);
    tap_ok(text(Str::tab_units));
    expect_rows(app->disclosure.rankings.rows, expected_ranking(demo, SubjectKind::unit, {2026, 3, 1}, {2026, 4, 1}));
    tap_ok(text(Str::tab_members));
    tap_ok(text(Str::period_quarter));
    EXPECT_EQ(app->disclosure.rankings.period_label, "2026年第1季度");
    expect_rows(app->disclosure.rankings.rows, expected_ranking(demo, SubjectKind::member, {2026, 1, 1}, {2026, 4, 1}));
    tap_ok(text(Str::period_all));
    expect_rows(app->disclosure.rankings.rows, expected_ranking(demo, SubjectKind::member, {1900, 1, 1}, {2100, 1, 1}));
    // Home forgets the choice: the next visitor sees this month again.
    tap_ok(text(Str::nav_home));
    open(Str::tile_rankings);
    EXPECT_EQ(app->disclosure.rankings.period_label, "2026年3月");
}

TEST_F(DisclosureTest, BaselineCommunityShowsYearlyFiguresOnTopOfIt) {
    KioskConfig config;
    config.cache_path = dir.file("cache.db");
    demo = write_demo_cache(config.cache_path);
    {  // The server sends Luzhou's scheme: base 80.
        auto cache = Cache::open_read_write(config.cache_path);
        ASSERT_TRUE(cache.ok());
        Community c = *cache->community();
        c.points_baseline = 80;
        ASSERT_TRUE(cache->apply(ChangePage{"baseline", false, {Change{EntityKind::community, false, c.id, c}}}).ok());
    }
    start(config);
    open(Str::tile_rankings);
    EXPECT_EQ(app->disclosure.rankings.baseline, 80);
    EXPECT_FALSE(app->disclosure.rankings.baseline_added);  // monthly figures are the month's own
    tap_ok(text(Str::period_year));
    EXPECT_TRUE(app->disclosure.rankings.baseline_added);
    expect_rows(app->disclosure.rankings.rows, expected_ranking(demo, SubjectKind::member, {2026, 1, 1}, {2027, 1, 1}), 80);
}

TEST_F(DisclosureTest, RankingsPageToTheEndAndBack) {
    start_with_demo();
    open(Str::tile_rankings);
    tap_ok(text(Str::rank_last));
    ui->frame(std::nullopt);  // the list scrolls and clears the request
    EXPECT_FALSE(app->views.rankings.scroll_to_row);
    tap_ok(text(Str::rank_next_page));  // at the end already: stays there
    ui->frame(std::nullopt);
    tap_ok(text(Str::rank_first));
    ui->frame(std::nullopt);
    EXPECT_EQ(app->views.rankings.period, PeriodKind::month);  // paging keeps the period
    EXPECT_FALSE(app->views.rankings.scroll_to_row);
}

TEST_F(DisclosureTest, FindMyRankJumpsToTheMembersRowAndHighlightsIt) {
    start_with_demo();
    open(Str::tile_rankings);
    const auto expected = expected_ranking(demo, SubjectKind::member, {2026, 3, 1}, {2026, 4, 1});
    ASSERT_GT(expected.size(), 20u);  // more than a screenful: the list must jump
    // Someone far down the board, typed as digits only (the pad has no letters): DY0123 → 0123.
    const Expected& target = expected[expected.size() * 3 / 4];
    const std::string number = member_no_of(target.id);
    ASSERT_EQ(number.rfind("DY", 0), 0u) << number;
    find_rank(number.substr(2));
    const RankingsModel& m = app->disclosure.rankings;
    ASSERT_EQ(m.find, RankFind::found);
    ASSERT_TRUE(m.found_row);
    const RankingRow& row = m.rows[static_cast<std::size_t>(*m.found_row)];
    EXPECT_EQ(row.subject_id, target.id);
    EXPECT_EQ(row.rank, target.rank);
    EXPECT_EQ(row.points, target.points);
    EXPECT_EQ(app->views.rankings.find_number, number.substr(2));
    EXPECT_FALSE(app->views.rankings.scroll_to_row);  // the list jumped and cleared the request
    // The highlighted row is on screen now: the status line names the member's rank.
    std::string name;
    for (const Member& mem : all_of<Member>(demo))
        if (mem.id == target.id) name = mem.name;
    EXPECT_TRUE(visible(text(Str::rank_find)));
    EXPECT_EQ(row.name, name);

    // With the prefix (as a script or a future letter pad would send it) the same row.
    RankingsView with_prefix = app->views.rankings;
    with_prefix.find_number = number;
    apply_action(*app, ChangeView{with_prefix});
    EXPECT_EQ(app->disclosure.rankings.found_row, m.found_row);

    // Another period keeps the number and finds the member there.
    tap_ok(text(Str::period_quarter));
    const auto quarter = expected_ranking(demo, SubjectKind::member, {2026, 1, 1}, {2026, 4, 1});
    const auto in_quarter = std::find_if(quarter.begin(), quarter.end(), [&](const Expected& e) { return e.id == target.id; });
    ASSERT_NE(in_quarter, quarter.end());
    ASSERT_EQ(app->disclosure.rankings.find, RankFind::found);
    EXPECT_EQ(app->disclosure.rankings.rows[static_cast<std::size_t>(*app->disclosure.rankings.found_row)].rank,
              in_quarter->rank);

    // Home forgets the number.
    tap_ok(text(Str::nav_home));
    open(Str::tile_rankings);
    EXPECT_EQ(app->disclosure.rankings.find, RankFind::none);
    EXPECT_TRUE(app->rank_finder.pad.field.text.empty());
}

TEST_F(DisclosureTest, FindMyRankSaysWhenTheNumberIsUnknownOrHasNoPoints) {
    start_with_demo();
    open(Str::tile_rankings);
    find_rank("99999");
    EXPECT_EQ(app->disclosure.rankings.find, RankFind::unknown_number);
    EXPECT_FALSE(app->disclosure.rankings.found_row);
    // A member with no points this month: known, but not on the board.
    const auto expected = expected_ranking(demo, SubjectKind::member, {2026, 3, 1}, {2026, 4, 1});
    std::set<std::string> ranked;
    for (const Expected& e : expected) ranked.insert(e.id);
    std::string idle_member;
    for (const Member& mem : all_of<Member>(demo))
        if (!ranked.count(mem.id)) {
            idle_member = mem.member_no;
            break;
        }
    if (idle_member.empty()) GTEST_SKIP() << "every demo member earned points this month";
    find_rank(idle_member.substr(2));
    EXPECT_EQ(app->disclosure.rankings.find, RankFind::no_points);
    EXPECT_FALSE(app->disclosure.rankings.found_row);
}

// Published on or before `now` and not yet expired, pinned first, newest first.
std::vector<std::string> expected_notices(const DemoData& demo, std::int64_t now) {
    std::vector<Notice> shown;
    for (const Notice& n : all_of<Notice>(demo))
        if (n.publish_at.unix_seconds <= now && (!n.expire_at || n.expire_at->unix_seconds > now)) shown.push_back(n);
    std::sort(shown.begin(), shown.end(), [](const Notice& a, const Notice& b) {
        if (a.pinned != b.pinned) return a.pinned;
        if (a.publish_at.unix_seconds != b.publish_at.unix_seconds) return a.publish_at.unix_seconds > b.publish_at.unix_seconds;
        return a.id < b.id;
    });
    std::vector<std::string> ids;
    for (const Notice& n : shown) ids.push_back(n.id);
    return ids;
}

std::vector<std::string> ids_of(const std::vector<Notice>& notices) {
    std::vector<std::string> ids;
    for (const Notice& n : notices) ids.push_back(n.id);
    return ids;
}

TEST_F(DisclosureTest, NoticesShowThoseInsideTheirWindowPinnedFirst) {
    start_with_demo();
    open(Str::tile_notices);
    ASSERT_EQ(screen(), ScreenKind::notices);
    const auto today = expected_notices(demo, kNowUnix);
    ASSERT_GE(today.size(), 2u);
    EXPECT_EQ(ids_of(app->disclosure.notices.notices), today);
    EXPECT_TRUE(app->disclosure.notices.notices.front().pinned);
    EXPECT_TRUE(visible(app->disclosure.notices.notices[1].title));

    // Twenty days on, the same kiosk (injected clock) shows a different set when reopened.
    ui->clock().advance(20 * 86400);
    tap_ok(text(Str::nav_back));
    open(Str::tile_notices);
    const auto later = expected_notices(demo, kNowUnix + 20 * 86400);
    EXPECT_NE(later, today);
    EXPECT_EQ(ids_of(app->disclosure.notices.notices), later);
}

TEST_F(DisclosureTest, NoticesMoveByButtonsTitlesAndSwipes) {
    start_with_demo();
    open(Str::tile_notices);
    const auto& notices = app->disclosure.notices.notices;
    ASSERT_GE(notices.size(), 3u);
    tap_ok(text(Str::notices_next));
    EXPECT_EQ(app->views.notices.index, 1);
    tap_ok(notices[2].title);
    EXPECT_EQ(app->views.notices.index, 2);
    tap_ok(text(Str::notices_prev));
    EXPECT_EQ(app->views.notices.index, 1);
    // A leftward swipe across the open notice brings the next one; rightward, the previous.
    const Tappable* prev = app->taps.find(text(Str::notices_prev));
    ASSERT_NE(prev, nullptr);
    const ImVec2 on_body(1400, prev->min.y - 300);
    drag(*ui, on_body, ImVec2(on_body.x - 400, on_body.y), 300);
    EXPECT_EQ(app->views.notices.index, 2);
    drag(*ui, on_body, ImVec2(on_body.x + 400, on_body.y), 300);
    EXPECT_EQ(app->views.notices.index, 1);
}

TEST_F(DisclosureTest, PostsShowPlacesTakenHoldersAndAClaimCodeWhenFree) {
    KioskConfig config;
    config.claim_url_pattern = "https://example.org/p/{post_id}/claim";
    start_with_demo(config);
    open(Str::tile_posts);
    ASSERT_EQ(screen(), ScreenKind::posts);
    std::map<std::string, int> taken;
    for (const Claim& c : all_of<Claim>(demo)) ++taken[c.post_id];
    std::map<std::string, std::pair<int, int>> categories;  // posts, free places
    for (const Post& p : all_of<Post>(demo)) {
        ++categories[p.category].first;
        categories[p.category].second += std::max(0, p.places - taken[p.id]);
    }
    ASSERT_EQ(app->disclosure.posts.categories.size(), categories.size());
    for (const CategorySummary& c : app->disclosure.posts.categories) {
        EXPECT_EQ(c.posts, categories[c.name].first) << c.name;
        EXPECT_EQ(c.free_places, categories[c.name].second) << c.name;
    }
    // A category with free places: tap it by its label.
    const auto with_free = std::find_if(categories.begin(), categories.end(), [](const auto& c) { return c.second.second > 0; });
    ASSERT_NE(with_free, categories.end());
    tap_ok(with_free->first);
    ASSERT_EQ(app->views.posts.category, with_free->first);
    const auto& cards = app->disclosure.posts.posts;
    ASSERT_EQ(static_cast<int>(cards.size()), with_free->second.first);
    int free_cards = 0;
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const PostView& v = cards[i].view;
        EXPECT_EQ(v.post.category, with_free->first);
        EXPECT_EQ(v.taken, taken[v.post.id]) << v.post.id;
        EXPECT_EQ(static_cast<int>(v.holders.size()), taken[v.post.id]);
        if (i > 0) {
            EXPECT_LE(v.post.compulsory, cards[i - 1].view.post.compulsory);  // 必领 first
        }
        if (v.free_places() > 0) {
            ++free_cards;
            EXPECT_EQ(cards[i].claim_url, "https://example.org/p/" + v.post.id + "/claim");
            EXPECT_FALSE(cards[i].qr.empty());
        } else {
            EXPECT_TRUE(cards[i].qr.empty());
        }
    }
    EXPECT_GT(free_cards, 0);
    tap_ok(text(Str::posts_all_categories));
    EXPECT_FALSE(app->views.posts.category);
}

TEST_F(DisclosureTest, EvaluationsCountGradesInTheCommunityScale) {
    start_with_demo();
    open(Str::tile_evaluations);
    ASSERT_EQ(screen(), ScreenKind::evaluations);
    std::map<std::string, int> grades;
    int rows = 0;
    for (const Evaluation& e : all_of<Evaluation>(demo))
        if (e.year == 2025 && e.subject_kind == SubjectKind::member) ++grades[e.grade], ++rows;
    const EvaluationsModel& m = app->disclosure.evaluations;
    EXPECT_EQ(m.year, 2025);
    ASSERT_EQ(m.distribution.size(), 4u);
    const char* scale[] = {"优秀", "良好", "一般", "较差"};
    for (std::size_t i = 0; i < 4; ++i) {
        EXPECT_EQ(m.distribution[i].grade, scale[i]);
        EXPECT_EQ(m.distribution[i].count, grades[scale[i]]) << scale[i];
    }
    EXPECT_EQ(static_cast<int>(m.rows.size()), rows);
    tap_ok(text(Str::tab_units));
    int units = 0;
    for (const Evaluation& e : all_of<Evaluation>(demo)) units += e.year == 2025 && e.subject_kind == SubjectKind::unit;
    EXPECT_EQ(static_cast<int>(app->disclosure.evaluations.rows.size()), units);
}

TEST_F(DisclosureTest, RewardsListCostAndStock) {
    start_with_demo();
    open(Str::tile_rewards);
    ASSERT_EQ(screen(), ScreenKind::rewards);
    auto rewards = all_of<Reward>(demo);
    std::sort(rewards.begin(), rewards.end(), [](const Reward& a, const Reward& b) {
        return a.cost != b.cost ? a.cost < b.cost : a.id < b.id;
    });
    const auto& shown = app->disclosure.rewards.rewards;
    ASSERT_EQ(shown.size(), rewards.size());
    for (std::size_t i = 0; i < shown.size(); ++i) EXPECT_EQ(shown[i], rewards[i]);
}

TEST_F(DisclosureTest, FirstSyncShowsWhyThereIsNothingYet) {
    start();  // no cache file
    for (Str tile : {Str::tile_rankings, Str::tile_notices, Str::tile_posts, Str::tile_evaluations, Str::tile_rewards}) {
        open(tile);
        EXPECT_FALSE(visible(text(Str::rank_first)));
        EXPECT_FALSE(visible(text(Str::notices_next)));
        tap_ok(text(Str::nav_back));
    }
}

TEST_F(DisclosureTest, AttractLoopShowsNewlyFulfilledWishes) {
    start_with_demo();
    std::vector<Wish> fulfilled;
    for (const Wish& w : all_of<Wish>(demo))
        if (w.status == WishStatus::fulfilled) fulfilled.push_back(w);
    std::sort(fulfilled.begin(), fulfilled.end(), [](const Wish& a, const Wish& b) {
        return a.fulfilled_at->unix_seconds > b.fulfilled_at->unix_seconds;
    });
    ASSERT_FALSE(fulfilled.empty());
    const auto slide = std::find_if(app->models.attract.begin(), app->models.attract.end(),
                                    [](const AttractSlide& s) { return s.heading == Str::attract_fulfilled; });
    ASSERT_NE(slide, app->models.attract.end());
    ASSERT_FALSE(slide->lines.empty());
    EXPECT_EQ(slide->lines.front().rfind(fulfilled.front().text.substr(0, 6), 0), 0u) << slide->lines.front();
}

}  // namespace
}  // namespace gongshi::kiosk::test
