// Screenshots for scripted runs: the frame just rendered, read back before the buffer swap.
#pragma once

#include <string>

#include "gongshi/result.hpp"

namespace gongshi::kiosk {

// Reads width x height pixels of the current framebuffer and writes them to `path` as a PNG.
Status write_screenshot(const std::string& path, int width, int height);

}  // namespace gongshi::kiosk
