// Shared by the benchmark programs: timing with repeats, and the BENCH line format.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace gongshi::bench {

inline double seconds_of(const std::function<void()>& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct Stats {
    double median = 0, p99 = 0, max = 0;
};

// Runs `work` `repeats` times; shared machines are noisy, so report the median and the tail.
inline Stats repeat(int repeats, const std::function<void()>& work) {
    std::vector<double> t;
    for (int i = 0; i < repeats; ++i) t.push_back(seconds_of(work));
    std::sort(t.begin(), t.end());
    return {t[t.size() / 2], t[std::min(t.size() - 1, t.size() * 99 / 100)], t.back()};
}

inline void line(const std::string& name, double value, const char* unit) {
    std::printf("BENCH %s %.3f %s\n", name.c_str(), value, unit);
    std::fflush(stdout);
}

inline void line(const std::string& name, double value, const char* unit, double ratio, const std::string& baseline) {
    std::printf("BENCH %s %.3f %s ratio=%.2f baseline=%s\n", name.c_str(), value, unit, ratio, baseline.c_str());
    std::fflush(stdout);
}

}  // namespace gongshi::bench
