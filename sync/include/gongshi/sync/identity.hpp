// Who this kiosk is to the server (docs/API.md, "Kiosk identity"): GET /api/v1/kiosk gives the
// kiosk code, the prefix of every tracking code the kiosk makes offline. It is stored in the
// outbox file (Outbox::set_kiosk_code), which outlives a wiped cache.
#pragma once

#include <optional>
#include <string>

#include "gongshi/outbox.hpp"
#include "gongshi/sync/server_api.hpp"

namespace gongshi::sync {

struct KioskIdentity {
    std::string kiosk_id;
    std::string kiosk_code;
    std::string community_id;
};

Result<KioskIdentity> parse_kiosk_identity(std::string_view body);

// Asks the server and stores the code; a failure says why (network, refused token, bad answer,
// or the outbox file refusing the write).
std::optional<Failure> learn_kiosk_code(HttpClient& http, const ServerApi& api, Outbox& outbox);

}  // namespace gongshi::sync
