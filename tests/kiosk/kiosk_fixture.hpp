// Shared set-up for the kiosk's headless tests: a demo cache file, a kiosk App on a manual
// clock with fake textures, and HeadlessUi frames over it.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

#include "app.hpp"
#include "gongshi/cache.hpp"
#include "gongshi/demo_data.hpp"
#include "headless.hpp"

namespace gongshi::kiosk::test {

// 2026-03-05 (a Thursday) 10:00 in Shanghai.
inline constexpr Date kToday{2026, 3, 5};
inline const std::int64_t kNowUnix = days_from_civil(kToday) * 86400 + 2 * 3600;

class FakeTexture final : public Texture {
public:
    explicit FakeTexture(int& live) : live_(live) { ++live_; }
    ~FakeTexture() override { --live_; }
    ImTextureID id() const override { return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(1)); }

private:
    int& live_;
};

inline TextureUploader fake_uploader(int& live) {
    return [&live](const DecodedImage&) -> std::unique_ptr<Texture> { return std::make_unique<FakeTexture>(live); };
}

// A folder removed with the object.
struct ScratchDir {
    std::filesystem::path path;
    ScratchDir() {
        static int n = 0;
        path = std::filesystem::temp_directory_path() /
               ("gongshi-kiosk-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        std::filesystem::create_directories(path);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string file(const char* name) const { return (path / name).string(); }
};

// Writes the community demo preset into a fresh cache, as the sync engine would.
inline DemoData write_demo_cache(const std::string& path) {
    DemoData demo = generate_demo(DemoPreset::community, kToday);
    ChangePage page{"demo", false, {}};
    for (const Entity& e : demo.entities) page.changes.push_back(Change{kind_of(e), false, id_of(e), e});
    auto cache = Cache::open_read_write(path);
    EXPECT_TRUE(cache.ok()) << cache.error();
    EXPECT_TRUE(cache->apply(page).ok());
    EXPECT_TRUE(cache->set_last_success(kNowUnix - 600).ok());  // 09:50
    return demo;
}

// The CJK font file is read once for the whole test binary.
inline const FontSet& test_fonts() {
    static const FontSet fonts = [] {
        auto face = find_cjk_font();
        EXPECT_TRUE(face.ok()) << face.error();
        auto set = FontSet::load(face.value());
        EXPECT_TRUE(set.ok()) << set.error();
        return std::move(set.value());
    }();
    return fonts;
}

// A script run on `ui` (steps in the script language of kiosk/script.hpp) that must pass.
inline void run_ok(HeadlessUi& ui, const std::string& steps) {
    auto script = parse_script(steps, "test.script");
    ASSERT_TRUE(script.ok()) << script.error();
    const Status done = run_script(script.value(), ui);
    ASSERT_TRUE(done.ok()) << done.error();
}
inline void tap_ok(HeadlessUi& ui, std::string_view label, int nth = 1) {
    const Status done = tap(ui, label, nth);
    ASSERT_TRUE(done.ok()) << done.error();
}

// Two targets that share pixels: a tap meant for one may land on the other (and one of them is
// drawn over the other). Targets on screen must not, nor reach past the panel.
inline std::string overlapping_targets(const TapRegistry& taps, ImVec2 panel) {
    std::vector<const Tappable*> shown;
    for (const Tappable& t : taps.items())
        if (!t.covered && t.size().x > 0 && t.size().y > 0) shown.push_back(&t);
    std::string out;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const Tappable& a = *shown[i];
        if (a.min.x < 0 || a.min.y < 0 || a.max.x > panel.x || a.max.y > panel.y) out += a.label + " off the panel; ";
        for (std::size_t j = i + 1; j < shown.size(); ++j) {
            const Tappable& b = *shown[j];
            if (a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y)
                out += a.label + " overlaps " + b.label + "; ";
        }
    }
    return out;
}

class KioskTest : public ::testing::Test {
protected:
    // Starts the kiosk on the given config (its cache path defaults to a scratch file) and draws one frame.
    void start(KioskConfig config = {}, ImVec2 size = ImVec2(1920, 1080)) {
        if (config.cache_path == KioskConfig{}.cache_path) config.cache_path = dir.file("cache.db");
        app = std::make_unique<App>(config, Clock::manual(kNowUnix), test_fonts(), fake_uploader(live_textures));
        ui = std::make_unique<HeadlessUi>(*app, size);
        ui->frame(std::nullopt);
        ui->frame(std::nullopt);
    }
    void start_with_demo(KioskConfig config = {}, ImVec2 size = ImVec2(1920, 1080)) {
        config.cache_path = dir.file("cache.db");
        demo = write_demo_cache(config.cache_path);
        start(config, size);
    }
    ScreenKind screen() const { return app->stack.back(); }
    // What the sync engine does on first reaching the server: stores the kiosk code in the
    // outbox, then reports the cycle, which is when the app re-reads the code.
    void store_kiosk_code(const std::string& code) {
        ASSERT_TRUE(app->outbox) << app->outbox_error;
        ASSERT_TRUE(app->outbox->set_kiosk_code(code));
        app->queue.push(SyncStatus{});
        ui->frame(std::nullopt);
    }
    // Frames in real time (5 ms apart, at most `limit`) until `done`: for work on other threads.
    bool frames_until(const std::function<bool()>& done, std::chrono::seconds limit = std::chrono::seconds(30)) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        for (;;) {
            ui->frame(std::nullopt);
            if (done()) return true;
            if (std::chrono::steady_clock::now() >= deadline) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    // librime deploys on its own thread in real time (from the first prepared frame); the frames
    // run on the manual clock.
    void wait_for_input_method() {
        frames_until([&] {
            return app->pinyin.state() == ime::DeployState::ready || app->pinyin.state() == ime::DeployState::failed;
        });
        ASSERT_EQ(app->pinyin.state(), ime::DeployState::ready) << app->pinyin.error();
        ui->frame(std::nullopt);
    }
    // Pictures decode on the image worker in real time; frames until every one asked for has
    // arrived, so that what a test measures next is not a late picture waking the loop.
    void wait_for_images() {
        ASSERT_TRUE(frames_until([&] { return app->images.loader_idle() && app->queue.empty(); }))
            << "pictures still decoding after 30 s";
        for (int i = 0; i < kFramesAfterInput; ++i) ui->frame(std::nullopt);
    }
    void run_ok(const std::string& steps) { test::run_ok(*ui, steps); }
    bool visible(std::string_view label) const { return app->taps.find(label) != nullptr; }
    void tap_ok(std::string_view label, int nth = 1) { test::tap_ok(*ui, label, nth); }

    ScratchDir dir;
    DemoData demo;
    int live_textures = 0;
    std::unique_ptr<App> app;
    std::unique_ptr<HeadlessUi> ui;  // after app: destroyed first
};

}  // namespace gongshi::kiosk::test
