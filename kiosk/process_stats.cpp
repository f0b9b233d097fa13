#include "process_stats.hpp"

#include <malloc.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace gongshi::kiosk {

namespace {

int count_entries(const char* dir) {
    std::error_code ec;
    int n = 0;
    for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec))
        ++n;
    return n;
}

long rss_kb() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

// mallinfo2 sums every arena; hblkhd is the large blocks malloc mapped on their own.
long heap_kb() {
    const struct mallinfo2 m = mallinfo2();
    return static_cast<long>((m.uordblks + m.hblkhd) / 1024);
}

}  // namespace

ProcessStats current_process_stats() {
    ProcessStats s;
    s.rss_kb = rss_kb();
    s.heap_kb = heap_kb();
    s.fds = count_entries("/proc/self/fd") - 1;  // minus the one the listing itself holds open
    s.threads = count_entries("/proc/self/task");
    return s;
}

std::string stats_line(const std::string& name, const ProcessStats& s, std::size_t textures) {
    return "STATS " + name + " rss_kb=" + std::to_string(s.rss_kb) + " heap_kb=" + std::to_string(s.heap_kb) + " fds=" + std::to_string(s.fds) +
           " threads=" + std::to_string(s.threads) + " textures=" + std::to_string(textures);
}

}  // namespace gongshi::kiosk
