#include <gtest/gtest.h>

#include <fstream>

#include "cache_schema.hpp"
#include "fixtures.hpp"
#include "gongshi/cache.hpp"

using namespace gongshi;
using namespace gongshi::test;

namespace {

RankingQuery by_period(Period p, int offset = 0, int limit = 50);

struct CacheTest : ::testing::Test {
    TempDir dir;
    std::string path = dir.file("cache.db");
    Cache cache = std::move(Cache::open_read_write(path).value());

    void apply(std::vector<Change> changes, std::string cursor = "1") {
        auto s = cache.apply(page(std::move(changes), std::move(cursor)));
        ASSERT_TRUE(s) << s.error();
    }
    void seed_people() {
        apply({upsert(community()), upsert(grid("g1", "阳光小区")), upsert(grid("g2", "阳光小区3号楼", "g1")),
               upsert(grid("g3", "明月小区")), upsert(unit("u1", "区财政局机关党支部", true)),
               upsert(unit("u2", "市第一人民医院党总支", false)), upsert(member("m1", "张三丰", "u1", "g1")),
               upsert(member("m2", "李四", "u1", "g2")), upsert(member("m3", "王五", "u2", "g3", false)),
               upsert(member("m4", "赵六", "u2", "g3")), upsert(member("m5", "周晓松", "u2", "g1"))});
    }
    std::vector<std::pair<std::string, int>> ranks(Period p) {
        std::vector<std::pair<std::string, int>> out;
        for (const auto& row : cache.ranking(by_period(p)).rows)
            out.emplace_back(row.subject_id, row.rank);
        return out;
    }
    static std::int64_t unix(const char* t) { return parse_timestamp(t)->unix_seconds; }
};

RankingQuery by_period(Period p, int offset, int limit) {
    RankingQuery q;
    q.period = p;
    q.offset = offset;
    q.limit = limit;
    return q;
}

const Period kMarch{PeriodKind::month, 2026, 3};
const Period kApril{PeriodKind::month, 2026, 4};
using Ranks = std::vector<std::pair<std::string, int>>;

}  // namespace

TEST_F(CacheTest, StoresWhatItIsGivenAndTheCursor) {
    seed_people();
    const auto members = cache.dump(EntityKind::member);
    ASSERT_EQ(members.size(), 5u);
    EXPECT_EQ(std::get<Member>(members[0]), member("m1", "张三丰", "u1", "g1"));
    EXPECT_EQ(cache.sync_meta().cursor, "1");
    EXPECT_EQ(cache.community()->name, "幸福里社区");
    apply({points("e1", "m1", "2026-03-05T10:00:00+08:00", 3)}, "2");
    const auto events = cache.dump(EntityKind::point_event);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(std::get<PointEvent>(events[0]), point_event("e1", "m1", "2026-03-05T10:00:00+08:00", 3));
    EXPECT_EQ(cache.sync_meta().cursor, "2");
}

TEST_F(CacheTest, AFailedPageChangesNothing) {
    seed_people();
    Community broken = community();
    broken.time_zone = "Nowhere/Atlantis";
    auto s = cache.apply(page({upsert(member("m9", "新人")), upsert(broken)}, "2"));
    ASSERT_FALSE(s);
    EXPECT_NE(s.error().find("Nowhere/Atlantis"), std::string::npos);
    EXPECT_EQ(cache.dump(EntityKind::member).size(), 5u);
    EXPECT_EQ(cache.sync_meta().cursor, "1");
}

