// Whole-program start under a real X server (Xvfb in scripts/bench.sh): from just before the
// process is spawned to its first frame shown (the child prints CLOCK_MONOTONIC then; this
// process reads the same clock before posix_spawn), and the child's peak RSS, for
// gongshi-kiosk --exit-after-first-frame on each cache given, against the bare GLFW + ImGui
// window. One warm-up run each (the page cache holds the binaries and the font afterwards, as on
// a kiosk restarted by systemd), then RUNS runs, median.
// Usage: gongshi-bench-startup KIOSK BARE_WINDOW RUNS NAME=CACHE...
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_report.hpp"

extern char** environ;

namespace {

struct Sample {
    double seconds = -1;  // negative: the child failed
    double peak_rss_mb = 0;
};

Sample run_once(const std::vector<std::string>& command) {
    std::vector<char*> argv;
    for (const auto& a : command) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int out[2];
    if (pipe(out) != 0) return {};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    const auto start = std::chrono::steady_clock::now().time_since_epoch();
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    std::string text;
    char buf[512];
    for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
    close(out[0]);
    if (spawned != 0) return {};
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    const auto at = text.find("first_frame_monotonic_ns ");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || at == std::string::npos) return {};
    const long long shown_ns = std::atoll(text.c_str() + at + 25);
    const long long start_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(start).count();
    return {static_cast<double>(shown_ns - start_ns) / 1e9, static_cast<double>(usage.ru_maxrss) / 1024};
}

// Median start time and median peak RSS over `runs` runs after one warm-up.
Sample measure(const std::vector<std::string>& command, int runs) {
    run_once(command);
    std::vector<double> times, rss;
    for (int i = 0; i < runs; ++i) {
        const Sample s = run_once(command);
        if (s.seconds < 0) {
            std::printf("ERROR %s failed to show a first frame\n", command[0].c_str());
            return {};
        }
        times.push_back(s.seconds);
        rss.push_back(s.peak_rss_mb);
    }
    std::sort(times.begin(), times.end());
    std::sort(rss.begin(), rss.end());
    return {times[times.size() / 2], rss[rss.size() / 2]};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr, "usage: gongshi-bench-startup KIOSK BARE_WINDOW RUNS NAME=CACHE...\n");
        return 2;
    }
    const std::string kiosk = argv[1];
    const int runs = std::max(1, std::atoi(argv[3]));
    const Sample bare = measure({argv[2], "1920x1080"}, runs);
    if (bare.seconds < 0) return 1;
    gongshi::bench::line("bare_window_cold_start", bare.seconds * 1000, "ms");
    gongshi::bench::line("bare_window_peak_rss", bare.peak_rss_mb, "MB");
    for (int i = 4; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto eq = arg.find('=');
        const std::string name = arg.substr(0, eq), cache = arg.substr(eq + 1);
        const Sample k =
            measure({kiosk, "--windowed", "1920x1080", "--cache", cache, "--exit-after-first-frame"}, runs);
        if (k.seconds < 0) return 1;
        gongshi::bench::line("kiosk_cold_start_" + name, k.seconds * 1000, "ms", k.seconds / bare.seconds,
                             "bare_window_cold_start");
        gongshi::bench::line("kiosk_first_frame_peak_rss_" + name, k.peak_rss_mb, "MB",
                             k.peak_rss_mb / bare.peak_rss_mb, "bare_window_peak_rss");
    }
    return 0;
}
