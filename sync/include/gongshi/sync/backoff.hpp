// Exponential backoff with full jitter (a uniformly random wait up to base * 2^(failures-1),
// capped), which spreads the retries of many kiosks after an outage instead of having them
// return in lock step. A server's Retry-After is a floor on the wait.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>

namespace gongshi::sync {

struct BackoffConfig {
    std::chrono::milliseconds base{1'000};
    std::chrono::milliseconds cap{10 * 60 * 1'000};
    std::optional<std::uint64_t> seed;  // tests fix it; otherwise random
};

class Backoff {
public:
    explicit Backoff(const BackoffConfig& config);

    // The wait before the next attempt after `failures` consecutive failures (>= 1).
    std::chrono::milliseconds delay(int failures, std::optional<std::chrono::seconds> retry_after);

    std::chrono::milliseconds cap() const { return cap_; }

private:
    std::chrono::milliseconds base_, cap_;
    std::mt19937_64 random_;
};

}  // namespace gongshi::sync
