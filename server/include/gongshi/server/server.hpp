// The reference central server (docs/API.md) as a library: gongshi-server is a thin command
// line around it, and tests may run it in-process.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "gongshi/demo_data.hpp"
#include "gongshi/result.hpp"

namespace gongshi::server {

struct Options {
    std::vector<DemoPreset> demo;     // seeded into an empty data folder
    std::filesystem::path data_dir;   // holds server.db and the files listed in start()
    std::string bind = "127.0.0.1";
    int port = 0;                     // 0: any free port
    std::string cert_file, key_file;  // both set: serve HTTPS
    bool enable_faults = false;       // the /admin/faults board (tests only)
    std::string admin_token;          // empty: a random one for this run
};

class Server {
public:
    // Opens (or creates) data_dir/server.db, seeds the demo presets into an empty one, binds
    // the port, and writes for whoever started it:
    //   port                 the port actually bound
    //   demo-kiosk.token     the first demo kiosk's bearer token
    //   kiosk-<cid>.token    the first kiosk token of every community
    //   admin.token          the admin token
    static Result<std::unique_ptr<Server>> start(const Options& options);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    int port() const;
    std::string url() const;
    // What gongshi-server prints on start: the URL, the demo kiosk tokens, the demo staff PINs.
    std::vector<std::string> banner() const;

    void run();   // serves until stop()
    void stop();  // from any thread

private:
    struct Impl;
    explicit Server(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace gongshi::server
