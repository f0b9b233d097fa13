#include "gongshi/server/server.hpp"

#include <httplib.h>
#include <sodium.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <fstream>
#include <thread>

#include "faults.hpp"
#include "login_limiter.hpp"
#include "random_token.hpp"
#include "router.hpp"
#include "routes.hpp"
#include "seed.hpp"
#include "store.hpp"

namespace gongshi::server {

namespace {

// Threads serve one connection each (keep-alive included); trickling and endless fault
// responses hold theirs for long, so leave plenty.
constexpr std::size_t kThreads = 64;

// Written to a temporary name and renamed, so a reader never sees half a file.
Status write_file(const std::filesystem::path& path, const std::string& content) {
    const auto temp = path.string() + ".tmp";
    {
        std::ofstream out(temp, std::ios::trunc);
        out << content << '\n';
        if (!out.flush()) return Status::failure("cannot write " + temp);
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) return Status::failure("cannot write " + path.string() + ": " + ec.message());
    return success();
}

Date today_in_shanghai() {
    const auto zone = TimeZone::load("Asia/Shanghai");
    const auto seconds = now().unix_seconds;
    return zone ? zone->local_date(seconds) : civil_from_days(seconds / 86400);
}

ApiError status_error(int status) {
    if (status == 404) return ApiError(404, "not_found", "no such route");
    if (status == 413) return ApiError(413, "payload_too_large", "the request body is too large");
    return ApiError(status, "bad_request", "the request could not be understood");
}

std::unique_ptr<httplib::Server> make_http(const Options& options) {
    if (options.cert_file.empty() != options.key_file.empty())
        throw std::runtime_error("--cert and --key go together");
    std::unique_ptr<httplib::Server> http;
    if (options.cert_file.empty()) http = std::make_unique<httplib::Server>();
    else http = std::make_unique<httplib::SSLServer>(options.cert_file.c_str(), options.key_file.c_str());
    if (!http->is_valid()) throw std::runtime_error("cannot load the TLS certificate or key");
    // Bounded waits everywhere: nothing a client does (or stops doing) holds a thread for long.
    http->set_read_timeout(10, 0);
    http->set_write_timeout(10, 0);
    http->set_keep_alive_timeout(5);
    // httplib writes headers and body separately: with Nagle on, the tail of each response
    // waits for the client's delayed ACK (40 ms a request on Linux).
    http->set_tcp_nodelay(true);
    http->set_keep_alive_max_count(1000);
    http->set_payload_max_length(16u << 20);
    http->new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
    // Requests no route took (unknown path, bad request line, too large) get the error shape too.
    http->set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        send(error_reply(status_error(res.status)), req, res);
        return httplib::Server::HandlerResponse::Handled;
    }));
    return http;
}

}  // namespace

struct Server::Impl {
    Options options;
    std::unique_ptr<Store> store;
    std::unique_ptr<FaultBoard> faults;  // null unless enabled
    LoginLimiter logins;
    std::unique_ptr<httplib::Server> http;  // declared after what it serves: destroyed before it
    std::unique_ptr<Router> router;
    int port = 0;
    std::atomic<bool> running{false}, stopping{false};

    std::vector<KioskRecord> first_kiosks() const;  // one per community
    void write_files() const;
};

std::vector<KioskRecord> Server::Impl::first_kiosks() const {
    return store->read([](Session& s) {
        std::vector<KioskRecord> kiosks;
        for (const auto& cid : s.entities.community_ids())
            if (auto kiosk = s.kiosks.first_of(cid)) kiosks.push_back(std::move(*kiosk));
        return kiosks;
    });
}

void Server::Impl::write_files() const {
    std::vector<std::pair<std::string, std::string>> files{{"admin.token", options.admin_token}};
    const auto kiosks = first_kiosks();
    if (!kiosks.empty()) files.emplace_back("demo-kiosk.token", kiosks.front().token);
    for (const auto& kiosk : kiosks) files.emplace_back("kiosk-" + kiosk.community_id + ".token", kiosk.token);
    files.emplace_back("port", std::to_string(port));  // last: its presence means the rest is ready
    for (const auto& [name, content] : files)
        if (auto s = write_file(options.data_dir / name, content); !s) throw std::runtime_error(s.error());
}

Result<std::unique_ptr<Server>> Server::start(const Options& options) {
    using R = Result<std::unique_ptr<Server>>;
    if (sodium_init() < 0) return R::failure("libsodium cannot initialise");
    // A client that hangs up mid-response must not kill the process (httplib sends without
    // MSG_NOSIGNAL).
    std::signal(SIGPIPE, SIG_IGN);
    auto impl = std::make_unique<Impl>();
    impl->options = options;
    if (impl->options.admin_token.empty()) impl->options.admin_token = random_token();
    try {
        std::filesystem::create_directories(options.data_dir);
        auto store = Store::open(options.data_dir / "server.db");
        if (!store) return R::failure(store.error());
        impl->store = std::move(store.value());
        seed_demo(*impl->store, options.demo, today_in_shanghai());
        if (options.enable_faults) impl->faults = std::make_unique<FaultBoard>();
        impl->http = make_http(options);
        impl->router = std::make_unique<Router>(*impl->http, *impl->store, impl->faults.get(), impl->options.admin_token);
        add_feed_routes(*impl->router, *impl->store);
        add_push_routes(*impl->router);
        add_kiosk_routes(*impl->router, *impl->store, impl->logins);
        add_admin_routes(*impl->router, *impl->store, impl->faults.get());
        impl->port = options.port == 0 ? impl->http->bind_to_any_port(options.bind)
                                       : (impl->http->bind_to_port(options.bind, options.port) ? options.port : -1);
        if (impl->port <= 0) return R::failure("cannot bind " + options.bind + ":" + std::to_string(options.port));
        impl->write_files();
    } catch (const std::exception& e) {
        return R::failure(e.what());
    }
    return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() { stop(); }

int Server::port() const { return impl_->port; }

std::string Server::url() const {
    const bool tls = !impl_->options.cert_file.empty();
    return std::string(tls ? "https" : "http") + "://" + impl_->options.bind + ":" + std::to_string(impl_->port);
}

std::vector<std::string> Server::banner() const {
    std::vector<std::string> lines{"gongshi-server listening on " + url()};
    for (const auto& kiosk : impl_->first_kiosks())
        lines.push_back("demo kiosk token: " + kiosk.token + " (kiosk " + kiosk.code + ", community " + kiosk.community_id + ")");
    for (const auto& pin : impl_->store->read([](Session& s) { return s.demo_pins.all(); }))
        lines.push_back("demo staff PIN: " + pin.pin + " (staff " + pin.staff_id + ", community " + pin.community_id + ")");
    lines.push_back("admin token: " + impl_->options.admin_token);
    if (impl_->faults) lines.push_back("fault injection: ENABLED (POST /admin/faults)");
    return lines;
}

void Server::run() {
    impl_->running = true;
    if (!impl_->stopping) impl_->http->listen_after_bind();
    impl_->running = false;
}

void Server::stop() {
    impl_->stopping = true;
    if (impl_->faults) impl_->faults->stop();
    // httplib's stop() does nothing before its listen loop is up: if run() is on its way
    // there, wait for it rather than lose the stop.
    while (impl_->running && !impl_->http->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    impl_->http->stop();
}

}  // namespace gongshi::server
