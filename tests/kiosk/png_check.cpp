// png_check [--size WxH] FILE...: fails unless every file is a readable PNG (of that size) with
// more than one colour. A screenshot of one flat colour means nothing was drawn.
#include <stb_image.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

namespace {

struct StbiFree {
    void operator()(unsigned char* p) const { stbi_image_free(p); }
};

bool check(const char* path, int want_w, int want_h) {
    int w = 0, h = 0, channels = 0;
    std::unique_ptr<unsigned char, StbiFree> pixels(stbi_load(path, &w, &h, &channels, 3));
    if (!pixels) {
        std::fprintf(stderr, "%s: not a readable image\n", path);
        return false;
    }
    if (want_w > 0 && (w != want_w || h != want_h)) {
        std::fprintf(stderr, "%s: %dx%d, expected %dx%d\n", path, w, h, want_w, want_h);
        return false;
    }
    const unsigned char* p = pixels.get();
    const std::size_t bytes = static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3;
    for (std::size_t i = 3; i < bytes; i += 3)
        if (std::memcmp(p, p + i, 3) != 0) {
            std::printf("%s: %dx%d ok\n", path, w, h);
            return true;
        }
    std::fprintf(stderr, "%s: the whole image is one colour (#%02x%02x%02x)\n", path, p[0], p[1], p[2]);
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    int want_w = 0, want_h = 0, first = 1;
    if (argc > 2 && std::strcmp(argv[1], "--size") == 0) {
        if (std::sscanf(argv[2], "%dx%d", &want_w, &want_h) != 2) return 2;
        first = 3;
    }
    if (first >= argc) {
        std::fprintf(stderr, "usage: png_check [--size WxH] FILE...\n");
        return 2;
    }
    bool ok = true;
    for (int i = first; i < argc; ++i) ok = check(argv[i], want_w, want_h) && ok;
    return ok ? 0 : 1;
}
