#include "support/server_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace gongshi::test {

namespace {

using namespace std::chrono_literals;

std::string read_first_line(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

std::filesystem::path make_temp_dir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "gongshi-server-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    return pattern;
}

}  // namespace

ServerProcess::ServerProcess(ServerConfig config) : config_(std::move(config)) {
    owns_dir_ = config_.data_dir.empty();
    data_dir_ = owns_dir_ ? make_temp_dir() : config_.data_dir;
    std::filesystem::create_directories(data_dir_);
    std::filesystem::remove(data_dir_ / "port");  // a stale one would point at a dead server
    spawn();
    try {
        wait_until_ready();
    } catch (...) {
        stop(1s);
        if (owns_dir_) std::filesystem::remove_all(data_dir_);
        throw;
    }
}

ServerProcess::~ServerProcess() {
    stop();
    if (owns_dir_) {
        std::error_code ec;
        std::filesystem::remove_all(data_dir_, ec);
    }
}

void ServerProcess::spawn() {
    std::vector<std::string> args{GONGSHI_SERVER_BINARY, "--port", "0", "--data", data_dir_.string()};
    if (!config_.demo.empty()) args.insert(args.end(), {"--demo", config_.demo});
    if (config_.enable_faults) args.emplace_back("--enable-faults");
    if (tls()) args.insert(args.end(), {"--cert", config_.cert_file.string(), "--key", config_.key_file.string()});
    args.insert(args.end(), config_.extra_args.begin(), config_.extra_args.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const std::string log = (data_dir_ / "server.log").string();
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    // The server blocks SIGINT/SIGTERM itself to take them with sigwait; start it with none
    // blocked whatever the test runner's mask is.
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
    const int rc = posix_spawn(&pid_, argv[0], &actions, &attr, argv.data(), environ);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) {
        pid_ = -1;
        throw std::runtime_error(std::string("cannot start ") + argv[0] + ": " + std::strerror(rc));
    }
}

void ServerProcess::wait_until_ready() {
    const auto deadline = std::chrono::steady_clock::now() + config_.startup_timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("gongshi-server exited during start-up:\n" + log_tail());
        }
        if (port_ == 0 && std::filesystem::exists(data_dir_ / "port")) {
            port_ = std::stoi(read_first_line(data_dir_ / "port"));
            kiosk_token_ = read_first_line(data_dir_ / "demo-kiosk.token");
            admin_token_ = read_first_line(data_dir_ / "admin.token");
        }
        if (port_ != 0) {
            auto cli = client();
            // Any answer at all means it is serving; 401 without demo data is fine too.
            if (auto res = cli.Get("/api/v1/kiosk", kiosk_headers())) return;
        }
        std::this_thread::sleep_for(20ms);
    }
    throw std::runtime_error("gongshi-server did not come up in time:\n" + log_tail());
}

httplib::Client ServerProcess::client() const {
    httplib::Client cli(base_url());
    cli.enable_server_certificate_verification(false);
    cli.set_connection_timeout(5s);
    cli.set_read_timeout(20s);
    cli.set_write_timeout(20s);
    return cli;
}

int ServerProcess::reap(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    do {
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return status;
        }
        std::this_thread::sleep_for(10ms);
    } while (std::chrono::steady_clock::now() < deadline);
    return -1;
}

int ServerProcess::stop(std::chrono::milliseconds grace) {
    if (pid_ <= 0) return 0;
    ::kill(pid_, SIGTERM);
    int status = reap(grace);
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        status = reap(10s);
    }
    return status;
}

void ServerProcess::kill_hard() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    reap(10s);
}

std::string ServerProcess::log_tail() const {
    std::ifstream in(data_dir_ / "server.log");
    std::stringstream all;
    all << in.rdbuf();
    const std::string text = all.str();
    return text.size() > 4000 ? text.substr(text.size() - 4000) : text;
}

}  // namespace gongshi::test
