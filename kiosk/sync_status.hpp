// What the sync engine tells the UI about itself, shown in the status bar. The sync thread sends
// a fresh copy through the UI queue whenever it changes; the UI never reads the engine directly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace gongshi::kiosk {

struct SyncStatus {
    enum class Connection {
        no_engine,  // running from a cache file alone: the data may be stale, shown as offline
        online,
        offline,    // the server is unreachable; cached data keeps being shown
    };
    Connection connection = Connection::no_engine;
    std::optional<std::int64_t> last_success_unix;
    int outbox_depth = 0;   // residents' submissions not yet acknowledged by the server
    std::string last_error;  // for staff, never for residents
    bool auth_alert = false;  // the server refuses this kiosk's token: the outbox is paused (sync health)

    bool shows_offline_badge() const { return connection != Connection::online; }
};

}  // namespace gongshi::kiosk
