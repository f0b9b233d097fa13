// Queries over the community preset, each expectation computed here from the generated records
// with plain loops (and Shanghai's fixed +08:00 offset instead of ICU), never from query output.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "../support/demo_records.hpp"
#include "fixtures.hpp"
#include "gongshi/cache.hpp"
#include "gongshi/demo_data.hpp"

using namespace gongshi;

namespace {

constexpr Date kToday{2026, 5, 20};
using test::all_of;
using test::shanghai_date;


struct PresetTest : ::testing::Test {
    static void SetUpTestSuite() {
        demo = new DemoData(generate_demo(DemoPreset::community, kToday));
        dir = new test::TempDir();
        auto c = Cache::open_read_write(dir->file("cache.db"));
        ASSERT_TRUE(c) << c.error();
        cache = new Cache(std::move(c.value()));
        ASSERT_TRUE(load_snapshot(*cache, demo->entities, 500));
    }
    static void TearDownTestSuite() {
        delete cache;
        delete dir;
        delete demo;
    }
    static inline DemoData* demo = nullptr;
    static inline test::TempDir* dir = nullptr;
    static inline Cache* cache = nullptr;

    // Members' earned points in [first, end) local days, ranked 1, 2, 2, 4 by hand.
    static std::vector<std::tuple<std::string, int, int>> expected_ranking(Date first, Date end) {
        std::map<std::string, int> earned;
        for (const auto& e : all_of<PointEvent>(*demo)) {
            const Date d = shanghai_date(e.occurred_at.unix_seconds);
            if (e.subject_kind == SubjectKind::member && e.kind != PointKind::redemption && d >= first && d < end)
                earned[e.subject_id] += e.points;
        }
        std::vector<std::pair<std::string, int>> sorted(earned.begin(), earned.end());
        std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        std::vector<std::tuple<std::string, int, int>> out;
        for (std::size_t i = 0; i < sorted.size(); ++i) {
            int rank = static_cast<int>(i) + 1;
            if (i > 0 && sorted[i].second == sorted[i - 1].second) rank = std::get<1>(out.back());
            out.emplace_back(sorted[i].first, rank, sorted[i].second);
        }
        return out;
    }
    static std::vector<std::tuple<std::string, int, int>> actual_ranking(Period p) {
        RankingQuery q;
        q.period = p;
        q.limit = 100000;
        std::vector<std::tuple<std::string, int, int>> out;
        for (const auto& row : cache->ranking(q).rows) out.emplace_back(row.subject_id, row.rank, row.points);
        return out;
    }
};

}  // namespace

TEST_F(PresetTest, MonthRankingMatchesTheLedgerWithTies) {
    const auto expected = expected_ranking({2026, 5, 1}, {2026, 6, 1});
    ASSERT_GT(expected.size(), 20u);
    bool has_tie = false;
    for (std::size_t i = 1; i < expected.size(); ++i) has_tie |= std::get<1>(expected[i]) == std::get<1>(expected[i - 1]);
    EXPECT_TRUE(has_tie) << "the preset is meant to contain a tie this month";
    EXPECT_EQ(actual_ranking({PeriodKind::month, 2026, 5}), expected);
}

TEST_F(PresetTest, EveryPeriodKindMatchesTheLedger) {
    EXPECT_EQ(actual_ranking({PeriodKind::month, 2026, 2}), expected_ranking({2026, 2, 1}, {2026, 3, 1}));
    EXPECT_EQ(actual_ranking({PeriodKind::quarter, 2026, 1}), expected_ranking({2026, 1, 1}, {2026, 4, 1}));
    EXPECT_EQ(actual_ranking({PeriodKind::year, 2025, 0}), expected_ranking({2025, 1, 1}, {2026, 1, 1}));
    EXPECT_EQ(actual_ranking({PeriodKind::all_time, 0, 0}), expected_ranking({1900, 1, 1}, {2201, 1, 1}));
}

