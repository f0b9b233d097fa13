#include "image_decode.hpp"

#include <stb_image.h>

#include <fstream>
#include <memory>

namespace gongshi::kiosk {

namespace {

bool has_prefix(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

bool png_or_jpeg(std::string_view bytes) {
    return has_prefix(bytes, std::string_view("\x89PNG\r\n\x1a\n", 8)) || has_prefix(bytes, "\xFF\xD8\xFF");
}

DecodedImage failed(std::string key, std::string error) {
    DecodedImage out;
    out.key = std::move(key);
    out.error = std::move(error);
    return out;
}

struct StbiFree {
    void operator()(unsigned char* p) const { stbi_image_free(p); }
};

}  // namespace

DecodedImage decode_image(std::string key, std::string_view bytes) {
    if (!png_or_jpeg(bytes)) return failed(std::move(key), "not a PNG or JPEG");
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int length = static_cast<int>(bytes.size());
    int w = 0, h = 0, channels = 0;
    if (!stbi_info_from_memory(data, length, &w, &h, &channels)) return failed(std::move(key), "unreadable image header");
    if (w <= 0 || h <= 0 || w > kMaxImageSide || h > kMaxImageSide)
        return failed(std::move(key), "image dimensions out of range");
    std::unique_ptr<unsigned char, StbiFree> pixels(stbi_load_from_memory(data, length, &w, &h, &channels, 4));
    if (!pixels) return failed(std::move(key), std::string("decode failed: ") + stbi_failure_reason());
    DecodedImage out;
    out.key = std::move(key);
    out.width = w;
    out.height = h;
    const std::size_t size = static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4;
    out.rgba.assign(pixels.get(), pixels.get() + size);
    return out;
}

DecodedImage read_image_file(std::string key, const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return failed(std::move(key), "missing file " + path);
    const auto size = static_cast<std::size_t>(in.tellg());
    if (size > kMaxImageFileBytes) return failed(std::move(key), "file too large");
    std::string bytes(size, '\0');
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    if (!in) return failed(std::move(key), "cannot read " + path);
    return decode_image(std::move(key), bytes);
}

}  // namespace gongshi::kiosk
