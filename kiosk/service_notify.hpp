// systemd's notify protocol for packaging/gongshi-kiosk.service (Type=notify, WatchdogSec=):
// READY=1 once the first frame is on screen, then WATCHDOG=1 from the frame loop. Outside systemd
// (no NOTIFY_SOCKET) every call does nothing and the loop may sleep as long as it likes.
#pragma once

#include <chrono>

namespace gongshi::kiosk {

class ServiceNotifier {
public:
    ServiceNotifier();  // reads the watchdog interval systemd put in the environment

    // After each frame shown: the first one says ready, later ones feed the watchdog when due.
    void frame_shown();
    // The longest the loop may sleep between frames and still feed the watchdog in time (a third
    // of its interval); infinite without a watchdog.
    double longest_sleep_s() const;

private:
    bool ready_sent_ = false;
    std::chrono::microseconds watchdog_{0};  // zero: no watchdog
    std::chrono::steady_clock::time_point last_ping_{};
};

}  // namespace gongshi::kiosk
