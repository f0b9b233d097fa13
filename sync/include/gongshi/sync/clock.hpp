// Time as the sync engine sees it, injected so tests can step it: a monotonic clock for
// deadlines and backoff (immune to the wall clock being set), and the wall clock for what the
// server and staff read.
#pragma once

#include <chrono>
#include <cstdint>

namespace gongshi::sync {

using SteadyTime = std::chrono::steady_clock::time_point;

class Clock {
public:
    virtual ~Clock() = default;
    virtual SteadyTime now() const = 0;
    virtual std::int64_t unix_now() const = 0;
};

class SystemClock final : public Clock {
public:
    SteadyTime now() const override { return std::chrono::steady_clock::now(); }
    std::int64_t unix_now() const override {
        return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    }
};

}  // namespace gongshi::sync
