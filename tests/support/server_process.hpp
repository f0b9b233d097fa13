// The real gongshi-server binary, started on a free port of 127.0.0.1 for an integration test
// and killed when the test is done. Usage:
//   gongshi::test::ServerProcess server(gongshi::test::ServerConfig().with_faults());
//   auto client = server.client();
//   auto res = client.Get("/api/v1/kiosk", server.kiosk_headers());
#pragma once

#include <httplib.h>
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace gongshi::test {

struct ServerConfig {
    std::string demo = "community";     // the --demo value; empty: no demo data
    bool enable_faults = false;
    std::filesystem::path data_dir;     // empty: a fresh temporary folder, removed afterwards
    std::vector<std::string> extra_args;
    std::filesystem::path cert_file, key_file;  // both set: the server speaks HTTPS
    std::chrono::seconds startup_timeout{180};  // the district preset takes a while to seed

    ServerConfig& with_faults() {
        enable_faults = true;
        return *this;
    }
    ServerConfig& in_dir(std::filesystem::path dir) {
        data_dir = std::move(dir);
        return *this;
    }
    ServerConfig& with_tls(std::filesystem::path cert, std::filesystem::path key) {
        cert_file = std::move(cert);
        key_file = std::move(key);
        return *this;
    }
};

class ServerProcess {
public:
    // Throws std::runtime_error (with the end of the server's log) if it does not come up.
    explicit ServerProcess(ServerConfig config = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    bool tls() const { return !config_.cert_file.empty(); }
    std::string base_url() const { return (tls() ? "https" : "http") + std::string("://127.0.0.1:") + std::to_string(port_); }
    const std::string& kiosk_token() const { return kiosk_token_; }
    const std::string& admin_token() const { return admin_token_; }
    const std::filesystem::path& data_dir() const { return data_dir_; }
    pid_t pid() const { return pid_; }

    // A client with bounded timeouts, so a misbehaving server fails a test instead of hanging
    // it. Over TLS it does not verify the (test's self-signed) certificate.
    httplib::Client client() const;
    httplib::Headers kiosk_headers() const { return bearer(kiosk_token_); }
    httplib::Headers admin_headers() const { return bearer(admin_token_); }
    static httplib::Headers bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

    // SIGTERM, then SIGKILL if it has not exited after `grace`. Returns the wait status.
    int stop(std::chrono::milliseconds grace = std::chrono::seconds(5));
    void kill_hard();  // SIGKILL, as a crash would
    bool running() const { return pid_ > 0; }
    std::string log_tail() const;

private:
    void spawn();
    void wait_until_ready();
    int reap(std::chrono::milliseconds timeout);

    ServerConfig config_;
    std::filesystem::path data_dir_;
    bool owns_dir_ = false;
    pid_t pid_ = -1;
    int port_ = 0;
    std::string kiosk_token_, admin_token_;
};

}  // namespace gongshi::test
