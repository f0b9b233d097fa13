// Decoding untrusted pictures (member photos, notice images) with stb_image. Debian's libstb is
// a 2022 snapshot, so it sees as little as possible: PNG and JPEG only, recognised by their
// magic bytes, and dimensions checked with stbi_info before anything is decoded.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gongshi::kiosk {

inline constexpr int kMaxImageSide = 4096;
inline constexpr std::size_t kMaxImageFileBytes = 16u << 20;

struct DecodedImage {
    std::string key;  // the media id it was asked for
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgba;  // width * height * 4 bytes
    std::string error;                // set when the picture is missing or unusable
    bool ok() const { return error.empty(); }
};

DecodedImage decode_image(std::string key, std::string_view bytes);
DecodedImage read_image_file(std::string key, const std::string& path);

}  // namespace gongshi::kiosk
