#include "gongshi/sync/backoff.hpp"

#include <algorithm>

namespace gongshi::sync {

Backoff::Backoff(const BackoffConfig& config)
    : base_(std::max(config.base, std::chrono::milliseconds(1))),
      cap_(std::max(config.cap, base_)),
      random_(config.seed.value_or(std::random_device{}())) {}

std::chrono::milliseconds Backoff::delay(int failures, std::optional<std::chrono::seconds> retry_after) {
    // Doubling stops once the ceiling reaches the cap, so it cannot overflow.
    std::chrono::milliseconds ceiling = base_;
    for (int i = 1; i < failures && ceiling < cap_; ++i) ceiling *= 2;
    ceiling = std::min(ceiling, cap_);
    std::uniform_int_distribution<std::int64_t> pick(0, ceiling.count());
    std::chrono::milliseconds wait(pick(random_));
    if (retry_after) wait = std::max(wait, std::min<std::chrono::milliseconds>(*retry_after, cap_));
    return wait;
}

}  // namespace gongshi::sync
