// What the sync tests share: temporary folders, test-sized bounds, the server's admin API, and
// canonical states of the server and of a cache to compare.
#pragma once

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "gongshi/cache.hpp"
#include "gongshi/sync/session.hpp"
#include "server/api_test_util.hpp"
#include "support/server_process.hpp"

namespace gongshi::test {

// The value of a result a test cannot go on without; throws (failing the test) otherwise.
template <class T>
T take(Result<T> result) {
    if (!result) throw std::runtime_error(result.error());
    return std::move(result.value());
}

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// A w x h PNG; `shade` makes different pictures (and so different hashes).
std::string png_bytes(int width, int height, int shade = 0x80);

// Short enough to keep the suite fast, generous enough for a slow, loaded machine.
sync::HttpConfig test_http();
sync::SyncSettings settings_for(const ServerProcess& server, const TempDir& dir);

// Canonical state: "kind/id" -> the entity as the codec encodes it.
using State = std::map<std::string, std::string>;
// Functions with a `community` parameter default to the community preset's; the district
// preset's is "c-district".
State server_state(const ServerProcess& server, const std::string& community = kCommunity);  // the feed from 0
State cache_state(const Cache& cache);
State cache_state(const std::string& cache_path);
// The entities of one kind in a state, ordered by id.
std::vector<Entity> entities_of(const State& state, EntityKind kind);
// The first differences, readable in a test failure; empty when equal.
std::string state_diff(const State& expected, const State& actual);

// The admin API (docs/API.md, "Admin").
void add_fault(const ServerProcess& server, const json& rule);
void clear_faults(const ServerProcess& server);
void put_entity(const ServerProcess& server, const Entity& entity, const std::string& community = kCommunity);
void delete_entity(const ServerProcess& server, EntityKind kind, const std::string& id);
std::optional<json> get_entity(const ServerProcess& server, EntityKind kind, const std::string& id);
std::string add_media(const ServerProcess& server, const std::string& bytes);  // returns the sha256
void move_horizon(const ServerProcess& server);

// PRAGMA integrity_check of a SQLite file: "ok" or what is wrong.
std::string integrity(const std::string& db_path);

// A valid tracking code of kiosk `kiosk_code`, the n-th of a test.
std::string tracking_code(const std::string& kiosk_code, int n);
OutboxRequest wish_outbox_request(const std::string& code, const std::string& community = kCommunity);

// One server (community preset, faults enabled) per test suite, since starting one takes about a
// second; faults are cleared after each test. Each test has its own folder for the kiosk's files.
class ServerSuite : public ::testing::Test {
protected:
    static void SetUpTestSuite();
    static void TearDownTestSuite();
    void TearDown() override;

    static ServerProcess& server() { return *server_; }
    sync::SyncSettings settings() const { return settings_for(server(), dir_); }
    // Throws (failing the test) when the files cannot be opened.
    std::unique_ptr<sync::SyncSession> open_session(const sync::SyncSettings& settings);
    // A tracking code no other test of this server has used.
    static std::string fresh_tracking_code() { return tracking_code(kKioskCode, ++codes_used_); }

    TempDir dir_;
    sync::SystemClock clock_;

private:
    static inline ServerProcess* server_ = nullptr;
    static inline int codes_used_ = 0;
};

}  // namespace gongshi::test
