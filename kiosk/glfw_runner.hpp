// The kiosk in a GLFW window with Dear ImGui's OpenGL3 renderer: kiosk mode (full screen on
// the configured monitor, no decorations, hidden cursor, keys cannot close it) or a development
// window; live (sleeping on events when nothing moves) or replaying a script.
#pragma once

#include "config.hpp"

namespace gongshi::kiosk {

// Returns the process exit status.
int run_kiosk(const LaunchOptions& options);

}  // namespace gongshi::kiosk
