// gongshi-sync: one sync cycle from a shell, with the library the kiosk runs on its sync thread.
//   gongshi-sync --server URL --community ID --token-file F --cache FILE [--outbox FILE]
//                [--media-dir DIR] [--ca-file F] --once
// Prints what it did; exits 1 with the reason when any part of the cycle failed.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "gongshi/sync/session.hpp"

namespace {

using namespace gongshi;
using namespace gongshi::sync;

std::optional<std::string> read_token(const std::string& path) {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    std::string token;
    in >> token;  // the first word: files end with a newline, editors add more
    if (token.empty()) return std::nullopt;
    return token;
}

void print_pull(const PullReport& r) {
    std::printf("pull: %d pages, %lld changes%s%s; %d requests, %llu bytes received, %llu sent\n", r.pages,
                static_cast<long long>(r.changes), r.full_resync ? " (full resync)" : "",
                r.not_modified ? " (not modified)" : "", r.requests, static_cast<unsigned long long>(r.bytes_received),
                static_cast<unsigned long long>(r.bytes_sent));
}

void print_push(const std::optional<PushReport>& r, const OutboxCounts& counts) {
    if (!r) {
        std::printf("push: skipped\n");
        return;
    }
    std::printf("push: %d delivered (%d replayed), %d dead-lettered; outbox now %d pending, %d dead letters\n",
                r->delivered, r->replayed, r->dead_lettered, counts.pending, counts.dead);
}

void print_media(const std::optional<MediaReport>& r) {
    if (!r) return;
    std::printf("media: %d referenced, %d fetched (%d replacing damaged files), %d rejected, %d evicted\n", r->referenced,
                r->fetched, r->refetched, r->rejected, r->evicted);
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Runs one sync cycle of a Gongshi kiosk: pull the change feed into the cache, deliver the outbox."};
    SyncSettings settings;
    settings.version = GONGSHI_VERSION;
    std::string token_file, media_dir;
    double timeout_s = 120;
    bool once = false;
    app.add_option("--server", settings.server_url, "the server's base URL, e.g. https://gongshi.example.cn")->required();
    app.add_option("--community", settings.community_id, "the community this kiosk serves")->required();
    app.add_option("--token-file", token_file, "a file holding this kiosk's bearer token")->required();
    app.add_option("--cache", settings.cache_path, "the cache file (created when missing)")->required();
    app.add_option("--outbox", settings.outbox_path, "the outbox file to deliver (none: nothing is pushed)");
    app.add_option("--media-dir", media_dir, "the folder to fetch pictures into (none: no pictures)");
    app.add_option("--ca-file", settings.http.ca_file, "trust this CA (PEM) instead of the system's");
    app.add_option("--page-limit", settings.pull.page_limit, "changes per page to ask for")->check(CLI::Range(1, 100000));
    app.add_option("--timeout", timeout_s, "seconds a single request may take")->check(CLI::PositiveNumber);
    app.add_flag("--once", once, "run one cycle and exit (the only mode)")->required();
    CLI11_PARSE(app, argc, argv);

    const auto token = read_token(token_file);
    if (!token) {
        std::fprintf(stderr, "gongshi-sync: cannot read a token from %s\n", token_file.c_str());
        return 2;
    }
    settings.token = *token;
    settings.media.dir = media_dir;
    settings.http.total_timeout = std::chrono::milliseconds(static_cast<long long>(timeout_s * 1000));

    const CurlGlobal curl;  // before any other libcurl call; this program has one thread
    const SystemClock clock;
    auto session = SyncSession::open(settings, clock);
    if (!session) {
        std::fprintf(stderr, "gongshi-sync: %s\n", session.error().c_str());
        return 1;
    }
    const CycleReport report = session.value()->run_cycle();
    print_pull(report.pull);
    print_push(report.push, session.value()->outbox_counts());
    print_media(report.media);
    if (const auto failure = report.failure()) {
        std::fprintf(stderr, "gongshi-sync: failed (%s): %s\n", to_string(failure->kind), failure->message.c_str());
        return 1;
    }
    std::printf("ok\n");
    return 0;
}
