#include "clock.hpp"

#include <chrono>
#include <cmath>

namespace gongshi::kiosk {

Clock Clock::system() { return Clock(false, 0); }
Clock Clock::manual(std::int64_t unix_start) { return Clock(true, unix_start); }

double Clock::seconds() const {
    if (manual_) return skipped_;
    const auto since_boot = std::chrono::steady_clock::now().time_since_epoch();
    return std::chrono::duration<double>(since_boot).count() + skipped_;
}

std::int64_t Clock::unix_seconds() const {
    const auto skipped = static_cast<std::int64_t>(std::floor(skipped_));
    if (manual_) return unix_start_ + skipped;
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return std::chrono::duration_cast<std::chrono::seconds>(now).count() + skipped;
}

void Clock::advance(double seconds) { skipped_ += seconds; }

}  // namespace gongshi::kiosk
