#include "gongshi/sync/identity.hpp"

#include <nlohmann/json.hpp>

namespace gongshi::sync {

Result<KioskIdentity> parse_kiosk_identity(std::string_view body) {
    const auto j = nlohmann::json::parse(body, nullptr, false);
    auto text = [&](const char* key) -> std::optional<std::string> {
        if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return std::nullopt;
        return j[key].get<std::string>();
    };
    const auto id = text("kiosk_id"), code = text("kiosk_code"), community = text("community_id");
    if (!id || !code || !community) return Result<KioskIdentity>::failure("kiosk identity: not the documented shape");
    return KioskIdentity{*id, *code, *community};
}

std::optional<Failure> learn_kiosk_code(HttpClient& http, const ServerApi& api, Outbox& outbox) {
    const auto response = http.perform(api.request("GET", "/api/v1/kiosk"));
    if (!response) return Failure{FailureKind::network, "kiosk identity: " + response.error()};
    if (response->status != 200) {
        Failure f = status_failure(response.value());
        f.message = "kiosk identity: " + f.message;
        return f;
    }
    const auto identity = parse_kiosk_identity(response->body);
    if (!identity) return Failure{FailureKind::protocol, identity.error()};
    if (identity->community_id != api.community_id())
        return Failure{FailureKind::protocol, "kiosk identity: the token belongs to community " +
                                                  identity->community_id + ", not " + api.community_id()};
    if (outbox.kiosk_code() == identity->kiosk_code) return std::nullopt;
    if (auto stored = outbox.set_kiosk_code(identity->kiosk_code); !stored)
        return Failure{FailureKind::storage, "kiosk identity: " + stored.error()};
    return std::nullopt;
}

}  // namespace gongshi::sync
