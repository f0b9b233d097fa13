#include "faults.hpp"

#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <memory>

namespace gongshi::server {

namespace {

constexpr std::array<std::pair<std::string_view, FaultKind>, 12> kKinds{{
    {"delay", FaultKind::delay},
    {"status_5xx", FaultKind::status_5xx},
    {"drop_connection", FaultKind::drop_connection},
    {"truncate", FaultKind::truncate},
    {"corrupt_json", FaultKind::corrupt_json},
    {"wrong_field_types", FaultKind::wrong_field_types},
    {"endless", FaultKind::endless},
    {"oversized", FaultKind::oversized},
    {"trickle", FaultKind::trickle},
    {"gone_410", FaultKind::gone_410},
    {"drop_after_commit", FaultKind::drop_after_commit},
    {"redirect_loop", FaultKind::redirect_loop},
}};

std::string_view name_of(FaultKind kind) {
    for (const auto& [name, k] : kKinds)
        if (k == kind) return name;
    return "?";
}

std::int64_t param(const FaultRule& rule, const char* name, std::int64_t fallback) {
    const auto it = rule.params.find(name);
    return (it != rule.params.end() && it->is_number_integer()) ? it->get<std::int64_t>() : fallback;
}

std::size_t size_param(const FaultRule& rule, const char* name, std::size_t fallback) {
    return static_cast<std::size_t>(std::max<std::int64_t>(0, param(rule, name, static_cast<std::int64_t>(fallback))));
}

}  // namespace

// ---- the board ------------------------------------------------------------------------------

void FaultBoard::declare_route(std::string name) {
    std::lock_guard lock(mutex_);
    routes_.insert(std::move(name));
}

FaultRule FaultBoard::parse(const json& body) const {
    FaultRule rule;
    rule.route = required_string(body, "route");
    if (rule.route != "*" && !routes_.contains(rule.route)) throw bad_field("route", "names no route: " + rule.route);
    const std::string kind = required_string(body, "kind");
    const auto found = std::find_if(kKinds.begin(), kKinds.end(), [&](const auto& k) { return k.first == kind; });
    if (found == kKinds.end()) throw bad_field("kind", "is not a fault kind: " + kind);
    rule.kind = found->second;
    if (const auto it = body.find("probability"); it != body.end()) {
        if (!it->is_number() || it->get<double>() < 0 || it->get<double>() > 1)
            throw bad_field("probability", "must be a number from 0 to 1");
        rule.probability = it->get<double>();
    }
    if (body.contains("count")) rule.remaining = required_int(body, "count", 1, 1'000'000'000);
    if (const auto it = body.find("params"); it != body.end()) {
        if (!it->is_object()) throw bad_field("params", "must be an object");
        rule.params = *it;
    }
    // Every parameter is a count (ms, bytes, a status) except the name of a field.
    for (const auto& [name, value] : rule.params.items()) {
        if (name == "field" ? !value.is_string() : !(value.is_number_integer() && value.get<std::int64_t>() >= 0))
            throw bad_field("params." + name, name == "field" ? "must be a string" : "must be a non-negative integer");
    }
    return rule;
}

std::int64_t FaultBoard::add(FaultRule rule) {
    std::lock_guard lock(mutex_);
    rule.id = next_id_++;
    rules_.push_back(std::move(rule));
    return rules_.back().id;
}

void FaultBoard::clear() {
    std::lock_guard lock(mutex_);
    rules_.clear();
}

bool FaultBoard::remove(std::int64_t id) {
    std::lock_guard lock(mutex_);
    return std::erase_if(rules_, [&](const FaultRule& r) { return r.id == id; }) > 0;
}

json FaultBoard::list() const {
    std::lock_guard lock(mutex_);
    json out = json::array();
    for (const auto& r : rules_) {
        out.push_back({{"id", r.id},
                       {"route", r.route},
                       {"kind", name_of(r.kind)},
                       {"probability", r.probability},
                       {"remaining", r.remaining ? json(*r.remaining) : json(nullptr)},
                       {"fired", r.fired},
                       {"params", r.params}});
    }
    return out;
}

std::optional<FaultRule> FaultBoard::pick(std::string_view route) {
    std::lock_guard lock(mutex_);
    std::uniform_real_distribution<double> dice(0.0, 1.0);
    for (auto& rule : rules_) {
        if ((rule.route != "*" && rule.route != route) || rule.remaining == 0) continue;
        if (rule.probability < 1.0 && dice(random_) >= rule.probability) continue;
        if (rule.remaining) --*rule.remaining;
        ++rule.fired;
        return rule;
    }
    return std::nullopt;
}

bool FaultBoard::sleep_for(std::chrono::milliseconds duration) {
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, duration, [&] { return stopping_; });
}

void FaultBoard::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
}

