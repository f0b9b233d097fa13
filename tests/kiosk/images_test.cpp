// Image decoding, the texture cache's budget and the decoder thread's hand-off.
#include <stb_image_write.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "kiosk_fixture.hpp"

namespace gongshi::kiosk::test {
namespace {

std::string png(int w, int h) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(w * h * 4), 0x80);
    std::string out;
    stbi_write_png_to_func(
        [](void* context, void* data, int size) {
            static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
        },
        &out, w, h, 4, pixels.data(), w * 4);
    return out;
}

TEST(KioskImages, DecodesPng) {
    const DecodedImage img = decode_image("a", png(3, 2));
    ASSERT_TRUE(img.ok()) << img.error;
    EXPECT_EQ(img.width, 3);
    EXPECT_EQ(img.height, 2);
    EXPECT_EQ(img.rgba.size(), 24u);
}

TEST(KioskImages, DecodesTheDemoPictures) {
    const DemoData demo = generate_demo(DemoPreset::community, kToday);
    for (const DemoMedia& m : demo.media) EXPECT_TRUE(decode_image(m.id, m.bytes).ok()) << m.id;
}

TEST(KioskImages, RejectsWhatItShouldNotDecode) {
    EXPECT_EQ(decode_image("gif", "GIF89a\x01\x00\x01\x00").error, "not a PNG or JPEG");
    EXPECT_EQ(decode_image("empty", "").error, "not a PNG or JPEG");
    EXPECT_EQ(decode_image("big", png(kMaxImageSide + 1, 1)).error, "image dimensions out of range");
    const std::string whole = png(4, 4);
    EXPECT_FALSE(decode_image("cut", whole.substr(0, 40)).ok());
    EXPECT_FALSE(decode_image("jpeg-magic-only", "\xFF\xD8\xFF\xE0 nothing").ok());
    EXPECT_NE(read_image_file("missing", "/nonexistent/x.png").error.find("missing file"), std::string::npos);
}

TEST(KioskTextureCache, EvictsLeastRecentlyDrawnOverBudget) {
    int live = 0;
    TextureCache cache(2 * 16 * 16 * 4, fake_uploader(live));  // room for two 16x16 pictures
    for (const char* key : {"a", "b"}) {
        cache.mark_loading(key);
        cache.on_decoded(decode_image(key, png(16, 16)));
    }
    EXPECT_EQ(live, 2);
    EXPECT_EQ(cache.find("a")->state, TextureState::ready);  // "a" drawn last: "b" is older
    cache.on_decoded(decode_image("c", png(16, 16)));
    EXPECT_EQ(live, 2);
    EXPECT_EQ(cache.live_textures(), 2u);
    EXPECT_FALSE(cache.find("b"));  // evicted: drawing it again starts a new decode
    EXPECT_TRUE(cache.find("a"));
    EXPECT_LE(cache.bytes(), 2u * 16 * 16 * 4);
}

TEST(KioskTextureCache, BrokenPicturesAreRememberedAsBroken) {
    int live = 0;
    TextureCache cache(1 << 20, fake_uploader(live));
    cache.on_decoded(decode_image("bad", "not an image"));
    EXPECT_EQ(cache.find("bad")->state, TextureState::broken);
    EXPECT_EQ(live, 0);
}

TEST(KioskImageStore, DecodesOffTheUiThreadAndHandsOffThroughTheQueue) {
    ScratchDir dir;
    const std::string id(64, 'a');
    std::ofstream(dir.file(id.c_str()), std::ios::binary) << png(8, 8);
    int live = 0, wakes = 0;
    UiQueue queue([&wakes] { ++wakes; });
    ImageStore store(dir.path.string(), TextureCache(1 << 20, fake_uploader(live)), queue);
    EXPECT_EQ(store.get(id).state, TextureState::loading);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (queue.empty() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    for (UiMessage& m : queue.take_all()) store.on_decoded(std::get<DecodedImage>(m));
    EXPECT_EQ(wakes, 1);
    EXPECT_EQ(store.get(id).state, TextureState::ready);
    EXPECT_EQ(live, 1);
    // Not a sha256: never becomes a path (no "../" tricks from server data).
    EXPECT_EQ(store.get("../../etc/passwd").state, TextureState::broken);
}

}  // namespace
}  // namespace gongshi::kiosk::test
