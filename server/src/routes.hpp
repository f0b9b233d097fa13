// The server's routes, by area (docs/API.md has the contract each one implements).
#pragma once

#include "faults.hpp"
#include "login_limiter.hpp"
#include "router.hpp"
#include "store.hpp"

namespace gongshi::server {

void add_feed_routes(Router& router, Store& store);                          // changes, media
void add_push_routes(Router& router);                                        // wishes, notices, reviews, staff actions
void add_kiosk_routes(Router& router, Store& store, LoginLimiter& logins);   // whoami, heartbeat, track, login
void add_admin_routes(Router& router, Store& store, FaultBoard* faults);     // /admin/..., GET /api/v1/kiosks

// Routes whose first path parameter is {cid}.
inline const std::string kCommunityRoute = "/api/v1/communities/([^/]+)";

}  // namespace gongshi::server
