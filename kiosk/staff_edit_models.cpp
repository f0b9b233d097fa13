// The staff editing screens' view models: the cache's notices and review queue with this
// kiosk's outbox laid over them (pending and refused writes).
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "gongshi/sanitize.hpp"
#include "staff_edit.hpp"
#include "ui_strings.hpp"

namespace gongshi::kiosk {

namespace {

bool is_notice_write(const OutboxItem& row) { return row.request.kind == "notice" || row.request.kind == "notice_edit"; }

NoticeState state_at(const Notice& n, std::int64_t now) {
    if (n.live_at(now)) return NoticeState::published;
    return n.publish_at.unix_seconds > now ? NoticeState::scheduled : NoticeState::expired;
}

std::string when_text(const Notice& n, const std::optional<TimeZone>& tz) {
    std::string out = format(Str::staff_publish_at, {local_minute_text(n.publish_at.unix_seconds, tz)});
    if (n.expire_at) out += "　" + format(Str::staff_expire_at, {local_minute_text(n.expire_at->unix_seconds, tz)});
    return out;
}

// Pictures the server has (they came through the feed) and this kiosk holds, to attach again.
std::vector<MediaChoice> media_choices(const Cache& cache, const std::string& media_dir) {
    std::vector<MediaChoice> out;
    auto add = [&](const MediaId& id, const std::string& label) {
        const bool seen = std::any_of(out.begin(), out.end(), [&](const MediaChoice& m) { return m.id == id; });
        std::error_code ec;
        if (!seen && std::filesystem::exists(std::filesystem::path(media_dir) / id, ec)) out.push_back({id, label});
    };
    for (const Notice& n : cache.notices_all())
        for (const MediaId& m : n.media) add(m, n.title);
    for (const Reward& r : cache.rewards())
        if (r.image) add(*r.image, r.name);
    return out;
}

RefusedNoticeWrite refused_notice(const OutboxItem& row, const std::vector<Notice>& cached) {
    RefusedNoticeWrite r{row.id, row.request.kind == "notice_edit" ? target_id_of(row) : std::string(), {},
                         row.last_status == 412, row.last_error};
    const auto writes = notice_writes({row});
    if (!writes.empty() && writes[0].fields.title) r.title = *writes[0].fields.title;
    for (const Notice& n : cached)
        if (r.title.empty() && n.id == r.notice_id) r.title = n.title;
    return r;
}

}  // namespace

StaffNoticesModel build_staff_notices(const Cache& cache, const Outbox& outbox, const StaffContext& context) {
    StaffNoticesModel model;
    const std::vector<Notice> cached = cache.notices_all();
    const auto writes = notice_writes(outbox.list(OutboxState::pending));
    // Each pending edit will bump the version when delivered, in order: a new edit starts after them.
    std::map<std::string, std::int64_t> queued_edits;
    for (const auto& w : writes)
        if (!w.notice_id.empty()) ++queued_edits[w.notice_id];
    const NoticeOverlay overlay = overlay_notices(cached, writes);
    for (const Notice& n : overlay.notices) {
        model.rows.push_back({n, state_at(n, context.now_unix), overlay.pending.count(n.id) > 0, !is_local_notice_id(n.id),
                              n.version + queued_edits[n.id], when_text(n, context.time_zone)});
    }
    // What is on the board now comes first (pinned on top), then what is scheduled, then the past.
    std::stable_sort(model.rows.begin(), model.rows.end(), [](const StaffNoticeRow& a, const StaffNoticeRow& b) {
        return std::tuple(a.state, !a.notice.pinned, -a.notice.publish_at.unix_seconds) <
               std::tuple(b.state, !b.notice.pinned, -b.notice.publish_at.unix_seconds);
    });
    for (const OutboxItem& row : outbox.list(OutboxState::dead))
        if (is_notice_write(row)) model.refused.push_back(refused_notice(row, cached));
    model.media = media_choices(cache, context.media_dir);
    return model;
}

WishReviewModel build_wish_review(const Cache& cache, const Outbox& outbox, const StaffContext& context) {
    WishReviewModel model;
    WishFilter queue;
    queue.statuses = {WishStatus::pending_review};
    queue.oldest_first = true;
    queue.limit = 500;
    const std::vector<WishView> waiting = cache.wishes(queue);
    auto text_of = [&](const std::string& id) {
        for (const WishView& w : waiting)
            if (w.wish.id == id) return w.wish.text;
        return std::string();
    };
    const auto reviews = wish_reviews(outbox.list(OutboxState::pending));
    std::set<std::string> reviewed;
    for (const PendingReview& r : reviews) {
        reviewed.insert(r.wish_id);
        model.reviewed.push_back({r.wish_id, text_of(r.wish_id), r.approve, r.reason});
    }
    for (const WishView& w : waiting)
        if (!reviewed.count(w.wish.id))
            model.pending.push_back({w, sensitive_matches(w.wish.text, context.sensitive_words),
                                     local_minute_text(w.wish.submitted_at.unix_seconds, context.time_zone)});
    for (const OutboxItem& row : outbox.list(OutboxState::dead)) {
        if (row.request.kind != "wish_review") continue;
        const std::string id = target_id_of(row);
        model.refused.push_back(
            {row.id, id, text_of(id), row.last_status == 412 || row.last_status == 422, row.last_error});
    }
    return model;
}

}  // namespace gongshi::kiosk