TEST_F(CacheTest, EqualPointsShareARank) {
    seed_people();
    apply({points("e1", "m1", "2026-03-02T10:00:00+08:00", 3), points("e2", "m1", "2026-03-03T10:00:00+08:00", 2),
           points("e3", "m2", "2026-03-04T10:00:00+08:00", 3), points("e4", "m3", "2026-03-04T11:00:00+08:00", 3),
           points("e5", "m4", "2026-03-05T10:00:00+08:00", 2, PointKind::group_activity)});
    EXPECT_EQ(ranks(kMarch), (Ranks{{"m1", 1}, {"m2", 2}, {"m3", 2}, {"m4", 4}}));
    // A page that starts inside a tie still ranks it right.
    auto page2 = cache.ranking(by_period(kMarch, 2, 2));
    ASSERT_EQ(page2.rows.size(), 2u);
    EXPECT_EQ(page2.rows[0].rank, 2);
    EXPECT_EQ(page2.rows[1].rank, 4);
    EXPECT_EQ(page2.total, 4);
    EXPECT_EQ(cache.ranking_offset_of(by_period(kMarch), "m3"), 2);
    EXPECT_FALSE(cache.ranking_offset_of(by_period(kMarch), "m5"));
}

TEST_F(CacheTest, TheLastSecondOfAMonthBelongsToIt) {
    seed_people();
    apply({points("e1", "m1", "2026-03-31T23:59:59+08:00", 3),
           points("e2", "m2", "2026-03-31T16:00:00Z", 3),  // 00:00 on 1 April in Shanghai
           points("e3", "m3", "2026-03-01T00:00:00+08:00", 2)});
    EXPECT_EQ(ranks(kMarch), (Ranks{{"m1", 1}, {"m3", 2}}));
    EXPECT_EQ(ranks(kApril), (Ranks{{"m2", 1}}));
    EXPECT_EQ(ranks({PeriodKind::quarter, 2026, 1}), (Ranks{{"m1", 1}, {"m3", 2}}));
    EXPECT_EQ(ranks({PeriodKind::quarter, 2026, 2}), (Ranks{{"m2", 1}}));
    EXPECT_EQ(ranks({PeriodKind::year, 2026, 0}), (Ranks{{"m1", 1}, {"m2", 1}, {"m3", 3}}));
    auto range = cache.ranking({SubjectKind::member, {}, Date{2026, 3, 31}, Date{2026, 4, 1}, 0, 10});
    ASSERT_EQ(range.rows.size(), 1u);
    EXPECT_EQ(range.rows[0].subject_id, "m1");
}

TEST_F(CacheTest, RedemptionsLowerTheBalanceNotTheRank) {
    seed_people();
    apply({points("e1", "m1", "2026-03-02T10:00:00+08:00", 3), points("e2", "m2", "2026-03-02T10:00:00+08:00", 2),
           points("e3", "m1", "2026-03-20T10:00:00+08:00", -3, PointKind::redemption),
           points("e4", "m1", "2026-02-20T10:00:00+08:00", -2, PointKind::deduction),
           points("e5", "m1", "2026-03-21T10:00:00+08:00", 5, PointKind::bonus)});
    EXPECT_EQ(ranks(kMarch), (Ranks{{"m1", 1}, {"m2", 2}}));
    EXPECT_EQ(cache.ranking(by_period(kMarch)).rows[0].points, 8);
    const auto b = cache.points_breakdown("m1", unix("2026-03-25T12:00:00+08:00"));
    EXPECT_EQ(b.this_month.individual_service, 3);
    EXPECT_EQ(b.this_month.bonus, 5);
    EXPECT_EQ(b.this_month.redemption, -3);
    EXPECT_EQ(b.this_month.earned(), 8);
    EXPECT_EQ(b.this_year.earned(), 6);
    EXPECT_EQ(b.balance, 3);
    ASSERT_EQ(b.by_month.size(), 2u);
    EXPECT_EQ(b.by_month[0].month, 3);
}

