// Sync benchmarks over loopback against the real gongshi-server (district preset: 663,100
// changes):
//   - a full sync (empty cache -> equal to the server) against the network-and-server floor: the
//     curl tool fetching the same pages to /dev/null, in the same run. Goal: <= 1.5x the floor.
//     Two intermediate figures say where the rest goes: our libcurl client fetching the pages
//     (no decoding), and fetching plus decoding them (no cache).
//   - a no-change poll: requests, bytes on the wire both ways, and time. Goal: one request
//     answered 304, under 1 KB.
// Usage: gongshi-bench-sync [repeats]   (default 3; the server binary is found next to the build)
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench_report.hpp"
#include "gongshi/sync/session.hpp"
#include "support/server_process.hpp"

using namespace gongshi;
namespace fs = std::filesystem;

namespace {

constexpr const char* kCommunity = "c-district";

struct Rig {
    test::ServerProcess& server;
    sync::ServerApi api;
    int page_limit;
};

std::string page_path(const Rig& rig, const std::string& since) {
    return rig.api.community_path("/changes?since=" + since + "&limit=" + std::to_string(rig.page_limit));
}

// Every page URL of a full sync, by paging once (which also warms the server's caches).
std::vector<std::string> page_paths(const Rig& rig) {
    sync::HttpClient http({});
    std::vector<std::string> paths;
    for (std::string since = "0";;) {
        paths.push_back(page_path(rig, since));
        auto r = http.perform(rig.api.request("GET", paths.back()));
        if (!r || r->status != 200) throw std::runtime_error("cannot page the feed");
        const auto page = decode_page(r->body);
        if (!page) throw std::runtime_error(page.error());
        if (!page->more) return paths;
        since = page->cursor;
    }
}

// The floor: the curl tool, one process, one connection, gzip, bodies to /dev/null.
double curl_tool_seconds(const Rig& rig, const std::vector<std::string>& paths, const fs::path& dir) {
    const fs::path config = dir / "floor.curlrc";
    {
        std::ofstream out(config);
        out << "silent\ncompressed\nfail\nheader = \"Authorization: Bearer " << rig.server.kiosk_token() << "\"\n";
        for (const auto& p : paths) out << "url = \"" << rig.server.base_url() << p << "\"\noutput = \"/dev/null\"\n";
    }
    const std::string command = "curl -K " + config.string();
    return bench::seconds_of([&] {
        if (std::system(command.c_str()) != 0) throw std::runtime_error("curl failed");
    });
}

double client_seconds(const Rig& rig, const std::vector<std::string>& paths, bool decode) {
    sync::HttpClient http({});
    return bench::seconds_of([&] {
        for (const auto& p : paths) {
            auto r = http.perform(rig.api.request("GET", p));
            if (!r || r->status != 200) throw std::runtime_error("fetch failed");
            if (decode && !decode_page(r->body)) throw std::runtime_error("decode failed");
        }
    });
}

sync::SyncSettings settings_for(const Rig& rig, const fs::path& cache) {
    sync::SyncSettings s;
    s.server_url = rig.server.base_url();
    s.community_id = kCommunity;
    s.token = rig.server.kiosk_token();
    s.cache_path = cache.string();
    s.pull.page_limit = rig.page_limit;
    return s;
}

double full_sync_seconds(const Rig& rig, const fs::path& dir) {
    const fs::path cache = dir / "cache.db";
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(cache.string() + suffix);
    const sync::SystemClock clock;
    auto session = sync::SyncSession::open(settings_for(rig, cache), clock);
    if (!session) throw std::runtime_error(session.error());
    return bench::seconds_of([&] {
        const auto report = session.value()->run_cycle();
        if (const auto failure = report.failure()) throw std::runtime_error(failure->message);
    });
}

void bench_poll(const Rig& rig, const fs::path& dir) {
    const sync::SystemClock clock;
    auto session = sync::SyncSession::open(settings_for(rig, dir / "cache.db"), clock);
    if (!session) throw std::runtime_error(session.error());
    session.value()->run_cycle();  // learns the validator of the current cursor
    sync::PullReport last;
    const auto stats = bench::repeat(50, [&] { last = session.value()->run_cycle().pull; });
    bench::line("sync_poll_requests", last.requests, "requests");
    bench::line("sync_poll_not_modified", last.not_modified ? 1 : 0, "bool");
    bench::line("sync_poll_bytes_received", static_cast<double>(last.bytes_received), "bytes");
    bench::line("sync_poll_bytes_sent", static_cast<double>(last.bytes_sent), "bytes");
    bench::line("sync_poll_bytes_total", static_cast<double>(last.bytes_received + last.bytes_sent), "bytes");
    bench::line("sync_poll_median", stats.median * 1000, "ms");
    bench::line("sync_poll_max", stats.max * 1000, "ms");
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 3;
    const sync::CurlGlobal curl;
    test::ServerConfig config;
    config.demo = "district";
    test::ServerProcess server(config);
    const Rig rig{server, {server.base_url(), kCommunity, server.kiosk_token()}, sync::PullConfig{}.page_limit};
    const fs::path dir = fs::temp_directory_path() / ("gongshi-bench-sync-" + std::to_string(server.port()));
    fs::create_directories(dir);

    const auto paths = page_paths(rig);
    bench::line("sync_pages", static_cast<double>(paths.size()), "pages");
    std::vector<double> floor, fetch, decode, sync;
    for (int i = 0; i < repeats; ++i) {  // interleaved, so that load changes hit every figure alike
        floor.push_back(curl_tool_seconds(rig, paths, dir));
        fetch.push_back(client_seconds(rig, paths, false));
        decode.push_back(client_seconds(rig, paths, true));
        sync.push_back(full_sync_seconds(rig, dir));
    }
    const double f = median(floor);
    bench::line("sync_floor_curl_tool_district", f, "s");
    bench::line("sync_fetch_only_district", median(fetch), "s", median(fetch) / f, "sync_floor_curl_tool_district");
    bench::line("sync_fetch_decode_district", median(decode), "s", median(decode) / f, "sync_floor_curl_tool_district");
    bench::line("sync_full_district", median(sync), "s", median(sync) / f, "sync_floor_curl_tool_district");
    bench_poll(rig, dir);
    fs::remove_all(dir);
    return 0;
}
