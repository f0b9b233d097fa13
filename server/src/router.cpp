#include "router.hpp"

#include <sodium.h>

#include <algorithm>
#include <memory>

#include "gongshi/log.hpp"
#include "gongshi/text.hpp"

namespace gongshi::server {

namespace {

constexpr std::string_view kCommunityPrefix = "/api/v1/communities/";

bool same_token(const std::string& a, const std::string& b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool is_loopback(const std::string& address) {
    return address.starts_with("127.") || address == "::1" || address.starts_with("::ffff:127.");
}

std::string bearer_token(const httplib::Request& req) {
    constexpr std::string_view kScheme = "Bearer ";
    const std::string header = req.get_header_value("Authorization");
    if (!header.starts_with(kScheme) || header.size() == kScheme.size())
        throw ApiError(401, "unauthorized", "this request needs an Authorization: Bearer token");
    return header.substr(kScheme.size());
}

// Printable ASCII, no spaces: what clients generate (UUIDs, ULIDs) and what logs show intact.
std::string idempotency_key(const httplib::Request& req) {
    const std::string key = req.get_header_value("Idempotency-Key");
    if (key.empty()) throw ApiError(400, "missing_idempotency_key", "this request needs an Idempotency-Key header");
    const bool printable = std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c < 127; });
    if (key.size() > 200 || !printable)
        throw ApiError(400, "invalid_idempotency_key", "an Idempotency-Key is 1 to 200 printable ASCII characters");
    return key;
}

// Gives an Idempotency-Key back when its request could not be processed, so a retry can be.
class ClaimRelease {
public:
    ClaimRelease(Store& store, std::string kiosk_id, std::string key)
        : store_(store), kiosk_id_(std::move(kiosk_id)), key_(std::move(key)) {}
    ~ClaimRelease() {
        if (kept_) return;
        try {
            store_.write([&](Session& s) { s.idempotency.release(kiosk_id_, key_); });
        } catch (const std::exception& e) {
            log(LogLevel::error, std::string("cannot release an idempotency key: ") + e.what());
        }
    }
    ClaimRelease(const ClaimRelease&) = delete;
    ClaimRelease& operator=(const ClaimRelease&) = delete;
    void keep() { kept_ = true; }

private:
    Store& store_;
    std::string kiosk_id_, key_;
    bool kept_ = false;
};

}  // namespace

Router::Router(httplib::Server& http, Store& store, FaultBoard* faults, std::string admin_token)
    : http_(http), store_(store), faults_(faults), admin_token_(std::move(admin_token)) {}

void Router::kiosk_route(const std::string& method, const std::string& pattern, std::string name, Handler handler) {
    add(method, pattern, Route{std::move(name), Access::kiosk, false, std::move(handler), nullptr});
}

void Router::push_route(const std::string& method, const std::string& pattern, std::string name,
                        WriteHandler handler) {
    add(method, pattern, Route{std::move(name), Access::kiosk, false, nullptr, std::move(handler)});
}

void Router::operator_route(const std::string& method, const std::string& pattern, std::string name,
                            Handler handler) {
    add(method, pattern, Route{std::move(name), Access::admin_anywhere, false, std::move(handler), nullptr});
}

void Router::admin_route(const std::string& method, const std::string& pattern, Handler handler) {
    add(method, pattern, Route{"", Access::admin_loopback, false, std::move(handler), nullptr});
}

void Router::add(const std::string& method, const std::string& pattern, Route route) {
    route.scoped = pattern.starts_with(kCommunityPrefix);
    if (faults_ && !route.name.empty()) faults_->declare_route(route.name);
    auto shared = std::make_shared<const Route>(std::move(route));
    httplib::Server::Handler handler = [this, shared](const httplib::Request& req, httplib::Response& res) {
        dispatch(*shared, req, res);
    };
    if (method == "GET") http_.Get(pattern, std::move(handler));
    else if (method == "POST") http_.Post(pattern, std::move(handler));
    else if (method == "PUT") http_.Put(pattern, std::move(handler));
    else if (method == "DELETE") http_.Delete(pattern, std::move(handler));
    else throw std::logic_error("unsupported method " + method);
}