TEST_F(CacheTest, UpdatesAndDeletesOfEventsMoveTheTotals) {
    seed_people();
    apply({points("e1", "m1", "2026-03-02T10:00:00+08:00", 3), points("e2", "m2", "2026-03-02T10:00:00+08:00", 2)});
    apply({points("e1", "m1", "2026-04-02T10:00:00+08:00", 3)}, "2");  // moved to April
    EXPECT_EQ(ranks(kMarch), (Ranks{{"m2", 1}}));
    EXPECT_EQ(ranks(kApril), (Ranks{{"m1", 1}}));
    apply({remove(EntityKind::point_event, "e2"), remove(EntityKind::point_event, "missing")}, "3");
    EXPECT_TRUE(ranks(kMarch).empty());
    EXPECT_EQ(ranks({PeriodKind::all_time, 0, 0}), (Ranks{{"m1", 1}}));
}

TEST_F(CacheTest, YearlyFiguresIncludeTheBaseline) {
    apply({upsert(community(80)), upsert(unit("u1", "单位", true)), upsert(member("m1", "张三丰")),
           points("e1", "m1", "2026-03-02T10:00:00+08:00", -5, PointKind::deduction)});
    auto year = cache.ranking(by_period({PeriodKind::year, 2026, 0}));
    EXPECT_EQ(year.baseline, 80);
    EXPECT_EQ(year.rows.at(0).points, 75);
    EXPECT_EQ(cache.ranking(by_period(kMarch)).rows.at(0).points, -5);
}

TEST_F(CacheTest, SearchMatchesNamePinyinAndInitials) {
    seed_people();
    auto ids = [&](const char* q) {
        MemberFilter f;
        f.search = q;
        std::vector<std::string> out;
        for (const auto& c : cache.members(f).rows) out.push_back(c.member.id);
        return out;
    };
    using Ids = std::vector<std::string>;
    EXPECT_EQ(ids("zsf"), Ids{"m1"});
    EXPECT_EQ(ids("zhangsan"), Ids{"m1"});
    EXPECT_EQ(ids("ZhangSan"), Ids{"m1"});
    EXPECT_EQ(ids("三丰"), Ids{"m1"});
    EXPECT_EQ(ids("z"), (Ids{"m1", "m4", "m5"}));  // zhang, zhao, zhou by pinyin order
    EXPECT_EQ(ids("DY-m2"), Ids{"m2"});
    EXPECT_TRUE(ids("%").empty());
    EXPECT_TRUE(ids("qqq").empty());
}

TEST_F(CacheTest, MemberFiltersCombine) {
    seed_people();
    apply({upsert(Post{"p1", "c1", "义务巡防岗", "治安维稳", {"巡逻"}, 3, true}),
           upsert(Claim{"cl1", "p1", "m2", {2026, 1, 5}}), upsert(Claim{"cl2", "p1", "m4", {2026, 1, 6}})},
          "2");
    MemberFilter f;
    f.grid_id = "g1";  // includes its building g2
    EXPECT_EQ(cache.members(f).total, 3);
    f.unit_id = "u1";
    EXPECT_EQ(cache.members(f).total, 2);
    MemberFilter cat;
    cat.post_category = "治安维稳";
    EXPECT_EQ(cache.members(cat).total, 2);
    cat.registration = Registration::unregistered;
    EXPECT_EQ(cache.members(cat).total, 0);
    MemberFilter unregistered;
    unregistered.registration = Registration::unregistered;
    auto page = cache.members(unregistered);
    ASSERT_EQ(page.total, 1);
    EXPECT_EQ(page.rows[0].member.id, "m3");
    EXPECT_EQ(page.rows[0].unit_name, "市第一人民医院党总支");
    const auto posts = cache.posts(std::nullopt);
    ASSERT_EQ(posts.size(), 1u);
    EXPECT_EQ(posts[0].taken, 2);
    EXPECT_EQ(posts[0].free_places(), 1);
}

