// The heartbeat (docs/API.md, "Heartbeat"): how operators see every kiosk's health. Nothing in
// it is personal: counts, times and sizes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "gongshi/sync/server_api.hpp"

namespace gongshi::sync {

struct HeartbeatInfo {
    std::string version;
    std::optional<std::int64_t> last_sync_unix;
    int outbox_depth = 0;
    int dead_letters = 0;
    std::int64_t uptime_s = 0;
    std::uintmax_t free_disk_bytes = 0;
};

std::string heartbeat_body(const HeartbeatInfo& info);
std::optional<Failure> send_heartbeat(HttpClient& http, const ServerApi& api, const HeartbeatInfo& info);

}  // namespace gongshi::sync
