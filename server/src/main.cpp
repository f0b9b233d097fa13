// gongshi-server: the reference central server. See server/README.md and docs/API.md.
#include <CLI/CLI.hpp>

#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include "gongshi/log_file.hpp"
#include "gongshi/server/server.hpp"

namespace {

// SIGINT/SIGTERM are blocked in every thread and taken by one thread with sigwait, which can
// then stop the server like any other caller (a signal handler could not safely).
sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"gongshi-server: the Gongshi reference central server"};
    gongshi::server::Options options;
    std::vector<std::string> presets;
    app.add_option("--demo", presets, "seed demo data into an empty data folder: community, district, or both")
        ->delimiter(',')
        ->check(CLI::IsMember({"community", "district"}));
    app.add_option("--port", options.port, "TCP port; 0 picks a free one (written to DIR/port)")->required();
    app.add_option("--data", options.data_dir, "data folder: server.db, port and token files")->required();
    app.add_option("--bind", options.bind, "address to listen on")->capture_default_str();
    app.add_option("--cert", options.cert_file, "TLS certificate (PEM); serve HTTPS with --key")->check(CLI::ExistingFile);
    app.add_option("--key", options.key_file, "TLS private key (PEM)")->check(CLI::ExistingFile);
    app.add_flag("--enable-faults", options.enable_faults, "enable the fault-injection admin routes (tests only)");
    app.add_option("--admin-token", options.admin_token, "admin bearer token (default: random, in DIR/admin.token)");
    std::string log_dir;
    app.add_option("--log-dir", log_dir, "also log to DIR/server.log, rotated at 2 MB, 5 files at most");
    CLI11_PARSE(app, argc, argv);
    std::unique_ptr<gongshi::LogFile> log_file;
    if (!log_dir.empty()) {
        auto opened = gongshi::LogFile::open(log_dir, "server");
        if (!opened) {
            std::cerr << "gongshi-server: " << opened.error() << '\n';
            return 1;
        }
        log_file = std::move(opened.value());
    }
    for (const auto& name : presets) options.demo.push_back(*gongshi::parse_preset(name));

    const sigset_t signals = stop_signals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread starts, so all inherit it

    auto server = gongshi::server::Server::start(options);
    if (!server) {
        std::cerr << "gongshi-server: " << server.error() << '\n';
        return 1;
    }
    for (const auto& line : server.value()->banner()) std::cout << line << '\n';
    std::cout.flush();

    std::thread stopper([&] {
        int signal = 0;
        sigwait(&signals, &signal);
        server.value()->stop();
    });
    server.value()->run();
    // run() also returns if listening fails: wake the stopper so it can be joined.
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    std::cout << "gongshi-server stopped" << std::endl;
    return 0;
}