TEST_F(CacheTest, NoticesShowOnlyInsideTheirWindowPinnedFirst) {
    seed_people();
    apply({upsert(notice("old", "2026-01-01T00:00:00+08:00", "2026-03-01T00:00:00+08:00", true)),
           upsert(notice("now", "2026-02-01T00:00:00+08:00", std::nullopt, false)),
           upsert(notice("pin", "2026-02-10T00:00:00+08:00", "2026-12-01T00:00:00+08:00", true)),
           upsert(notice("later", "2026-06-01T00:00:00+08:00", std::nullopt, true))},
          "2");
    auto ids = [&](const char* when) {
        std::vector<std::string> out;
        for (const auto& n : cache.notices_published(unix(when))) out.push_back(n.id);
        return out;
    };
    using Ids = std::vector<std::string>;
    EXPECT_EQ(ids("2026-02-20T00:00:00+08:00"), (Ids{"pin", "old", "now"}));
    EXPECT_EQ(ids("2026-03-01T00:00:00+08:00"), (Ids{"pin", "now"}));  // expiry is exclusive
    EXPECT_EQ(ids("2026-02-28T23:59:59+08:00"), (Ids{"pin", "old", "now"}));
    EXPECT_EQ(ids("2026-06-01T00:00:00+08:00"), (Ids{"later", "pin", "now"}));
}

TEST_F(CacheTest, RegistrationAndEvaluationCounts) {
    seed_people();
    const auto r = cache.registration_stats();
    EXPECT_EQ(r.members_registered, 4);
    EXPECT_EQ(r.members_total, 5);
    EXPECT_EQ(r.units_registered, 1);
    EXPECT_EQ(r.units_total, 2);
    apply({upsert(Evaluation{"v1", SubjectKind::member, "m1", 2025, "优秀", 95.0, "服务之星"}),
           upsert(Evaluation{"v2", SubjectKind::member, "m2", 2025, "一般", 70.0, std::nullopt}),
           upsert(Evaluation{"v3", SubjectKind::member, "m3", 2025, "优秀", 91.0, std::nullopt}),
           upsert(Evaluation{"v4", SubjectKind::member, "m4", 2024, "较差", 50.0, std::nullopt})},
          "2");
    const auto d = cache.evaluation_distribution(2025, SubjectKind::member);
    ASSERT_EQ(d.size(), 4u);
    EXPECT_EQ(d[0].grade, "优秀");
    EXPECT_EQ(d[0].count, 2);
    EXPECT_EQ(d[1].count, 0);
    EXPECT_EQ(d[2].count, 1);
    EXPECT_EQ(d[3].count, 0);
}

TEST_F(CacheTest, WishesArePublicOnlyOnceReviewed) {
    seed_people();
    auto wish = [](std::string id, WishStatus status, std::optional<std::string> by = std::nullopt) {
        return Wish{id, "c1", "K1-" + id, "生活帮扶", "修理水龙头", "王**", "g2", status,
                    by ? std::optional(SubjectKind::member) : std::nullopt, by, at("2026-03-01T09:00:00+08:00"),
                    std::nullopt, std::nullopt, std::nullopt, 1};
    };
    apply({upsert(wish("w1", WishStatus::pending_review)), upsert(wish("w2", WishStatus::open)),
           upsert(wish("w3", WishStatus::claimed, "m2")), upsert(wish("w4", WishStatus::rejected))},
          "2");
    auto public_wishes = cache.wishes({});
    ASSERT_EQ(public_wishes.size(), 2u);
    EXPECT_EQ(cache.wish_count({}), 2);
    for (const auto& w : public_wishes) EXPECT_TRUE(w.wish.id == "w2" || w.wish.id == "w3");
    WishFilter by_estate;
    by_estate.grid_id = "g1";
    EXPECT_EQ(cache.wish_count(by_estate), 2);
    WishFilter review;
    review.statuses = {WishStatus::pending_review};
    EXPECT_EQ(cache.wishes(review).at(0).wish.id, "w1");
    EXPECT_EQ(cache.wish_by_tracking_code("K1-w3")->status, WishStatus::claimed);
    auto profile = cache.member_profile("m2", unix("2026-03-10T00:00:00+08:00"));
    ASSERT_TRUE(profile);
    ASSERT_EQ(profile->wishes.size(), 1u);
    EXPECT_EQ(profile->wishes[0].id, "w3");
    EXPECT_EQ(profile->card.grid_name, "阳光小区3号楼");
}

