#include "gongshi/staff_writes.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

namespace gongshi {

namespace {

using json = nlohmann::json;

json fields_json(const NoticeFields& f) {
    json out = json::object();
    if (f.title) out["title"] = *f.title;
    if (f.body) out["body"] = *f.body;
    if (f.media) out["media"] = *f.media;
    if (f.pinned) out["pinned"] = *f.pinned;
    if (f.publish_at) out["publish_at"] = format_timestamp(*f.publish_at);
    if (f.expire_at) out["expire_at"] = *f.expire_at ? json(format_timestamp(**f.expire_at)) : json(nullptr);
    return out;
}

// Our own bodies read back; anything unexpected means the row is not one of ours to overlay.
std::optional<NoticeFields> parse_fields(const json& j) {
    NoticeFields f;
    if (j.contains("title")) f.title = j.at("title").get<std::string>();
    if (j.contains("body")) f.body = j.at("body").get<std::string>();
    if (j.contains("media")) f.media = j.at("media").get<std::vector<MediaId>>();
    if (j.contains("pinned")) f.pinned = j.at("pinned").get<bool>();
    if (j.contains("publish_at")) {
        f.publish_at = parse_timestamp(j.at("publish_at").get<std::string>());
        if (!f.publish_at) return std::nullopt;
    }
    if (j.contains("expire_at")) {
        const json& e = j.at("expire_at");
        if (e.is_null()) {
            f.expire_at = std::optional<Timestamp>();
        } else {
            auto t = parse_timestamp(e.get<std::string>());
            if (!t) return std::nullopt;
            f.expire_at = t;
        }
    }
    return f;
}

std::optional<json> parse_body(const OutboxItem& row) {
    json j = json::parse(row.request.body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    return j;
}

}  // namespace

NoticeFields all_fields(const Notice& n) {
    return {n.title, n.body, n.media, n.pinned, n.publish_at, n.expire_at};
}

NoticeFields changed_fields(const Notice& before, const Notice& after) {
    NoticeFields f;
    if (after.title != before.title) f.title = after.title;
    if (after.body != before.body) f.body = after.body;
    if (after.media != before.media) f.media = after.media;
    if (after.pinned != before.pinned) f.pinned = after.pinned;
    if (after.publish_at != before.publish_at) f.publish_at = after.publish_at;
    if (after.expire_at != before.expire_at) f.expire_at = after.expire_at;
    return f;
}

Notice apply_fields(Notice n, const NoticeFields& f) {
    if (f.title) n.title = *f.title;
    if (f.body) n.body = *f.body;
    if (f.media) n.media = *f.media;
    if (f.pinned) n.pinned = *f.pinned;
    if (f.publish_at) n.publish_at = *f.publish_at;
    if (f.expire_at) n.expire_at = *f.expire_at;
    return n;
}

std::string notice_create_body(const std::string& staff_id, const NoticeFields& fields) {
    json body = fields_json(fields);
    body["staff_id"] = staff_id;
    return body.dump();
}

std::string notice_edit_body(const std::string& staff_id, std::int64_t base_version, const NoticeFields& fields) {
    json body = fields_json(fields);
    body["staff_id"] = staff_id;
    body["base_version"] = base_version;
    return body.dump();
}

std::string wish_review_body(const std::string& staff_id, std::int64_t base_version, const std::string& reason) {
    json body{{"staff_id", staff_id}, {"base_version", base_version}};
    body["decision"] = reason.empty() ? "approve" : "reject";
    if (!reason.empty()) body["reason"] = reason;
    return body.dump();
}

constexpr std::string_view kLocalPrefix = "pending-";  // never a server id: those start "n-"

std::string local_notice_id(std::int64_t outbox_id) { return std::string(kLocalPrefix) + std::to_string(outbox_id); }
bool is_local_notice_id(std::string_view id) { return id.starts_with(kLocalPrefix); }

std::string target_id_of(const OutboxItem& row) {
    std::string_view path = row.request.path;
    if (path.ends_with("/review")) path.remove_suffix(std::string_view("/review").size());
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(path.substr(slash + 1));
}

std::vector<PendingNoticeWrite> notice_writes(const std::vector<OutboxItem>& rows) {
    std::vector<PendingNoticeWrite> out;
    for (const OutboxItem& row : rows) {
        const bool create = row.request.kind == "notice", edit = row.request.kind == "notice_edit";
        if (!create && !edit) continue;
        const auto body = parse_body(row);
        if (!body) continue;
        try {
            auto fields = parse_fields(*body);
            if (!fields) continue;
            PendingNoticeWrite w{row.id, edit ? target_id_of(row) : std::string(), 0, std::move(*fields)};
            if (edit) w.base_version = body->at("base_version").get<std::int64_t>();
            out.push_back(std::move(w));
        } catch (const json::exception&) {
            continue;  // not a body this kiosk wrote; the sync screen still lists the row
        }
    }
    return out;
}

NoticeOverlay overlay_notices(std::vector<Notice> cached, const std::vector<PendingNoticeWrite>& writes) {
    NoticeOverlay out{std::move(cached), {}};
    for (const PendingNoticeWrite& w : writes) {
        if (w.notice_id.empty()) {
            Notice fresh;
            fresh.id = local_notice_id(w.outbox_id);
            out.notices.push_back(apply_fields(std::move(fresh), w.fields));
            out.pending.insert(out.notices.back().id);
            continue;
        }
        auto it = std::find_if(out.notices.begin(), out.notices.end(), [&](const Notice& n) { return n.id == w.notice_id; });
        if (it == out.notices.end()) continue;  // deleted on the server meanwhile: the push will say so
        *it = apply_fields(std::move(*it), w.fields);
        out.pending.insert(it->id);
    }
    return out;
}

NoticeOverlay published_only(NoticeOverlay overlay, std::int64_t now_unix) {
    std::erase_if(overlay.notices, [&](const Notice& n) { return !n.live_at(now_unix); });
    std::stable_sort(overlay.notices.begin(), overlay.notices.end(), [](const Notice& a, const Notice& b) {
        return std::tuple(!a.pinned, -a.publish_at.unix_seconds, a.id) < std::tuple(!b.pinned, -b.publish_at.unix_seconds, b.id);
    });
    std::erase_if(overlay.pending, [&](const std::string& id) {
        return std::none_of(overlay.notices.begin(), overlay.notices.end(), [&](const Notice& n) { return n.id == id; });
    });
    return overlay;
}

std::vector<PendingReview> wish_reviews(const std::vector<OutboxItem>& rows) {
    std::vector<PendingReview> out;
    for (const OutboxItem& row : rows) {
        if (row.request.kind != "wish_review") continue;
        const auto body = parse_body(row);
        if (!body) continue;
        const bool approve = body->value("decision", "") == "approve";
        out.push_back({row.id, target_id_of(row), approve, body->value("reason", "")});
    }
    return out;
}

}  // namespace gongshi
