// The time the kiosk sees. Idle timers, the status-bar clock and quiet hours all read it, so
// tests and scripts ("idle 120") can move time forward without sleeping.
#pragma once

#include <cstdint>

namespace gongshi::kiosk {

class Clock {
public:
    static Clock system();                        // real time, plus whatever advance() skipped
    static Clock manual(std::int64_t unix_start);  // frozen at unix_start until advance()

    double seconds() const;             // monotonic, for timers
    std::int64_t unix_seconds() const;  // wall clock, for display and schedules
    void advance(double seconds);

private:
    Clock(bool manual, std::int64_t unix_start) : manual_(manual), unix_start_(unix_start) {}
    bool manual_;
    std::int64_t unix_start_;
    double skipped_ = 0;
};

}  // namespace gongshi::kiosk
