// Server-side throttling of staff PIN attempts. A PIN has 10,000 values; without a limit a
// script at a kiosk (or holding a stolen kiosk token) would try them all in minutes.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace gongshi::server {

class LoginLimiter {
public:
    using Clock = std::chrono::steady_clock;

    // Failures allowed per staff id (at any kiosk) and per kiosk (for any staff id) in a window.
    static constexpr int kPerStaff = 5;
    static constexpr int kPerKiosk = 20;
    static constexpr std::chrono::minutes kWindow{5};

    // Seconds until another attempt is allowed; empty when it is allowed now.
    std::optional<int> blocked_for(const std::string& kiosk_id, const std::string& staff_key);
    void record_failure(const std::string& kiosk_id, const std::string& staff_key);

private:
    std::optional<int> wait_of(const std::string& key, int allowed, Clock::time_point now);

    std::mutex mutex_;
    std::map<std::string, std::deque<Clock::time_point>> failures_;
};

}  // namespace gongshi::server
