// The kiosk's local cache (cache.db): schema, migrations, the sync engine's write API and the
// read queries the screens are built from. Disposable: a corrupt or too-old file is set aside
// and rebuilt by the next full sync.
//
// Threading: one Cache object per thread. The sync thread owns the only read-write Cache;
// the UI thread opens its own read-only Cache and polls data_version() to notice commits.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gongshi/codec.hpp"
#include "gongshi/sqlite.hpp"
#include "gongshi/time.hpp"

namespace gongshi {

// ---- read models -----------------------------------------------------------------------------

struct MemberFilter {
    std::optional<std::string> grid_id;
    std::optional<std::string> unit_id;
    std::optional<std::string> post_category;  // members holding a post of this category
    std::optional<Registration> registration;
    std::string search;  // name substring, full pinyin prefix ("zhangsan") or initials ("zsf")
    int offset = 0;
    int limit = 50;
};

struct MemberCard {
    Member member;
    std::string unit_name;
    std::string grid_name;
    std::vector<std::string> post_names;
    std::string pledge_headline;  // first item of the latest approved pledge
};

struct MemberPage {
    std::vector<MemberCard> rows;
    int total = 0;  // matches before offset/limit
};

struct ClaimedPost {
    Post post;
    Date claimed_on;
};

struct KindTotals {  // points by kind; redemption is negative
    int group_activity = 0, individual_service = 0, bonus = 0, deduction = 0, redemption = 0;
    int earned() const { return group_activity + individual_service + bonus + deduction; }
};

struct MonthPoints {
    int year = 0, month = 0;
    KindTotals totals;
};

struct PointsBreakdown {
    KindTotals this_month;
    KindTotals this_year;
    KindTotals all_time;
    int balance = 0;  // all earned minus redemptions (plus the baseline where one is set)
    std::vector<MonthPoints> by_month;  // newest first
};

struct MemberProfile {
    MemberCard card;
    std::vector<ClaimedPost> posts;
    std::vector<Pledge> pledges;  // approved only, newest year first
    PointsBreakdown points;
    std::vector<PointEvent> history;  // newest first
    std::vector<Evaluation> evaluations;  // newest year first
    std::vector<Wish> wishes;  // public wishes this member claimed or fulfilled
};

struct PostView {
    Post post;
    int taken = 0;
    std::vector<std::pair<std::string, std::string>> holders;  // member id, name
    int free_places() const { return post.places > taken ? post.places - taken : 0; }
};

struct RankingQuery {
    SubjectKind subject = SubjectKind::member;
    Period period;                  // ignored when `from`/`to` are set
    std::optional<Date> from;       // a custom range of local days [from, to)
    std::optional<Date> to;
    int offset = 0;
    int limit = 50;
};

struct RankingRow {
    int rank = 0;  // competition ranking: 1, 2, 2, 4
    std::string subject_id;
    std::string name;
    std::string unit_name;  // members only
    int points = 0;         // earned in the period (baseline added for yearly figures where set)
};

struct Ranking {
    std::vector<RankingRow> rows;
    int total = 0;
    std::optional<int> baseline;  // shown when the community uses a baseline scheme
};

struct RegistrationStats {
    int members_registered = 0, members_total = 0;
    int units_registered = 0, units_total = 0;
};

struct GradeCount {
    std::string grade;
    int count = 0;
};

// One line of the yearly evaluation list: the grade with the subject's name (and unit for members).
struct EvaluationRow {
    Evaluation evaluation;
    std::string name;
    std::string unit_name;  // members only
};

// One entry of the praise board (好评张榜): a member's bonus for a good review.
struct PraiseRow {
    std::string subject_id;
    std::string name;
    Date day;  // local day of the event
    int points = 0;
    std::string reason;
};

struct WishFilter {
    std::vector<WishStatus> statuses{WishStatus::open, WishStatus::claimed, WishStatus::fulfilled};
    std::optional<std::string> category;
    std::optional<std::string> grid_id;
    std::optional<std::string> claimed_by_id;  // a member's or unit's claimed wishes
    bool oldest_first = false;  // staff review works through the queue in the order it came
    int offset = 0;
    int limit = 100;
};

struct WishView {
    Wish wish;
    std::string grid_name;
    std::string claimed_by_name;  // the member's or unit's name; empty when unclaimed
};

struct SyncMeta {
    std::string cursor;
    std::optional<std::int64_t> last_success_unix;
};

// ---- the cache -------------------------------------------------------------------------------

class Cache {
public:
    static constexpr int kSchemaVersion = 2;