TEST_F(PresetTest, TheLastSecondOfAMonthStaysInIt) {
    test::TempDir tmp;
    auto c = Cache::open_read_write(tmp.file("cache.db"));
    ASSERT_TRUE(load_snapshot(c.value(), demo->entities));
    const std::string member = all_of<Member>(*demo).front().id;
    // 23:59:59 on 30 April in Shanghai, written in UTC: 15:59:59Z.
    PointEvent last{"edge-1", "c-demo", SubjectKind::member, member, *parse_timestamp("2026-04-30T15:59:59Z"),
                    PointKind::bonus, 7, "月末", std::nullopt};
    PointEvent first = last;
    first.id = "edge-2";
    first.occurred_at = *parse_timestamp("2026-04-30T16:00:00Z");
    auto points_of = [&](const Cache& cache_, Period p) {
        RankingQuery q;
        q.period = p;
        q.limit = 100000;
        for (const auto& row : cache_.ranking(q).rows)
            if (row.subject_id == member) return row.points;
        return 0;
    };
    const int april = points_of(c.value(), {PeriodKind::month, 2026, 4});
    const int may = points_of(c.value(), {PeriodKind::month, 2026, 5});
    ASSERT_TRUE(c->apply(test::page({test::upsert(last), test::upsert(first)}, "edge")));
    EXPECT_EQ(points_of(c.value(), {PeriodKind::month, 2026, 4}), april + 7);
    EXPECT_EQ(points_of(c.value(), {PeriodKind::month, 2026, 5}), may + 7);
}

TEST_F(PresetTest, PinyinSearchFindsNamesByInitialsAndFullPinyin) {
    std::map<std::string, std::string> id_of_name;
    for (const auto& m : all_of<Member>(*demo)) id_of_name[m.name] = m.id;
    auto found = [&](const char* q) {
        MemberFilter f;
        f.search = q;
        f.limit = 1000;
        std::set<std::string> ids;
        for (const auto& card : cache->members(f).rows) ids.insert(card.member.id);
        return ids;
    };
    auto ids = [&](std::initializer_list<const char*> names) {
        std::set<std::string> out;
        for (const char* n : names) out.insert(id_of_name.at(n));
        return out;
    };
    EXPECT_EQ(found("zhangsanfeng"), ids({"张三丰"}));
    EXPECT_EQ(found("三丰"), ids({"张三丰"}));
    const auto zsf = found("zsf");
    for (const auto& id : ids({"张三丰", "张少峰", "周淑芬", "赵思凡"})) EXPECT_TRUE(zsf.contains(id)) << id;
    const auto wangfang = found("wangfang");
    EXPECT_TRUE(wangfang.contains(id_of_name.at("王芳")));
    EXPECT_TRUE(wangfang.contains(id_of_name.at("汪芳")));
    // Every match of a surname character really contains it.
    MemberFilter zhang;
    zhang.search = "张";
    zhang.limit = 1000;
    const auto page = cache->members(zhang);
    int expected = 0;
    for (const auto& m : all_of<Member>(*demo)) expected += m.name.find("张") != std::string::npos;
    EXPECT_EQ(page.total, expected);
}

TEST_F(PresetTest, NoticesWindowMatchesPublishAndExpiry) {
    const std::int64_t now = parse_timestamp("2026-05-20T12:00:00+08:00")->unix_seconds;
    std::vector<std::string> expected_pinned, expected_rest;
    for (const auto& n : all_of<Notice>(*demo)) {
        if (n.publish_at.unix_seconds > now || (n.expire_at && n.expire_at->unix_seconds <= now)) continue;
        (n.pinned ? expected_pinned : expected_rest).push_back(n.id);
    }
    ASSERT_FALSE(expected_pinned.empty());
    ASSERT_LT(expected_pinned.size() + expected_rest.size(), all_of<Notice>(*demo).size());  // some are hidden
    std::vector<std::string> pinned, rest;
    for (const auto& n : cache->notices_published(now)) (n.pinned ? pinned : rest).push_back(n.id);
    EXPECT_EQ(pinned.size() + rest.size(), expected_pinned.size() + expected_rest.size());
    std::sort(pinned.begin(), pinned.end());
    std::sort(expected_pinned.begin(), expected_pinned.end());
    EXPECT_EQ(pinned, expected_pinned);
    const auto shown = cache->notices_published(now);
    for (std::size_t i = 0; i < expected_pinned.size(); ++i) EXPECT_TRUE(shown[i].pinned) << "pinned come first";
}

