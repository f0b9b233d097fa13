// Staff writes go through the outbox, so they work offline and reach the server exactly once
// (docs/API.md, push routes). These build the requests; the screens only say what was done.
#pragma once

#include <string>
#include <string_view>

#include "gongshi/result.hpp"

namespace gongshi::kiosk {

struct App;

// Where "now" comes from and which community this kiosk serves, for every staff write. "now" is in
// the community's local time, +08:00 when the kiosk has no zone data, as everywhere on the kiosk.
std::string now_rfc3339(const App& app);
std::string community_path(const App& app, std::string_view tail);  // "/api/v1/communities/{cid}" + tail

// Queues one push request (kind as OutboxRequest::kind). Fails, saying why, without an outbox.
Status queue_write(App& app, std::string kind, std::string method, std::string path, std::string body);

// The audit line of one staff action (POST …/staff-actions), by the logged-in staff member.
// Fails without a staff session. `detail` must not hold what a resident typed.
Status record_staff_action(App& app, std::string_view action, std::string_view target_kind = {},
                           std::string_view target_id = {}, std::string_view detail = {});

}  // namespace gongshi::kiosk
