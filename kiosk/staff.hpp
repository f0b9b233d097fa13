// Who is logged in to staff mode on this kiosk. Held only in memory (App::staff): staff mode never
// survives a restart, and it ends after two minutes without a touch.
#pragma once

#include <string>

namespace gongshi::kiosk {

struct StaffSession {
    std::string staff_id;
    std::string name;
    std::string role;       // "staff" or "admin"
    double started_s = 0;   // App::clock seconds at login
};

}  // namespace gongshi::kiosk
