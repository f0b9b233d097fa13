// Pictures as OpenGL textures, owned RAII-style: a texture is deleted with its object. Live
// textures are counted so a soak test can tell a leak from a full cache.
#pragma once

#include "images.hpp"

namespace gongshi::kiosk {

class GlTexture final : public Texture {
public:
    GlTexture(const DecodedImage& image, int& live_count);
    ~GlTexture() override;
    GlTexture(const GlTexture&) = delete;
    GlTexture& operator=(const GlTexture&) = delete;

    ImTextureID id() const override;

private:
    unsigned int name_ = 0;  // a GLuint; the GL headers stay out of this header
    int& live_count_;
};

// Uploads on the calling thread, which must own the GL context (the UI thread).
TextureUploader gl_texture_uploader(int& live_count);

}  // namespace gongshi::kiosk
