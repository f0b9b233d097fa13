#include "gl_texture.hpp"

#include <GL/gl.h>

#include <cstdint>

namespace gongshi::kiosk {

GlTexture::GlTexture(const DecodedImage& image, int& live_count) : live_count_(live_count) {
    GLuint name = 0;
    glGenTextures(1, &name);
    name_ = name;
    glBindTexture(GL_TEXTURE_2D, name);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
    ++live_count_;
}

GlTexture::~GlTexture() {
    const GLuint name = name_;
    glDeleteTextures(1, &name);
    --live_count_;
}

ImTextureID GlTexture::id() const { return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(name_)); }

TextureUploader gl_texture_uploader(int& live_count) {
    return [&live_count](const DecodedImage& image) -> std::unique_ptr<Texture> {
        return std::make_unique<GlTexture>(image, live_count);
    };
}

}  // namespace gongshi::kiosk