TEST_F(CacheTest, AProfileShowsEveryWishItsMemberClaimed) {
    seed_people();
    std::vector<Change> changes;
    // One old wish claimed by m2, then 250 newer ones claimed by m1.
    for (int i = 0; i <= 250; ++i) {
        const std::string id = "w" + std::to_string(i);
        const std::string by = i == 0 ? "m2" : "m1";
        const std::int64_t submitted = unix("2026-01-01T09:00:00+08:00") + i * 3600;
        changes.push_back(upsert(Wish{id, "c1", "K1-" + id, "生活帮扶", "修理水龙头", "", "g1", WishStatus::claimed,
                                      SubjectKind::member, by, {submitted, 480}, std::nullopt, std::nullopt,
                                      std::nullopt, 1}));
    }
    apply(std::move(changes), "2");
    const auto now = unix("2026-03-10T00:00:00+08:00");
    ASSERT_EQ(cache.member_profile("m2", now)->wishes.size(), 1u);
    EXPECT_EQ(cache.member_profile("m2", now)->wishes[0].id, "w0");
    EXPECT_EQ(cache.member_profile("m1", now)->wishes.size(), 250u);
}

TEST_F(CacheTest, RebuildSwapsInAtomically) {
    seed_people();
    apply({points("e1", "m1", "2026-03-02T10:00:00+08:00", 3)}, "5");
    ASSERT_TRUE(cache.begin_rebuild());
    ASSERT_TRUE(cache.apply_to_rebuild(page({upsert(community()), upsert(unit("u1", "单位", true)),
                                             upsert(member("m2", "李四"))},
                                            "a")));
    // Readers still see the old data, and a crash here resumes from the staged cursor.
    EXPECT_EQ(cache.dump(EntityKind::member).size(), 5u);
    {
        auto reopened = Cache::open_read_write(path);
        ASSERT_TRUE(reopened);
        EXPECT_EQ(reopened->rebuild_cursor(), "a");
    }
    ASSERT_TRUE(cache.apply_to_rebuild(page({points("e7", "m2", "2026-03-09T10:00:00+08:00", 2)}, "b")));
    ASSERT_TRUE(cache.finish_rebuild());
    EXPECT_FALSE(cache.rebuild_cursor());
    EXPECT_EQ(cache.sync_meta().cursor, "b");
    ASSERT_EQ(cache.dump(EntityKind::member).size(), 1u);
    EXPECT_EQ(ranks(kMarch), (Ranks{{"m2", 1}}));
    MemberFilter f;
    f.search = "ls";
    EXPECT_EQ(cache.members(f).total, 1);  // indexes and search keys came along
    // And it can happen again.
    ASSERT_TRUE(cache.begin_rebuild());
    ASSERT_TRUE(cache.finish_rebuild());
    EXPECT_TRUE(cache.dump(EntityKind::member).empty());
}

TEST_F(CacheTest, ATimeZoneChangeMovesEventsBetweenMonths) {
    seed_people();
    apply({points("e1", "m1", "2026-03-31T20:00:00Z", 3)}, "2");  // 1 April in Shanghai
    EXPECT_EQ(ranks(kApril), (Ranks{{"m1", 1}}));
    Community utc = community();
    utc.time_zone = "UTC";
    apply({upsert(utc)}, "3");
    EXPECT_EQ(ranks(kMarch), (Ranks{{"m1", 1}}));
    EXPECT_TRUE(ranks(kApril).empty());
}

