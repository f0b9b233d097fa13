// What a kiosk asks about itself and its residents: who am I, heartbeat, wish tracking, staff login.
#include <algorithm>
#include <cctype>
#include <limits>

#include "gongshi/staff_auth.hpp"
#include "gongshi/text.hpp"
#include "routes.hpp"

namespace gongshi::server {

namespace {

Reply whoami(const Call& call) {
    const KioskRecord& k = *call.kiosk;
    return json_reply(200, {{"kiosk_id", k.id}, {"kiosk_code", k.code}, {"community_id", k.community_id}});
}

std::int64_t count_field(const json& body, const char* field) {
    return required_int(body, field, 0, std::numeric_limits<std::int64_t>::max());
}

Reply heartbeat(Store& store, const Call& call) {
    const json body = call.body();
    const auto last_sync = optional_time(body, "last_sync_at");
    const json report{{"version", required_string(body, "version", 50)},
                      {"last_sync_at", last_sync ? json(format_timestamp(*last_sync)) : json(nullptr)},
                      {"outbox_depth", count_field(body, "outbox_depth")},
                      {"dead_letters", count_field(body, "dead_letters")},
                      {"uptime_s", count_field(body, "uptime_s")},
                      {"free_disk_bytes", count_field(body, "free_disk_bytes")}};
    const std::string at = format_timestamp(now());
    store.write([&](Session& s) { s.kiosks.record_heartbeat(call.kiosk->id, report.dump(), at); });
    return json_reply(200, {{"received_at", at}});
}

// What anyone holding the slip may see: the status and its dates, nothing about who asked.
Reply track(Store& store, const Call& call) {
    std::string code = call.param(1);
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    const auto wish = store.read([&](Session& s) -> std::optional<Wish> {
        const auto ref = s.wish_codes.find(code);
        if (!ref || ref->community_id != call.kiosk->community_id) return std::nullopt;
        return s.load<Wish>(ref->community_id, ref->wish_id);
    });
    // The code is not echoed: clients log error messages, and the code is what a resident typed.
    if (!wish) throw ApiError(404, "not_found", "no wish with this tracking code in this community");
    json out{{"tracking_code", wish->tracking_code},
             {"status", to_string(wish->status)},
             {"category", wish->category},
             {"submitted_at", format_timestamp(wish->submitted_at)}};
    if (wish->claimed_at) out["claimed_at"] = format_timestamp(*wish->claimed_at);
    if (wish->fulfilled_at) out["fulfilled_at"] = format_timestamp(*wish->fulfilled_at);
    if (wish->claimed_by_kind) out["claimed_by_kind"] = to_string(*wish->claimed_by_kind);
    return json_reply(200, out);
}

Reply login(Store& store, LoginLimiter& logins, const Call& call) {
    const json body = call.body();
    const std::string staff_id = required_string(body, "staff_id", 50);
    const std::string pin = required_string(body, "pin", 20);
    const std::string staff_key = call.community_id + "/" + staff_id;
    if (const auto wait = logins.blocked_for(call.kiosk->id, staff_key)) {
        // Also in the body: the kiosk's one-off requests see the body, not the headers.
        ApiError busy(429, "too_many_attempts", "too many wrong PINs: try again later", {{"retry_after_s", *wait}});
        busy.retry_after_s = *wait;
        throw busy;
    }
    const auto staff = store.read([&](Session& s) { return s.load<StaffAccount>(call.community_id, staff_id); });
    bool ok = false;
    // For an unknown staff id one argon2id verification all the same, against a decoy at the same
    // cost: the answer takes as long as for a wrong PIN and does not reveal which ids exist.
    if (staff) ok = pin_matches(staff->pin_hash, pin);
    else (void)pin_matches(decoy_pin_hash(), pin);
    if (!ok) {
        logins.record_failure(call.kiosk->id, staff_key);
        throw ApiError(401, "invalid_credentials", "this staff id and PIN do not match");
    }
    return json_reply(200, {{"staff", {{"id", staff->id}, {"name", staff->name}, {"role", staff->role}}}});
}

}  // namespace

void add_kiosk_routes(Router& router, Store& store, LoginLimiter& logins) {
    router.kiosk_route("GET", "/api/v1/kiosk", "kiosk", whoami);
    router.kiosk_route("POST", "/api/v1/kiosks/heartbeat", "heartbeat",
                       [&store](const Call& call) { return heartbeat(store, call); });
    router.kiosk_route("GET", "/api/v1/track/([^/]+)", "track", [&store](const Call& call) { return track(store, call); });
    router.kiosk_route("POST", kCommunityRoute + "/staff/login", "staff_login",
                       [&store, &logins](const Call& call) { return login(store, logins, call); });
}

}  // namespace gongshi::server
