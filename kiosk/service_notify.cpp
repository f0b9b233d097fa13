#include "service_notify.hpp"

#include <systemd/sd-daemon.h>

#include <limits>

namespace gongshi::kiosk {

ServiceNotifier::ServiceNotifier() {
    std::uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0) watchdog_ = std::chrono::microseconds(usec);
}

void ServiceNotifier::frame_shown() {
    const auto now = std::chrono::steady_clock::now();
    if (!ready_sent_) {
        sd_notify(0, "READY=1");
        ready_sent_ = true;
    } else if (watchdog_.count() == 0 || now - last_ping_ < watchdog_ / 3) {
        return;  // frames come 60 a second while something moves; one ping per third is plenty
    } else {
        sd_notify(0, "WATCHDOG=1");
    }
    last_ping_ = now;
}

double ServiceNotifier::longest_sleep_s() const {
    if (watchdog_.count() == 0) return std::numeric_limits<double>::infinity();
    return std::chrono::duration<double>(watchdog_).count() / 3;
}

}  // namespace gongshi::kiosk