TEST_F(CacheTest, AReaderSeesCommitsThroughDataVersion) {
    seed_people();
    auto reader = Cache::open_read_only(path);
    ASSERT_TRUE(reader) << reader.error();
    const auto before = reader->data_version();
    EXPECT_EQ(reader->data_version(), before);
    MemberFilter newcomer;
    newcomer.search = "xr";
    EXPECT_EQ(reader->members(newcomer).total, 0);
    EXPECT_EQ(cache.members(newcomer).total, 0);
    apply({upsert(member("m9", "新人"))}, "2");
    EXPECT_NE(reader->data_version(), before);
    EXPECT_EQ(reader->dump(EntityKind::member).size(), 6u);
    // Search follows commits made by another connection and by its own.
    EXPECT_EQ(reader->members(newcomer).total, 1);
    EXPECT_EQ(cache.members(newcomer).total, 1);
    apply({remove(EntityKind::member, "m9")}, "3");
    EXPECT_EQ(cache.members(newcomer).total, 0);
    EXPECT_EQ(reader->members(newcomer).total, 0);
}

TEST(CacheFile, ACorruptFileIsSetAsideAndRebuilt) {
    TempDir dir;
    const auto path = dir.file("cache.db");
    std::ofstream(path) << std::string(8192, 'x');
    auto cache = Cache::open_read_write(path);
    ASSERT_TRUE(cache) << cache.error();
    EXPECT_TRUE(cache->dump(EntityKind::member).empty());
    EXPECT_EQ(cache->db().user_version(), Cache::kSchemaVersion);
    int set_aside = 0;
    for (const auto& f : std::filesystem::directory_iterator(dir.path))
        if (f.path().filename().string().starts_with("cache.db.corrupt-")) ++set_aside;
    EXPECT_EQ(set_aside, 1);
}

TEST(CacheFile, AFileFromANewerBuildIsSetAside) {
    TempDir dir;
    const auto path = dir.file("cache.db");
    {
        auto db = sql::Db::open(path, sql::Db::Mode::read_write_create);
        ASSERT_TRUE(db->exec("CREATE TABLE x(y); PRAGMA user_version = 99;"));
    }
    auto cache = Cache::open_read_write(path);
    ASSERT_TRUE(cache) << cache.error();
    EXPECT_EQ(cache->db().user_version(), Cache::kSchemaVersion);
}

TEST(CacheFile, AVersionOneFileMigratesToTheLatest) {
    TempDir dir;
    const auto path = dir.file("cache.db");
    {
        auto db = sql::Db::open(path, sql::Db::Mode::read_write_create);
        ASSERT_TRUE(db);
        ASSERT_TRUE(cache_schema::migrate(db.value(), 1));
        ASSERT_EQ(db->user_version(), 1);
        // Rows as version 1 wrote them: no initials column, no period totals.
        ASSERT_TRUE(db->exec(
            "INSERT INTO community VALUES('c1', '" + encode(community()).dump() + "');"
            "INSERT INTO member VALUES('m1', '" + encode(member("m1", "张三丰")).dump() +
            "', '张三丰', 'DY-m1', 'u1', 'g1', 1, 'zhangsanfeng');"
            "INSERT INTO unit VALUES('u1', '" + encode(unit("u1", "单位", true)).dump() + "', '单位', 1);"
            "INSERT INTO point_event VALUES('e1', 'c1', 0, 'm1', 1772416800, 480, 20514, 202603, 1, 3, '服务', NULL);"));
    }
    auto cache = Cache::open_read_write(path);
    ASSERT_TRUE(cache) << cache.error();
    EXPECT_EQ(cache->db().user_version(), 2);
    MemberFilter f;
    f.search = "zsf";
    EXPECT_EQ(cache->members(f).total, 1);
    auto r = cache->ranking(by_period(kMarch));
    ASSERT_EQ(r.rows.size(), 1u);
    EXPECT_EQ(r.rows[0].points, 3);
}
