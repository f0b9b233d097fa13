#include "staff_actions.hpp"

#include <nlohmann/json.hpp>

#include "app.hpp"
#include "local_time.hpp"

namespace gongshi::kiosk {

std::string now_rfc3339(const App& app) {
    return format_timestamp(local_timestamp(app.clock.unix_seconds(), app.time_zone));
}

std::string community_path(const App& app, std::string_view tail) {
    return "/api/v1/communities/" + app.config.community_id + std::string(tail);
}

Status queue_write(App& app, std::string kind, std::string method, std::string path, std::string body) {
    if (!app.outbox) return Status::failure("outbox unavailable: " + app.outbox_error);
    auto queued = app.outbox->enqueue({std::move(kind), std::move(method), std::move(path), std::move(body)},
                                      app.clock.unix_seconds());
    if (!queued) return Status::failure(queued.error());
    return success();
}

Status record_staff_action(App& app, std::string_view action, std::string_view target_kind,
                           std::string_view target_id, std::string_view detail) {
    if (!app.staff) return Status::failure("no staff member is logged in");
    nlohmann::json body = {{"staff_id", app.staff->staff_id}, {"action", action}, {"at", now_rfc3339(app)}};
    if (!target_kind.empty()) body["target_kind"] = target_kind;
    if (!target_id.empty()) body["target_id"] = target_id;
    if (!detail.empty()) body["detail"] = detail;
    return queue_write(app, "staff_action", "POST", community_path(app, "/staff-actions"), body.dump());
}

}  // namespace gongshi::kiosk