// ---- acting on a rule -----------------------------------------------------------------------

std::optional<Reply> reply_instead(const FaultRule& rule, const httplib::Request& req) {
    switch (rule.kind) {
        case FaultKind::status_5xx: {
            const int status = static_cast<int>(std::clamp<std::int64_t>(param(rule, "status", 503), 500, 599));
            ApiError e(status, "injected_fault", "fault injection: status " + std::to_string(status));
            if (rule.params.contains("retry_after")) e.retry_after_s = static_cast<int>(param(rule, "retry_after", 1));
            return error_reply(e);
        }
        case FaultKind::gone_410:
            return error_reply(ApiError(410, "cursor_expired", "fault injection: this cursor is no longer kept"));
        case FaultKind::redirect_loop: {
            Reply reply = empty_reply(static_cast<int>(param(rule, "status", 307)));
            reply.headers.emplace("Location", req.target);
            return reply;
        }
        default:
            return std::nullopt;
    }
}

namespace {

// Strings become numbers, numbers strings, booleans strings: valid JSON, wrong schema.
json swap_types(const json& j, const std::string& only, bool in_scope) {
    if (j.is_object()) {
        json out = json::object();
        for (const auto& [key, value] : j.items()) out[key] = swap_types(value, only, only.empty() || key == only || in_scope);
        return out;
    }
    if (j.is_array()) {
        json out = json::array();
        for (const auto& item : j) out.push_back(swap_types(item, only, in_scope));
        return out;
    }
    if (!in_scope) return j;
    if (j.is_string()) return j.get_ref<const std::string&>().size();
    if (j.is_number()) return j.dump();
    if (j.is_boolean()) return j.get<bool>() ? "true" : "false";
    return j;
}

// httplib does not give handlers their socket. Find it among our descriptors by the
// connection's two endpoints and shut it down: the client sees the connection close with no
// response at all, and the response httplib then tries to write goes nowhere.
void shut_down_connection(const httplib::Request& req) {
    auto endpoint = [](const sockaddr_storage& a, socklen_t len) -> std::pair<std::string, int> {
        char host[NI_MAXHOST], port[NI_MAXSERV];
        if (getnameinfo(reinterpret_cast<const sockaddr*>(&a), len, host, sizeof host, port, sizeof port,
                        NI_NUMERICHOST | NI_NUMERICSERV) != 0)
            return {"", -1};
        return {host, std::atoi(port)};
    };
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
        const int fd = std::atoi(entry.path().filename().c_str());
        sockaddr_storage local{}, peer{};
        socklen_t local_len = sizeof local, peer_len = sizeof peer;
        if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0 ||
            getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0)
            continue;
        if (endpoint(local, local_len).second == req.local_port &&
            endpoint(peer, peer_len) == std::pair(req.remote_addr, req.remote_port)) {
            ::shutdown(fd, SHUT_RDWR);
            return;
        }
    }
}

void send_head(const Reply& reply, httplib::Response& res) {
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers) res.set_header(name, value);
}

// A body of exactly `total` bytes: the real body with a "padding" member, so that a client
// without a size cap would accept it.
struct PaddedBody {
    std::string head, tail;
    char fill = ' ';

