#include "screenshot.hpp"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <cstring>
#include <vector>

namespace gongshi::kiosk {

Status write_screenshot(const std::string& path, int width, int height) {
    const std::size_t row = static_cast<std::size_t>(width) * 3;
    std::vector<unsigned char> pixels(row * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows start at the bottom; PNG's at the top.
    std::vector<unsigned char> flipped(pixels.size());
    for (std::size_t y = 0; y < static_cast<std::size_t>(height); ++y)
        std::memcpy(&flipped[y * row], &pixels[(static_cast<std::size_t>(height) - 1 - y) * row], row);
    if (!stbi_write_png(path.c_str(), width, height, 3, flipped.data(), static_cast<int>(row)))
        return Status::failure("cannot write " + path);
    return success();
}

}  // namespace gongshi::kiosk
