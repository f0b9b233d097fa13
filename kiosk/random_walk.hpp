// A seeded random walk over whatever the screen offers, for the soak runs (script step
// "walk N SEED"): taps on any visible target (buttons, keys, candidates), drags, trips back and
// home, idle jumps through the countdown and the attract loop, short waits. The same seed gives
// the same walk on the same data.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "script.hpp"

namespace gongshi::kiosk {

struct WalkReport {
    int taps = 0, drags = 0, back_or_home = 0, idles = 0, waits = 0;
    std::map<std::string, int> labels_tapped;  // what the walk reached, by label
    int interactions() const { return taps + drags + back_or_home + idles + waits; }
};

void random_walk(FrameDriver& d, int interactions, std::uint32_t seed, WalkReport& report);

}  // namespace gongshi::kiosk
