#include "login_limiter.hpp"

#include <algorithm>

namespace gongshi::server {

std::optional<int> LoginLimiter::wait_of(const std::string& key, int allowed, Clock::time_point now) {
    const auto it = failures_.find(key);
    if (it == failures_.end()) return std::nullopt;
    auto& times = it->second;
    while (!times.empty() && now - times.front() >= kWindow) times.pop_front();
    if (times.empty()) {
        failures_.erase(it);
        return std::nullopt;
    }
    if (static_cast<int>(times.size()) < allowed) return std::nullopt;
    // Blocked until the oldest failure that counts leaves the window.
    const auto until = times[times.size() - static_cast<std::size_t>(allowed)] + kWindow;
    return static_cast<int>(std::max<std::int64_t>(
        1, std::chrono::duration_cast<std::chrono::seconds>(until - now).count() + 1));
}

std::optional<int> LoginLimiter::blocked_for(const std::string& kiosk_id, const std::string& staff_key) {
    std::lock_guard lock(mutex_);
    const auto now = Clock::now();
    const auto by_staff = wait_of("staff:" + staff_key, kPerStaff, now);
    const auto by_kiosk = wait_of("kiosk:" + kiosk_id, kPerKiosk, now);
    if (by_staff && by_kiosk) return std::max(*by_staff, *by_kiosk);
    return by_staff ? by_staff : by_kiosk;
}

void LoginLimiter::record_failure(const std::string& kiosk_id, const std::string& staff_key) {
    std::lock_guard lock(mutex_);
    const auto now = Clock::now();
    failures_["staff:" + staff_key].push_back(now);
    failures_["kiosk:" + kiosk_id].push_back(now);
}

}  // namespace gongshi::server