Call Router::authorize(const Route& route, const httplib::Request& req) {
    const std::string token = bearer_token(req);
    Call call{req, std::nullopt, {}};
    if (route.access != Access::kiosk) {
        if (!same_token(token, admin_token_)) {
            if (store_.read([&](Session& s) { return s.kiosks.by_token(token).has_value(); }))
                throw ApiError(403, "admin_token_required", "this route is for operators");
            throw ApiError(401, "unauthorized", "the bearer token is not valid");
        }
        if (route.access == Access::admin_loopback && !is_loopback(req.remote_addr))
            throw ApiError(403, "loopback_only", "admin routes answer on the loopback interface only");
        return call;
    }
    call.kiosk = store_.read([&](Session& s) { return s.kiosks.by_token(token); });
    if (!call.kiosk) {
        if (same_token(token, admin_token_)) throw ApiError(403, "kiosk_token_required", "this route is for kiosks");
        throw ApiError(401, "unauthorized", "the bearer token is not valid");
    }
    if (route.scoped) {
        call.community_id = call.param(1);
        if (call.community_id != call.kiosk->community_id)
            throw ApiError(403, "wrong_community", "this kiosk serves community " + call.kiosk->community_id);
    }
    return call;
}

void Router::pause(const std::optional<FaultRule>& fault) {
    if (fault && fault->kind == FaultKind::delay)
        faults_->sleep_for(std::chrono::milliseconds(fault->params.value("ms", std::int64_t{1000})));
}

Reply Router::run_push(const Route& route, const Call& call, const std::optional<FaultRule>& fault) {
    const std::string& kiosk_id = call.kiosk->id;
    const std::string key = idempotency_key(call.req);
    const std::string hash = sha256_hex(call.req.method + " " + call.req.path + "\n" + call.req.body);
    const auto earlier = store_.write([&](Session& s) {
        auto found = s.idempotency.find(kiosk_id, key);
        if (!found) s.idempotency.claim(kiosk_id, key, hash);
        return found;
    });
    if (earlier) {
        if (earlier->request_hash != hash)
            throw ApiError(422, "idempotency_key_reused", "this Idempotency-Key was used for a different request");
        if (!earlier->status) {
            ApiError busy(409, "request_in_flight", "the first request with this Idempotency-Key is still being processed");
            busy.retry_after_s = 1;
            throw busy;
        }
        Reply replay{*earlier->status, earlier->body, kJson, {}};
        replay.headers.emplace("Idempotent-Replayed", "true");
        return replay;
    }
    ClaimRelease claim(store_, kiosk_id, key);
    pause(fault);  // after the claim, so a delayed request is visibly "in flight"
    Reply reply;
    try {
        reply = store_.write([&](Session& s) {
            Reply r = route.write_handler(call, s);
            s.idempotency.finish(kiosk_id, key, r.status, r.body);
            return r;
        });
    } catch (const ApiError& e) {
        if (e.status >= 500) throw;  // not recorded: the retry is processed afresh
        reply = error_reply(e);
        store_.write([&](Session& s) { s.idempotency.finish(kiosk_id, key, reply.status, reply.body); });
    }
    claim.keep();
    return reply;
}

Reply Router::answer(const Route& route, const Call& call, const std::optional<FaultRule>& fault) {
    try {
        if (route.write_handler) return run_push(route, call, fault);
        pause(fault);
        return route.handler(call);
    } catch (const ApiError& e) {
        return error_reply(e);
    }
}

void Router::dispatch(const Route& route, const httplib::Request& req, httplib::Response& res) {
    try {
        const Call call = authorize(route, req);
        std::optional<FaultRule> fault;
        if (faults_ && !route.name.empty()) fault = faults_->pick(route.name);
        if (fault) {
            if (auto instead = reply_instead(*fault, req)) return send(std::move(*instead), req, res);
        }
        Reply reply = answer(route, call, fault);
        if (fault) send_mangled(*fault, std::move(reply), req, res, *faults_);
        else send(std::move(reply), req, res);
    } catch (const ApiError& e) {
        send(error_reply(e), req, res);
    } catch (const std::exception& e) {
        // A named route by its name, not its path: GET /track/{code} holds what a resident typed.
        // Unnamed routes are the admin ones, whose paths hold only ids.
        const std::string where = route.name.empty() ? req.method + " " + req.path : "route " + route.name;
        log(LogLevel::error, "internal error on " + where + ": " + e.what());
        send(error_reply(ApiError(500, "internal_error", "the server failed to process this request")), req, res);
    }
}

}  // namespace gongshi::server
