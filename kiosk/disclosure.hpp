// The disclosure screens (积分排行, 评议结果, 岗位认领, 通知公告, 积分超市): what the viewer chose
// (small "view" structs, the UI state App keeps) and the view models built from the cache for
// them. Views change only through the ChangeView action, applied after the frame; a change that
// needs other data rebuilds that screen's model there, never inside a draw function.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "gongshi/cache.hpp"
#include "gongshi/domain.hpp"
#include "gongshi/staff_writes.hpp"
#include "qr.hpp"

namespace gongshi::kiosk {

class GlyphSet;

// ---- views (UI state) ----------------------------------------------------------------------------

struct RankingsView {
    SubjectKind subject = SubjectKind::member;
    PeriodKind period = PeriodKind::month;  // the articles publish monthly
    // A one-shot request from the page buttons: the list scrolls to this row on the next frame,
    // and the screen clears it with another ChangeView.
    std::optional<int> scroll_to_row;
    // 找我的排名 (members only): the member number typed on the numeric pad, digits with or without
    // the community's letter prefix. While set, the model says where that member stands in the
    // period (RankingsModel::find) and the list jumps to the row and highlights it.
    std::optional<std::string> find_number;
    // Same subject and period: a change of scroll only, no new query.
    bool same_data(const RankingsView& o) const { return subject == o.subject && period == o.period; }
};

struct EvaluationsView {
    std::optional<int> year;  // empty: the newest year with grades
    SubjectKind subject = SubjectKind::member;
};

struct PostsView {
    std::optional<std::string> category;  // empty: the list of categories
};

struct NoticesView {
    int index = 0;  // which notice is open, in display order (pinned first)
};

using ViewChange = std::variant<RankingsView, EvaluationsView, PostsView, NoticesView>;

struct DisclosureViews {
    RankingsView rankings;
    EvaluationsView evaluations;
    PostsView posts;
    NoticesView notices;
};

// ---- view models ---------------------------------------------------------------------------------

// Whether there is anything to show, and whether it may be stale: every screen designs for both.
struct DataState {
    bool has_data = false;
    bool offline = false;
};

struct HonourRow {
    std::string name;
    std::string unit_name;
    std::string honour;  // 服务之星 / 履岗先锋
};

// The outcome of 找我的排名 for RankingsView::find_number.
enum class RankFind { none, found, unknown_number, no_points };

struct RankingsModel {
    std::string period_label;       // 2026年3月
    std::vector<RankingRow> rows;   // every ranked subject of the period, rank order
    std::optional<int> baseline;    // 80 where the community uses a baseline scheme
    bool baseline_added = false;    // the figures include it (yearly periods)
    int honours_year = 0;
    std::vector<HonourRow> honours;  // the newest year's named members
    std::vector<PraiseRow> praise;   // 好评张榜, newest first
    RankFind find = RankFind::none;
    std::optional<int> found_row;    // index into rows of the member found (RankFind::found)
};

struct EvaluationsModel {
    std::vector<int> years;  // newest first
    int year = 0;
    std::vector<GradeCount> distribution;  // the community's scale, best first
    std::vector<EvaluationRow> rows;       // best score first
};

struct PostCard {
    PostView view;
    std::string claim_url;  // only for posts with free places
    QrCode qr;              // of claim_url; empty without free places or if encoding failed
};

struct CategorySummary {
    std::string name;
    int posts = 0;
    int free_places = 0;
    bool compulsory = false;  // holds a 必领 post
};

struct PostsModel {
    std::vector<CategorySummary> categories;
    std::vector<PostCard> posts;  // the chosen category's, compulsory first
};

struct NoticesModel {
    std::vector<Notice> notices;  // published now, pinned first, with this kiosk's pending staff edits
    std::set<std::string> pending;  // ids of those an unacknowledged edit touches (待同步)
};

struct RewardsModel {
    std::vector<Reward> rewards;  // cheapest first
};

struct DisclosureModels {
    RankingsModel rankings;
    EvaluationsModel evaluations;
    PostsModel posts;
    NoticesModel notices;
    RewardsModel rewards;
};

// What the builders need besides the cache and the views.
struct DisclosureContext {
    std::int64_t now_unix = 0;
    std::string claim_url_pattern;  // "{post_id}" is replaced by the post's id
    std::vector<PendingNoticeWrite> pending_notices;  // staff writes still in the outbox
};

// Builds one screen's model, for the screen the viewer is on (a district's rankings are too big
// to build for screens nobody looks at). DisclosureScreen mirrors those ScreenKinds so this
// header does not depend on navigation.hpp, which depends on it.
enum class DisclosureScreen { rankings, evaluations, posts, notices, rewards };
void build_disclosure_model(DisclosureModels& models, DisclosureScreen screen, const Cache& cache,
                            const DisclosureViews& views, const DisclosureContext& context);
// Looks up view.find_number alone (member_by_number, ranking_offset_of) for the rows already
// built: typing a number needs no new ranking query. Returns the row to scroll to when found.
std::optional<int> find_in_rankings(RankingsModel& model, const Cache& cache, const RankingsView& view,
                                    std::int64_t now_unix);
void add_disclosure_glyphs(GlyphSet& glyphs, const DisclosureModels& models, DisclosureScreen screen);

// A configured link: every `hole` ("{post_id}") in the pattern replaced by `value`.
std::string fill_pattern(const std::string& pattern, std::string_view hole, std::string_view value);
// The community's local day at `now_unix` (its time zone from the cache).
Date community_today(const Cache& cache, std::int64_t now_unix);
// The claim link of a post: every "{post_id}" in the pattern replaced.
std::string claim_url(const std::string& pattern, const std::string& post_id);
// 2026年3月 / 2026年第1季度 / 2026年 / 累计.
std::string period_text(const Period& period);

}  // namespace gongshi::kiosk
