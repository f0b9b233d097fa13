// Staff writes (docs/API.md "Notices", "Wish review"): the request bodies the kiosk queues, and
// the same rows read back out of the outbox so the kiosk can show an edit at once, marked
// pending, until the server acknowledges it. Pure functions over domain structs and outbox rows.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "gongshi/domain.hpp"
#include "gongshi/outbox.hpp"

namespace gongshi {

inline constexpr std::size_t kNoticeTitleMax = 100;
inline constexpr std::size_t kNoticeBodyMax = 10000;
inline constexpr std::size_t kReviewReasonMax = 200;

// The editable fields of a notice; an absent one is left as it is. expire_at holds an empty
// optional to clear the expiry ("expire_at": null on the wire).
struct NoticeFields {
    std::optional<std::string> title;
    std::optional<std::string> body;
    std::optional<std::vector<MediaId>> media;
    std::optional<bool> pinned;
    std::optional<Timestamp> publish_at;
    std::optional<std::optional<Timestamp>> expire_at;
    bool empty() const { return !title && !body && !media && !pinned && !publish_at && !expire_at; }
    bool operator==(const NoticeFields&) const = default;
};

// Every field of `n` (a new notice sends them all).
NoticeFields all_fields(const Notice& n);
// Only what differs between the version an edit started from and the edited notice.
NoticeFields changed_fields(const Notice& before, const Notice& after);
Notice apply_fields(Notice n, const NoticeFields& fields);

// POST …/notices and PUT …/notices/{id} bodies.
std::string notice_create_body(const std::string& staff_id, const NoticeFields& fields);
std::string notice_edit_body(const std::string& staff_id, std::int64_t base_version, const NoticeFields& fields);
// POST …/wishes/{id}/review; an empty reason approves, any other rejects with it.
std::string wish_review_body(const std::string& staff_id, std::int64_t base_version, const std::string& reason);

// A notice write waiting in the outbox (kinds "notice" and "notice_edit").
struct PendingNoticeWrite {
    std::int64_t outbox_id = 0;
    std::string notice_id;  // empty for a new notice
    std::int64_t base_version = 0;
    NoticeFields fields;
};
// The id a new notice is shown under until the server gives it one.
std::string local_notice_id(std::int64_t outbox_id);
bool is_local_notice_id(std::string_view id);

// Reads the notice writes out of outbox rows (other kinds and unreadable bodies are skipped).
std::vector<PendingNoticeWrite> notice_writes(const std::vector<OutboxItem>& rows);

struct NoticeOverlay {
    std::vector<Notice> notices;      // the cached ones with pending edits applied, then new ones
    std::set<std::string> pending;    // ids of those a pending write touches
};
// The cached notices as this kiosk's staff left them: pending edits applied in outbox order,
// pending new notices added under local ids.
NoticeOverlay overlay_notices(std::vector<Notice> cached, const std::vector<PendingNoticeWrite>& writes);
// The public board: inside the publish window at `now_unix`, pinned first, newest first
// (the order of Cache::notices_published).
NoticeOverlay published_only(NoticeOverlay overlay, std::int64_t now_unix);

// A wish review waiting in the outbox (kind "wish_review").
struct PendingReview {
    std::int64_t outbox_id = 0;
    std::string wish_id;
    bool approve = false;
    std::string reason;
};
std::vector<PendingReview> wish_reviews(const std::vector<OutboxItem>& rows);

// The notice or wish id at the end of a push path (…/notices/{id}, …/wishes/{id}/review).
std::string target_id_of(const OutboxItem& row);

}  // namespace gongshi
