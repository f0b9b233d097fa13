// Every route of the server goes through here: authentication, the community scope of
// /api/v1/communities/{cid}/... routes, fault injection, Idempotency-Key handling, and the one
// error shape. Handlers stay small: they read a Call and return a Reply (or throw ApiError).
#pragma once

#include <httplib.h>

#include <functional>
#include <optional>
#include <string>

#include "faults.hpp"
#include "kiosk_table.hpp"
#include "reply.hpp"
#include "store.hpp"

namespace gongshi::server {

struct Call {
    const httplib::Request& req;
    std::optional<KioskRecord> kiosk;  // the caller, on kiosk routes
    std::string community_id;          // {cid} of /api/v1/communities/{cid}/... routes

    std::string param(std::size_t i) const { return req.matches[static_cast<int>(i)].str(); }
    json body() const { return parse_object(req.body); }
};

using Handler = std::function<Reply(const Call&)>;
// Runs inside the transaction that also stores the response for the Idempotency-Key.
using WriteHandler = std::function<Reply(const Call&, Session&)>;

class Router {
public:
    Router(httplib::Server& http, Store& store, FaultBoard* faults, std::string admin_token);

    // A kiosk route of the v1 API; `name` is what fault rules target.
    void kiosk_route(const std::string& method, const std::string& pattern, std::string name, Handler handler);
    // A kiosk push route: requires an Idempotency-Key (docs/API.md, "Idempotency").
    void push_route(const std::string& method, const std::string& pattern, std::string name, WriteHandler handler);
    // Operators' routes: the admin token from any address.
    void operator_route(const std::string& method, const std::string& pattern, std::string name, Handler handler);
    // /admin/...: the admin token, from loopback only, never faulted.
    void admin_route(const std::string& method, const std::string& pattern, Handler handler);

private:
    enum class Access { kiosk, admin_anywhere, admin_loopback };
    struct Route {
        std::string name;  // empty: never faulted
        Access access = Access::kiosk;
        bool scoped = false;  // the first path parameter is a community id
        Handler handler;
        WriteHandler write_handler;  // set for push routes
    };

    void add(const std::string& method, const std::string& pattern, Route route);
    void dispatch(const Route& route, const httplib::Request& req, httplib::Response& res);
    Call authorize(const Route& route, const httplib::Request& req);
    Reply answer(const Route& route, const Call& call, const std::optional<FaultRule>& fault);
    Reply run_push(const Route& route, const Call& call, const std::optional<FaultRule>& fault);
    void pause(const std::optional<FaultRule>& fault);

    httplib::Server& http_;
    Store& store_;
    FaultBoard* faults_;  // null unless --enable-faults
    std::string admin_token_;
};

}  // namespace gongshi::server
