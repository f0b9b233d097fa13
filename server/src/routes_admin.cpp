// Operators' and tests' routes: the kiosk list, server-side edits of any entity, the purge
// horizon, extra kiosks and media, and (with --enable-faults) the fault board.
#include <limits>

#include "gongshi/text.hpp"
#include "routes.hpp"
#include "gongshi/tracking_code.hpp"

namespace gongshi::server {

namespace {

const std::string kEntityRoute = "/admin/communities/([^/]+)/entities/([a-z_]+)/([^/]+)";

Reply list_kiosks(Store& store) {
    const auto kiosks = store.read([](Session& s) { return s.kiosks.all(); });
    json out = json::array();
    for (const auto& k : kiosks) {
        out.push_back({{"kiosk_id", k.kiosk.id},
                       {"kiosk_code", k.kiosk.code},
                       {"community_id", k.kiosk.community_id},
                       {"last_heartbeat_at", k.heartbeat_at ? json(*k.heartbeat_at) : json(nullptr)},
                       {"heartbeat", k.heartbeat ? json::parse(*k.heartbeat) : json(nullptr)}});
    }
    return json_reply(200, {{"kiosks", std::move(out)}});
}

EntityKind kind_param(const Call& call) {
    const auto kind = parse_kind(call.param(2));
    if (!kind) throw ApiError(404, "not_found", "no entity kind " + call.param(2));
    return *kind;
}

// The body is the entity's data exactly as the feed carries it; the codec checks it.
Reply put_entity(Store& store, const Call& call) {
    const std::string cid = call.param(1), id = call.param(3);
    const EntityKind kind = kind_param(call);
    const json data = call.body();
    auto entity = decode(kind, data);
    if (!entity) throw ApiError(400, "invalid_field", entity.error());
    if (id_of(entity.value()) != id) throw bad_field("id", "differs from the id in the path");
    if (kind == EntityKind::community ? id != cid : data.value("community_id", cid) != cid)
        throw bad_field("community_id", "differs from the community in the path");
    const std::int64_t seq = store.write([&](Session& s) { return s.publish(cid, entity.value()); });
    return json_reply(200, {{"seq", seq}, {"data", encode(entity.value())}});
}

Reply delete_entity(Store& store, const Call& call) {
    const EntityKind kind = kind_param(call);
    const auto seq = store.write([&](Session& s) { return s.unpublish(call.param(1), kind, call.param(3)); });
    if (!seq) throw ApiError(404, "not_found", "no such entity");
    return json_reply(200, {{"seq", *seq}});
}

Reply get_entity(Store& store, const Call& call) {
    const EntityKind kind = kind_param(call);
    const auto data = store.read([&](Session& s) { return s.entities.get(call.param(1), kind_name(kind), call.param(3)); });
    if (!data) throw ApiError(404, "not_found", "no such entity");
    return Reply{200, *data, kJson, {}};
}

Reply wish_contact(Store& store, const Call& call) {
    const auto contact = store.read([&](Session& s) { return s.wish_contacts.get({call.param(1), call.param(2)}); });
    if (!contact) throw ApiError(404, "not_found", "no contact details for this wish");
    return json_reply(200, {{"display_name", contact->name}, {"phone", contact->phone}});
}

Reply move_horizon(Store& store, const Call& call) {
    const json body = call.req.body.empty() ? json::object() : call.body();
    const auto horizon = store.write([&](Session& s) {
        const std::int64_t to = body.contains("seq") ? required_int(body, "seq", 0, std::numeric_limits<std::int64_t>::max())
                                                     : s.entities.last_seq();
        return s.entities.move_horizon(to);
    });
    return json_reply(200, {{"horizon", horizon}});
}

Reply add_kiosk(Store& store, const Call& call) {
    const json body = call.body();
    const std::string cid = required_string(body, "community_id", 50);
    const auto code = optional_string(body, "kiosk_code", 4);
    if (code && !valid_kiosk_code(*code))
        throw bad_field("kiosk_code", "must be 2 to 4 characters of " + std::string(kCodeAlphabet));
    const auto kiosk = store.write([&](Session& s) -> std::optional<KioskRecord> {
        if (!s.entities.get(cid, kind_name(EntityKind::community), cid)) throw ApiError(404, "not_found", "no community " + cid);
        return s.kiosks.add(cid, code);
    });
    if (!kiosk) throw ApiError(409, "kiosk_code_taken", "another kiosk has this code");
    return json_reply(201, {{"kiosk_id", kiosk->id}, {"kiosk_code", kiosk->code}, {"community_id", kiosk->community_id},
                            {"token", kiosk->token}});
}

// Only the formats the kiosk decodes, recognised by their magic bytes.
std::optional<std::string> image_type(const std::string& bytes) {
    if (bytes.starts_with("\x89PNG\r\n\x1a\n")) return "image/png";
    if (bytes.starts_with("\xff\xd8\xff")) return "image/jpeg";
    return std::nullopt;
}

Reply add_media(Store& store, const Call& call) {
    const auto type = image_type(call.req.body);
    if (!type) throw ApiError(415, "unsupported_media_type", "media must be a PNG or JPEG image");
    const std::string sha = sha256_hex(call.req.body);
    store.write([&](Session& s) { s.media.put(sha, {*type, call.req.body}); });
    return json_reply(201, {{"sha256", sha}});
}

void add_fault_routes(Router& router, FaultBoard& faults) {
    router.admin_route("POST", "/admin/faults", [&faults](const Call& call) {
        return json_reply(201, {{"id", faults.add(faults.parse(call.body()))}});
    });
    router.admin_route("GET", "/admin/faults", [&faults](const Call&) { return json_reply(200, {{"faults", faults.list()}}); });
    router.admin_route("DELETE", "/admin/faults", [&faults](const Call&) {
        faults.clear();
        return empty_reply(204);
    });
    router.admin_route("DELETE", "/admin/faults/([0-9]+)", [&faults](const Call& call) {
        if (!faults.remove(std::stoll(call.param(1)))) throw ApiError(404, "not_found", "no such fault rule");
        return empty_reply(204);
    });
}

}  // namespace

void add_admin_routes(Router& router, Store& store, FaultBoard* faults) {
    router.operator_route("GET", "/api/v1/kiosks", "kiosks", [&store](const Call&) { return list_kiosks(store); });
    router.admin_route("PUT", kEntityRoute, [&store](const Call& call) { return put_entity(store, call); });
    router.admin_route("DELETE", kEntityRoute, [&store](const Call& call) { return delete_entity(store, call); });
    router.admin_route("GET", kEntityRoute, [&store](const Call& call) { return get_entity(store, call); });
    router.admin_route("GET", "/admin/communities/([^/]+)/wishes/([^/]+)/contact",
                       [&store](const Call& call) { return wish_contact(store, call); });
    router.admin_route("POST", "/admin/horizon", [&store](const Call& call) { return move_horizon(store, call); });
    router.admin_route("POST", "/admin/kiosks", [&store](const Call& call) { return add_kiosk(store, call); });
    router.admin_route("POST", "/admin/media", [&store](const Call& call) { return add_media(store, call); });
    if (faults) add_fault_routes(router, *faults);
}

}  // namespace gongshi::server
