// What a long-running kiosk must not let grow: resident memory, open file descriptors, threads
// (read from /proc/self), the live malloc heap and live textures. The soak runs print them at start
// and end.
#pragma once

#include <cstddef>
#include <string>

namespace gongshi::kiosk {

struct ProcessStats {
    long rss_kb = 0;
    // What malloc has handed out and not had back: unlike RSS, not raised by freed pages it keeps.
    long heap_kb = 0;
    int fds = 0;
    int threads = 0;
};

ProcessStats current_process_stats();
// One line: "STATS <name> rss_kb=… heap_kb=… fds=… threads=… textures=…" (scripts grep for it).
std::string stats_line(const std::string& name, const ProcessStats& stats, std::size_t textures);

}  // namespace gongshi::kiosk
