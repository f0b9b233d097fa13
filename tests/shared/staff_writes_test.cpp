// Staff write bodies, and the outbox rows read back as an overlay over the cached notices; the
// staff queries of the cache (every notice, the review queue oldest first).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fixtures.hpp"
#include "gongshi/cache.hpp"
#include "gongshi/staff_writes.hpp"

using namespace gongshi;
using namespace gongshi::test;
using json = nlohmann::json;

namespace {

OutboxItem row(std::int64_t id, std::string kind, std::string path, std::string body) {
    OutboxItem item;
    item.id = id;
    item.request = {std::move(kind), "POST", std::move(path), std::move(body)};
    return item;
}

std::int64_t unix(const char* t) { return parse_timestamp(t)->unix_seconds; }

std::vector<std::string> ids(const std::vector<Notice>& notices) {
    std::vector<std::string> out;
    for (const auto& n : notices) out.push_back(n.id);
    return out;
}
using Ids = std::vector<std::string>;

}  // namespace

TEST(NoticeWindow, LiveFromItsPublishSecondUntilBeforeItsExpirySecond) {
    Notice n;
    n.publish_at = Timestamp{1000, 480};
    EXPECT_FALSE(n.live_at(999));
    EXPECT_TRUE(n.live_at(1000));
    EXPECT_TRUE(n.live_at(4'000'000'000));  // no expiry: live for good
    n.expire_at = Timestamp{2000, 480};
    EXPECT_TRUE(n.live_at(1999));
    EXPECT_FALSE(n.live_at(2000));
}

TEST(StaffWrites, AnEditSendsOnlyWhatChangedWithItsBaseVersion) {
    Notice before = notice("n1", "2026-02-01T00:00:00+08:00", std::nullopt, false);
    before.version = 3;
    Notice after = before;
    after.title = "停水通知（更新）";
    after.pinned = true;
    after.expire_at = at("2026-04-01T00:00:00+08:00");
    const json body = json::parse(notice_edit_body("1001", before.version, changed_fields(before, after)));
    EXPECT_EQ(body, (json{{"staff_id", "1001"}, {"base_version", 3}, {"title", "停水通知（更新）"}, {"pinned", true},
                          {"expire_at", "2026-04-01T00:00:00+08:00"}}));
    // Clearing the expiry is an explicit null, not an absent field (absent keeps it).
    const json cleared = json::parse(notice_edit_body("1001", 4, changed_fields(after, before)));
    ASSERT_TRUE(cleared.contains("expire_at"));
    EXPECT_TRUE(cleared["expire_at"].is_null());
    EXPECT_TRUE(changed_fields(before, before).empty());
}

TEST(StaffWrites, ReviewBodiesApproveOrRejectWithTheReason) {
    EXPECT_EQ(json::parse(wish_review_body("1002", 1, "")),
              (json{{"staff_id", "1002"}, {"base_version", 1}, {"decision", "approve"}}));
    EXPECT_EQ(json::parse(wish_review_body("1002", 2, "重复提交")),
              (json{{"staff_id", "1002"}, {"base_version", 2}, {"decision", "reject"}, {"reason", "重复提交"}}));
}

TEST(StaffWrites, PendingEditsOverlayTheCachedNoticesInOutboxOrder) {
    const std::vector<Notice> cached{notice("n1", "2026-02-01T00:00:00+08:00", std::nullopt, false),
                                     notice("n2", "2026-02-10T00:00:00+08:00", std::nullopt, false)};
    NoticeFields first;
    first.title = "第一次";
    NoticeFields second;
    second.title = "第二次";
    second.pinned = true;
    Notice fresh = notice("", "2026-03-01T00:00:00+08:00", std::nullopt, false);
    fresh.title = "新公告";
    const std::vector<OutboxItem> rows{
        row(7, "notice_edit", "/api/v1/communities/c1/notices/n1", notice_edit_body("1001", 1, first)),
        row(8, "wish", "/api/v1/communities/c1/wishes", "{}"),
        row(9, "notice_edit", "/api/v1/communities/c1/notices/n1", notice_edit_body("1001", 1, second)),
        row(10, "notice", "/api/v1/communities/c1/notices", notice_create_body("1001", all_fields(fresh))),
        row(11, "notice_edit", "/api/v1/communities/c1/notices/gone", notice_edit_body("1001", 1, first)),
    };
    const auto writes = notice_writes(rows);
    ASSERT_EQ(writes.size(), 4u);
    EXPECT_EQ(writes[0].notice_id, "n1");
    EXPECT_EQ(writes[0].base_version, 1);
    EXPECT_EQ(writes[2].notice_id, "");

    const NoticeOverlay overlay = overlay_notices(cached, writes);
    ASSERT_EQ(ids(overlay.notices), (Ids{"n1", "n2", local_notice_id(10)}));
    EXPECT_EQ(overlay.notices[0].title, "第二次");  // the later edit wins
    EXPECT_TRUE(overlay.notices[0].pinned);
    EXPECT_EQ(overlay.notices[1], cached[1]);
    EXPECT_EQ(overlay.notices[2].title, "新公告");
    EXPECT_EQ(overlay.pending, (std::set<std::string>{"n1", local_notice_id(10)}));

    // The public board: inside the window, the pinned edit first.
    const NoticeOverlay board = published_only(overlay, unix("2026-02-20T00:00:00+08:00"));
    EXPECT_EQ(ids(board.notices), (Ids{"n1", "n2"}));
    EXPECT_EQ(board.pending, (std::set<std::string>{"n1"}));  // the scheduled new one is not shown yet
}

TEST(StaffWrites, PendingReviewsNameTheirWish) {
    const std::vector<OutboxItem> rows{
        row(3, "wish_review", "/api/v1/communities/c1/wishes/w-AA-22222/review", wish_review_body("1001", 1, "")),
        row(4, "wish_review", "/api/v1/communities/c1/wishes/w-AA-33333/review", wish_review_body("1001", 1, "不属于本社区")),
        row(5, "staff_action", "/api/v1/communities/c1/staff-actions", "{}")};
    const auto reviews = wish_reviews(rows);
    ASSERT_EQ(reviews.size(), 2u);
    EXPECT_EQ(reviews[0].wish_id, "w-AA-22222");
    EXPECT_TRUE(reviews[0].approve);
    EXPECT_EQ(reviews[1].wish_id, "w-AA-33333");
    EXPECT_FALSE(reviews[1].approve);
    EXPECT_EQ(reviews[1].reason, "不属于本社区");
}

TEST(StaffQueries, StaffSeeEveryNoticeAndTheReviewQueueOldestFirst) {
    TempDir dir;
    auto cache = std::move(Cache::open_read_write(dir.file("cache.db")).value());
    auto wish = [](std::string id, const char* submitted) {
        return Wish{id, "c1", "K1-" + id, "生活帮扶", "修理水龙头", "", "g1", WishStatus::pending_review,
                    std::nullopt, std::nullopt, at(submitted), std::nullopt, std::nullopt, std::nullopt, 1};
    };
    ASSERT_TRUE(cache.apply(page({upsert(community()), upsert(grid("g1", "阳光小区")),
                                  upsert(notice("old", "2026-01-01T00:00:00+08:00", "2026-02-01T00:00:00+08:00", false)),
                                  upsert(notice("later", "2026-06-01T00:00:00+08:00", std::nullopt, true)),
                                  upsert(notice("now", "2026-03-01T00:00:00+08:00", std::nullopt, false)),
                                  upsert(wish("w2", "2026-03-02T09:00:00+08:00")),
                                  upsert(wish("w1", "2026-03-01T09:00:00+08:00"))})));
    EXPECT_EQ(ids(cache.notices_all()), (Ids{"later", "now", "old"}));
    WishFilter queue;
    queue.statuses = {WishStatus::pending_review};
    queue.oldest_first = true;
    const auto pending = cache.wishes(queue);
    ASSERT_EQ(pending.size(), 2u);
    EXPECT_EQ(pending[0].wish.id, "w1");
    EXPECT_EQ(pending[0].grid_name, "阳光小区");
}
