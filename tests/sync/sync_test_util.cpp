#include "sync_test_util.hpp"

#include <stb/stb_image_write.h>

#include "gongshi/sync/http_client.hpp"
#include "gongshi/tracking_code.hpp"

namespace gongshi::test {

namespace {

// libcurl's global state, set up before main() and so before any test thread.
const sync::CurlGlobal curl_global;

std::string key_of(EntityKind kind, const std::string& id) { return std::string(kind_name(kind)) + "/" + id; }

void expect_admin_ok(const httplib::Result& res, const std::string& what) {
    ASSERT_TRUE(res) << what << ": " << httplib::to_string(res.error());
    ASSERT_LT(res->status, 300) << what << ": " << res->status << " " << res->body;
}

}  // namespace

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "gongshi-sync-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

std::string png_bytes(int width, int height, int shade) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width * height * 3), static_cast<unsigned char>(shade));
    std::string out;
    stbi_write_png_to_func(
        [](void* context, void* data, int size) {
            static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
        },
        &out, width, height, 3, pixels.data(), width * 3);
    return out;
}

sync::HttpConfig test_http() {
    sync::HttpConfig c;
    c.connect_timeout = std::chrono::seconds(5);
    c.total_timeout = std::chrono::seconds(30);
    c.low_speed_bytes_per_s = 1024;
    c.low_speed_time = std::chrono::seconds(3);
    c.max_body_bytes = 8u << 20;
    return c;
}

sync::SyncSettings settings_for(const ServerProcess& server, const TempDir& dir) {
    sync::SyncSettings s;
    s.server_url = server.base_url();
    s.community_id = kCommunity;
    s.token = server.kiosk_token();
    s.cache_path = dir / "cache.db";
    s.outbox_path = dir / "outbox.db";
    s.media.dir = dir.path() / "media";
    s.http = test_http();
    s.pull.page_limit = 500;
    s.backoff = {.base = std::chrono::milliseconds(5), .cap = std::chrono::milliseconds(200), .seed = 42};
    s.poll_interval = std::chrono::milliseconds(100);
    return s;
}

State server_state(const ServerProcess& server, const std::string& community) {
    auto cli = server.client();
    State state;
    for (std::string since = "0";;) {
        auto res = cli.Get("/api/v1/communities/" + community + "/changes?since=" + since + "&limit=5000",
                           server.kiosk_headers());
        if (!res || res->status != 200) throw std::runtime_error("cannot page the feed of " + community);
        auto page = decode_page(res->body);
        if (!page) throw std::runtime_error(page.error());
        for (const auto& change : page->changes) {
            if (change.is_delete) state.erase(key_of(change.kind, change.id));
            else state[key_of(change.kind, change.id)] = encode(*change.entity).dump();
        }
        if (!page->more) return state;
        since = page->cursor;
    }
}

State cache_state(const Cache& cache) {
    State state;
    for (const EntityKind kind : kAllEntityKinds)
        for (const auto& e : cache.dump(kind)) state[key_of(kind, id_of(e))] = encode(e).dump();
    return state;
}

State cache_state(const std::string& cache_path) {
    auto cache = Cache::open_read_only(cache_path);
    if (!cache) {
        ADD_FAILURE() << cache.error();
        return {};
    }
    return cache_state(cache.value());
}

std::vector<Entity> entities_of(const State& state, EntityKind kind) {
    std::vector<Entity> out;
    const std::string prefix = std::string(kind_name(kind)) + "/";
    for (auto it = state.lower_bound(prefix); it != state.end() && it->first.starts_with(prefix); ++it)
        out.push_back(decode(kind, json::parse(it->second)).value());
    return out;
}

std::string state_diff(const State& expected, const State& actual) {
    std::string out;
    int shown = 0;
    auto note = [&](const std::string& line) {
        if (shown++ < 5) out += line + "\n";
    };
    for (const auto& [key, value] : expected) {
        const auto it = actual.find(key);
        if (it == actual.end()) note("missing " + key);
        else if (it->second != value) note("differs " + key + ":\n  expected " + value + "\n  actual   " + it->second);
    }
    for (const auto& [key, value] : actual)
        if (!expected.contains(key)) note("stale " + key);
    if (shown > 5) out += std::to_string(shown - 5) + " more differences\n";
    return out;
}

void add_fault(const ServerProcess& server, const json& rule) {
    auto cli = server.client();
    expect_admin_ok(post_json(cli, "/admin/faults", server.admin_headers(), rule), "add fault " + rule.dump());
}

void clear_faults(const ServerProcess& server) {
    auto cli = server.client();
    expect_admin_ok(cli.Delete("/admin/faults", server.admin_headers()), "clear faults");
}

void put_entity(const ServerProcess& server, const Entity& entity, const std::string& community) {
    auto cli = server.client();
    const std::string path =
        "/admin/communities/" + community + "/entities/" + kind_name(kind_of(entity)) + "/" + id_of(entity);
    expect_admin_ok(put_json(cli, path, server.admin_headers(), encode(entity)),
                    std::string("put ") + kind_name(kind_of(entity)) + " " + id_of(entity));
}

void delete_entity(const ServerProcess& server, EntityKind kind, const std::string& id) {
    auto cli = server.client();
    expect_admin_ok(cli.Delete(entity_path(kind_name(kind), id), server.admin_headers()),
                    std::string("delete ") + kind_name(kind) + " " + id);
}

std::optional<json> get_entity(const ServerProcess& server, EntityKind kind, const std::string& id) {
    auto cli = server.client();
    auto res = cli.Get(entity_path(kind_name(kind), id), server.admin_headers());
    if (!res || res->status != 200) return std::nullopt;
    return json::parse(res->body);
}

std::string add_media(const ServerProcess& server, const std::string& bytes) {
    auto cli = server.client();
    auto res = cli.Post("/admin/media", server.admin_headers(), bytes, "application/octet-stream");
    expect_admin_ok(res, "add media");
    return res ? parsed(res).value("sha256", "") : "";
}

void move_horizon(const ServerProcess& server) {
    auto cli = server.client();
    expect_admin_ok(cli.Post("/admin/horizon", server.admin_headers(), "", "application/json"), "move horizon");
}

std::string integrity(const std::string& db_path) {
    auto db = sql::Db::open(db_path, sql::Db::Mode::read_only);
    if (!db) return db.error();
    auto check = db->must_prepare("PRAGMA integrity_check");
    std::string out;
    while (check.step()) out += (out.empty() ? "" : "; ") + check.text(0);
    return out;
}

void ServerSuite::SetUpTestSuite() {
    ServerConfig config;
    config.enable_faults = true;
    server_ = new ServerProcess(config);
}

void ServerSuite::TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
}

void ServerSuite::TearDown() { clear_faults(server()); }

std::unique_ptr<sync::SyncSession> ServerSuite::open_session(const sync::SyncSettings& settings) {
    auto session = sync::SyncSession::open(settings, clock_);
    if (!session) throw std::runtime_error("cannot open the sync session: " + session.error());
    return std::move(session.value());
}

std::string tracking_code(const std::string& kiosk_code, int n) {
    std::string code = kiosk_code + "-";
    for (std::size_t i = 0; i < kRandomPartLength; ++i, n /= static_cast<int>(kCodeAlphabet.size()))
        code += kCodeAlphabet[static_cast<std::size_t>(n) % kCodeAlphabet.size()];
    return code;
}

OutboxRequest wish_outbox_request(const std::string& code, const std::string& community) {
    return {"wish", "POST", "/api/v1/communities/" + community + "/wishes", wish_request(code).dump()};
}

}  // namespace gongshi::test