    // Read-write: creates, migrates, or sets aside (renames to *.corrupt-<time>) a file it cannot
    // use and starts empty. Read-only: opens what is there (for the UI thread).
    static Result<Cache> open_read_write(const std::string& path);
    static Result<Cache> open_read_only(const std::string& path);

    // ---- sync engine writes ----
    // Applies every change and stores the page's cursor in one transaction.
    Status apply(const ChangePage& page);

    // A full sync (first start, or after 410 Gone) fills staging tables page by page, each page
    // with its cursor in one transaction, and swaps them in atomically at the end: readers see
    // the old data until the swap. A rebuild interrupted by a crash resumes from its cursor.
    Status begin_rebuild();
    Status apply_to_rebuild(const ChangePage& page);
    std::optional<std::string> rebuild_cursor() const;  // set while a rebuild is in progress
    Status finish_rebuild();

    Status set_last_success(std::int64_t unix_seconds);
    SyncMeta sync_meta() const;

    // ---- reads ----
    std::int64_t data_version() const;
    std::optional<Community> community() const;  // the one community this cache holds
    std::optional<TimeZone> time_zone() const;
    std::vector<Grid> grids() const;
    std::vector<Unit> units() const;
    std::vector<std::string> post_categories() const;
    MemberPage members(const MemberFilter& filter) const;
    std::optional<MemberProfile> member_profile(const std::string& member_id, std::int64_t now_unix) const;
    std::optional<Member> member_by_number(const std::string& member_no) const;
    std::vector<PostView> posts(const std::optional<std::string>& category) const;
    Ranking ranking(const RankingQuery& q) const;
    // Where a subject stands in a period's ranking (the offset to page to), if it has points there.
    std::optional<int> ranking_offset_of(const RankingQuery& q, const std::string& subject_id) const;
    PointsBreakdown points_breakdown(const std::string& member_id, std::int64_t now_unix) const;
    // Public statuses by default; staff review asks for pending_review explicitly.
    std::vector<WishView> wishes(const WishFilter& filter) const;
    int wish_count(const WishFilter& filter) const;
    std::optional<Wish> wish_by_tracking_code(const std::string& code) const;
    std::vector<Notice> notices_published(std::int64_t now_unix) const;  // publish <= now < expire, pinned first
    std::vector<Notice> notices_all() const;  // for staff: scheduled and expired too, newest publish first
    std::vector<Reward> rewards() const;
    RegistrationStats registration_stats() const;
    std::vector<GradeCount> evaluation_distribution(int year, SubjectKind subject) const;
    // A year's grades, best score first (then name), and the years that have any, newest first.
    std::vector<EvaluationRow> evaluations(int year, SubjectKind subject) const;
    std::vector<int> evaluation_years() const;
    // Bonus events whose reason starts with 好评 (the praise board), newest first.
    std::vector<PraiseRow> praise_board(int limit) const;
    std::vector<StaffAccount> staff_accounts() const;
    std::vector<Entity> dump(EntityKind kind) const;  // every row of a kind, ordered by id

    sql::Db& db() { return db_; }

private:
    struct MemberIndex;
    explicit Cache(sql::Db db);
    Status apply_page(const ChangePage& page, bool staging);
    const MemberIndex& member_index() const;

    sql::Db db_;
    // Search-as-you-type runs over a compact copy of the member list, rebuilt when the data changes.
    mutable std::shared_ptr<MemberIndex> member_index_;
};

// Loads a complete set of entities through the rebuild path (as a first full sync would), in
// pages of `page_size`, numbering the cursors "snapshot-1", "snapshot-2", ...
Status load_snapshot(Cache& cache, const std::vector<Entity>& entities, std::size_t page_size = 2000);

}  // namespace gongshi
