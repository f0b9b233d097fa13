#include "gongshi/sync/heartbeat.hpp"

#include <nlohmann/json.hpp>

#include "gongshi/time.hpp"

namespace gongshi::sync {

std::string heartbeat_body(const HeartbeatInfo& info) {
    nlohmann::json body{{"version", info.version},
                        {"last_sync_at", nullptr},
                        {"outbox_depth", info.outbox_depth},
                        {"dead_letters", info.dead_letters},
                        {"uptime_s", info.uptime_s},
                        {"free_disk_bytes", info.free_disk_bytes}};
    if (info.last_sync_unix) body["last_sync_at"] = format_timestamp({*info.last_sync_unix, 0});
    return body.dump();
}

std::optional<Failure> send_heartbeat(HttpClient& http, const ServerApi& api, const HeartbeatInfo& info) {
    const auto response = http.perform(api.request("POST", "/api/v1/kiosks/heartbeat", heartbeat_body(info)));
    if (!response) return Failure{FailureKind::network, "heartbeat: " + response.error()};
    if (response->status / 100 == 2) return std::nullopt;
    Failure f = status_failure(response.value());
    f.message = "heartbeat: " + f.message;
    return f;
}

}  // namespace gongshi::sync
