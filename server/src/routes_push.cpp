// The push side: what kiosks send from their outbox. Each runs in one transaction with the
// response stored for its Idempotency-Key (see Router::push_route), and each edit is published
// as the next change of the feed.
#include <algorithm>

#include "gongshi/text.hpp"
#include "routes.hpp"
#include "gongshi/tracking_code.hpp"

namespace gongshi::server {

namespace {

ApiError not_found(const std::string& what) { return ApiError(404, "not_found", "no " + what); }

StaffAccount require_staff(Session& s, const Call& call, const json& body) {
    const std::string staff_id = required_string(body, "staff_id", 50);
    auto staff = s.load<StaffAccount>(call.community_id, staff_id);
    if (!staff) throw ApiError(403, "unknown_staff", "no staff member " + staff_id + " in this community");
    return *staff;
}

// Staff edits name the version they started from; a stale one would overwrite someone else's edit.
void check_version(const json& body, std::int64_t current) {
    if (required_int(body, "base_version", 1, 1'000'000'000'000'000) != current)
        throw ApiError(412, "version_conflict", "this was edited meanwhile: reload it and edit again",
                       {{"current_version", current}});
}

// ---- wishes ---------------------------------------------------------------------------------

std::string required_phone(const json& body) {
    const std::string phone = optional_string(body, "phone", 20).value_or("");
    if (!std::all_of(phone.begin(), phone.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw bad_field("phone", "must be digits only");
    return phone;
}

Reply post_wish(const Call& call, Session& s) {
    const json body = call.body();
    const std::string code = required_string(body, "tracking_code", 16);
    if (!valid_tracking_code(code, call.kiosk->code))
        throw bad_field("tracking_code", "must be " + call.kiosk->code + "-" + "<5 characters of " +
                                             std::string(kCodeAlphabet) + ">");
    if (s.wish_codes.find(code)) {
        ApiError taken(409, "tracking_code_taken", "tracking code " + code + " belongs to another wish");
        taken.retryable = false;  // unlike the 409 of a request in flight: retrying changes nothing
        throw taken;
    }
    const auto community = s.load<Community>(call.community_id, call.community_id);
    if (!community) throw not_found("community " + call.community_id);

    Wish wish;
    wish.id = "w-" + code;
    wish.community_id = call.community_id;
    wish.tracking_code = code;
    wish.category = required_string(body, "category", 20);
    const auto& categories = community->wish_categories;
    if (std::find(categories.begin(), categories.end(), wish.category) == categories.end())
        throw bad_field("category", "is not one of this community's wish categories");
    wish.text = required_string(body, "text", 500);
    wish.grid_id = required_string(body, "grid_id", 50);
    if (!s.entities.get(call.community_id, kind_name(EntityKind::grid), wish.grid_id))
        throw bad_field("grid_id", "names no grid of this community");
    const WishContact contact{optional_string(body, "display_name", 20).value_or(""), required_phone(body)};
    wish.display_name_masked = mask_name(contact.name);
    wish.status = WishStatus::pending_review;
    wish.submitted_at = optional_time(body, "submitted_at").value_or(now());

    s.publish(call.community_id, wish);
    if (!contact.name.empty() || !contact.phone.empty())
        s.wish_contacts.put({call.community_id, wish.id}, contact, call.kiosk->id);
    return json_reply(201, {{"wish", encode(wish)}});
}

Reply review_wish(const Call& call, Session& s) {
    const json body = call.body();
    require_staff(s, call, body);
    auto wish = s.load<Wish>(call.community_id, call.param(2));
    if (!wish) throw not_found("wish " + call.param(2));
    check_version(body, wish->version);
    if (wish->status != WishStatus::pending_review)
        throw ApiError(422, "invalid_transition", std::string("this wish is ") + to_string(wish->status) +
                                                      ", only a wish pending review can be reviewed");
    const std::string decision = required_string(body, "decision", 10);
    if (decision == "approve") {
        wish->status = WishStatus::open;
    } else if (decision == "reject") {
        wish->status = WishStatus::rejected;
        wish->reject_reason = required_string(body, "reason", 200);
    } else {
        throw bad_field("decision", "must be approve or reject");
    }
    ++wish->version;
    s.publish(call.community_id, *wish);
    return json_reply(200, {{"wish", encode(*wish)}});
}

// ---- notices --------------------------------------------------------------------------------

constexpr const char* kNoticeFields[] = {"title", "body", "media", "pinned", "publish_at", "expire_at"};

// The editable fields present in `body` replace those of `data` (null clears an optional one);
// the codec then checks the result as it checks what it reads from the wire.
Notice edited_notice(Session& s, json data, const json& body) {
    for (const char* field : kNoticeFields) {
        const auto it = body.find(field);
        if (it == body.end()) continue;
        if (it->is_null()) data.erase(field);
        else data[field] = *it;
    }
    auto notice = decode_as<Notice>(data);
    if (!notice) throw ApiError(400, "invalid_field", notice.error());
    if (notice->title.empty() || utf8_length(notice->title) > 100) throw bad_field("title", "must be 1 to 100 characters");
    if (notice->body.empty() || utf8_length(notice->body) > 10000) throw bad_field("body", "must be 1 to 10000 characters");
    for (const auto& media : notice->media)
        if (!s.media.has(media)) throw bad_field("media", "names an image the server does not have: " + media);
    return std::move(notice.value());
}

Reply post_notice(const Call& call, Session& s) {
    const json body = call.body();
    require_staff(s, call, body);
    // The seq this notice is about to take: unique, and never the id of a demo notice (n-007).
    const std::string id = "n-s" + std::to_string(s.entities.last_seq() + 1);
    const json fresh{{"id", id}, {"community_id", call.community_id}, {"media", json::array()}, {"pinned", false},
                     {"publish_at", format_timestamp(now())}, {"version", 1}};
    const Notice notice = edited_notice(s, fresh, body);
    s.publish(call.community_id, notice);
    return json_reply(201, {{"notice", encode(notice)}});
}

Reply put_notice(const Call& call, Session& s) {
    const json body = call.body();
    require_staff(s, call, body);
    auto current = s.load<Notice>(call.community_id, call.param(2));
    if (!current) throw not_found("notice " + call.param(2));
    check_version(body, current->version);
    json data = encode(*current);
    data["version"] = current->version + 1;
    const Notice notice = edited_notice(s, std::move(data), body);
    s.publish(call.community_id, notice);
    return json_reply(200, {{"notice", encode(notice)}});
}

// ---- staff actions --------------------------------------------------------------------------

Reply post_staff_action(const Call& call, Session& s) {
    const json body = call.body();
    StaffAction action;
    action.staff_id = require_staff(s, call, body).id;
    action.community_id = call.community_id;
    action.kiosk_id = call.kiosk->id;
    action.action = required_string(body, "action", 50);
    action.target_kind = optional_string(body, "target_kind", 50).value_or("");
    action.target_id = optional_string(body, "target_id", 100).value_or("");
    action.detail = optional_string(body, "detail", 500).value_or("");
    action.recorded_at = format_timestamp(now());
    const auto at = optional_time(body, "at");
    action.at = at ? format_timestamp(*at) : action.recorded_at;
    const std::int64_t id = s.staff_actions.add(action);
    return json_reply(201, {{"staff_action", {{"id", id}, {"recorded_at", action.recorded_at}}}});
}

}  // namespace

void add_push_routes(Router& router) {
    router.push_route("POST", kCommunityRoute + "/wishes", "wishes", post_wish);
    router.push_route("POST", kCommunityRoute + "/wishes/([^/]+)/review", "wish_review", review_wish);
    router.push_route("POST", kCommunityRoute + "/notices", "notices", post_notice);
    router.push_route("PUT", kCommunityRoute + "/notices/([^/]+)", "notice_edit", put_notice);
    router.push_route("POST", kCommunityRoute + "/staff-actions", "staff_actions", post_staff_action);
}

}  // namespace gongshi::server