    PaddedBody(const std::string& body, std::size_t total) {
        if (body.size() > 1 && body.back() == '}' && total >= body.size() + 16) {
            head = body.substr(0, body.size() - 1) + ",\"padding\":\"";
            tail = "\"}";
            fill = 'x';
        } else {
            head = body;
        }
    }
    char at(std::size_t i, std::size_t total) const {
        if (i < head.size()) return head[i];
        if (i >= total - std::min(total, tail.size())) return tail[i - (total - tail.size())];
        return fill;
    }
};

void send_oversized(const FaultRule& rule, const Reply& reply, httplib::Response& res) {
    send_head(reply, res);
    const std::size_t total = size_param(rule, "bytes", 64u << 20);
    auto body = std::make_shared<PaddedBody>(reply.body, total);
    res.set_content_provider(total, reply.content_type, [body, total](std::size_t offset, std::size_t length,
                                                                      httplib::DataSink& sink) {
        std::string chunk(std::min<std::size_t>(length, 64 * 1024), ' ');
        for (std::size_t i = 0; i < chunk.size(); ++i) chunk[i] = body->at(offset + i, total);
        return sink.write(chunk.data(), chunk.size());
    });
}

void send_endless(const Reply& reply, httplib::Response& res) {
    send_head(reply, res);
    std::string block;
    while (block.size() < 64 * 1024) block += R"({"id":"endless","kind":"grid","op":"delete"},)";
    res.set_chunked_content_provider(reply.content_type, [block = std::move(block)](std::size_t offset,
                                                                                    httplib::DataSink& sink) {
        if (offset == 0 && !sink.write(R"({"changes":[)", 12)) return false;
        return sink.write(block.data(), block.size());
    });
}

void send_partial(const FaultRule& rule, const Reply& reply, httplib::Response& res) {
    send_head(reply, res);
    const std::size_t keep = std::min(size_param(rule, "after_bytes", reply.body.size() / 2), reply.body.size());
    res.set_content_provider(reply.body.size(), reply.content_type,
                             [body = reply.body, keep](std::size_t, std::size_t, httplib::DataSink& sink) {
                                 sink.write(body.data(), keep);
                                 return false;  // abort: httplib closes the connection mid-body
                             });
}

void send_trickle(const FaultRule& rule, const Reply& reply, httplib::Response& res, FaultBoard& board) {
    send_head(reply, res);
    const auto interval = std::chrono::milliseconds(param(rule, "interval_ms", 1000));
    const std::size_t step = std::max<std::size_t>(1, size_param(rule, "bytes", 1));
    res.set_content_provider(reply.body.size(), reply.content_type,
                             [body = reply.body, interval, step, &board](std::size_t offset, std::size_t length,
                                                                          httplib::DataSink& sink) {
                                 if (!board.sleep_for(interval)) return false;
                                 return sink.write(body.data() + offset, std::min(step, length));
                             });
}

}  // namespace

void send_mangled(const FaultRule& rule, Reply reply, const httplib::Request& req, httplib::Response& res,
                  FaultBoard& board) {
    switch (rule.kind) {
        case FaultKind::truncate:
            reply.body.resize(std::min(size_param(rule, "keep_bytes", reply.body.size() / 2), reply.body.size()));
            break;
        case FaultKind::corrupt_json:
            for (std::size_t at : {reply.body.size() / 3, reply.body.size() / 2, reply.body.size() * 2 / 3})
                if (at < reply.body.size()) reply.body[at] = '\x01';
            break;
        case FaultKind::wrong_field_types:
            if (json j = json::parse(reply.body, nullptr, false); !j.is_discarded())
                reply.body = swap_types(j, rule.params.value("field", std::string()), false).dump();
            break;
        case FaultKind::drop_after_commit: shut_down_connection(req); break;
        // These stream the body themselves, never compressed, so byte counts are exact.
        case FaultKind::drop_connection: return send_partial(rule, reply, res);
        case FaultKind::endless: return send_endless(reply, res);
        case FaultKind::oversized: return send_oversized(rule, reply, res);
        case FaultKind::trickle: return send_trickle(rule, reply, res, board);
        default: break;
    }
    send(std::move(reply), req, res);
}

}  // namespace gongshi::server