TEST_F(PresetTest, RegistrationCountsMatch) {
    RegistrationStats expected;
    for (const auto& m : all_of<Member>(*demo)) {
        ++expected.members_total;
        expected.members_registered += m.registration == Registration::registered;
    }
    for (const auto& u : all_of<Unit>(*demo)) {
        ++expected.units_total;
        expected.units_registered += u.registration == Registration::registered;
    }
    const auto actual = cache->registration_stats();
    EXPECT_EQ(actual.members_total, expected.members_total);
    EXPECT_EQ(actual.members_registered, expected.members_registered);
    EXPECT_EQ(actual.units_total, expected.units_total);
    EXPECT_EQ(actual.units_registered, expected.units_registered);
    EXPECT_LT(expected.members_registered, expected.members_total);
}

TEST_F(PresetTest, PublicWishesAndGradesMatch) {
    int public_wishes = 0;
    for (const auto& w : all_of<Wish>(*demo))
        public_wishes += w.status == WishStatus::open || w.status == WishStatus::claimed || w.status == WishStatus::fulfilled;
    EXPECT_EQ(cache->wish_count({}), public_wishes);
    std::map<std::string, int> grades;
    for (const auto& e : all_of<Evaluation>(*demo))
        if (e.year == 2025 && e.subject_kind == SubjectKind::member) ++grades[e.grade];
    for (const auto& g : cache->evaluation_distribution(2025, SubjectKind::member)) EXPECT_EQ(g.count, grades[g.grade]) << g.grade;
}

TEST_F(PresetTest, EvaluationListIsBestFirstWithNamesAndHonours) {
    std::map<std::string, std::string> names;
    for (const auto& m : all_of<Member>(*demo)) names[m.id] = m.name;
    std::vector<Evaluation> expected;
    std::set<int> years;
    for (const auto& e : all_of<Evaluation>(*demo)) {
        years.insert(e.year);
        if (e.year == 2025 && e.subject_kind == SubjectKind::member) expected.push_back(e);
    }
    const auto rows = cache->evaluations(2025, SubjectKind::member);
    ASSERT_EQ(rows.size(), expected.size());
    int honours = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i].name, names[rows[i].evaluation.subject_id]);
        if (i > 0) {
            EXPECT_GE(rows[i - 1].evaluation.score.value_or(-1), rows[i].evaluation.score.value_or(-1));
        }
        honours += rows[i].evaluation.honour.has_value();
    }
    EXPECT_EQ(honours, std::count_if(expected.begin(), expected.end(), [](const auto& e) { return e.honour.has_value(); }));
    EXPECT_GT(honours, 0);
    EXPECT_EQ(cache->evaluation_years(), std::vector<int>(years.rbegin(), years.rend()));
}

TEST_F(PresetTest, PraiseBoardIsTheNewestGoodReviewBonuses) {
    std::vector<PointEvent> praise;
    for (const auto& e : all_of<PointEvent>(*demo))
        if (e.subject_kind == SubjectKind::member && e.kind == PointKind::bonus && e.reason.rfind("好评", 0) == 0)
            praise.push_back(e);
    std::sort(praise.begin(), praise.end(), [](const auto& a, const auto& b) {
        return a.occurred_at.unix_seconds != b.occurred_at.unix_seconds ? a.occurred_at.unix_seconds > b.occurred_at.unix_seconds
                                                                        : a.id < b.id;
    });
    const auto board = cache->praise_board(5);
    ASSERT_EQ(board.size(), 5u);
    for (std::size_t i = 0; i < board.size(); ++i) {
        EXPECT_EQ(board[i].subject_id, praise[i].subject_id) << i;
        EXPECT_EQ(board[i].reason, praise[i].reason);
        EXPECT_EQ(board[i].day, shanghai_date(praise[i].occurred_at.unix_seconds));
    }
}

TEST_F(PresetTest, PostsOfACategoryPutCompulsoryFirstWithTheirHolders) {
    std::map<std::string, int> taken;
    for (const auto& c : all_of<Claim>(*demo)) ++taken[c.post_id];
    std::vector<Post> expected;
    for (const auto& p : all_of<Post>(*demo))
        if (p.category == "政策宣传") expected.push_back(p);
    std::sort(expected.begin(), expected.end(), [](const Post& a, const Post& b) {
        return a.compulsory != b.compulsory ? a.compulsory : a.id < b.id;
    });
    const auto posts = cache->posts(std::string("政策宣传"));
    ASSERT_EQ(posts.size(), expected.size());
    ASSERT_FALSE(posts.empty());
    for (std::size_t i = 0; i < posts.size(); ++i) {
        EXPECT_EQ(posts[i].post.id, expected[i].id);
        EXPECT_EQ(posts[i].taken, taken[expected[i].id]);
    }
}
