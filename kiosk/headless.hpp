// Kiosk frames with no window and no GPU (after ImGui's examples/example_null), for GoogleTest
// and benchmarks. Time is the app's manual clock, moved 1/60 s per frame; input goes through
// the same pointer path as a finger.
#pragma once

#include "app.hpp"
#include "imgui_context.hpp"
#include "script.hpp"

namespace gongshi::kiosk {

class HeadlessUi final : public FrameDriver {
public:
    static constexpr float kFrameSeconds = 1.0f / 60.0f;

    HeadlessUi(App& app, ImVec2 display_size);

    void frame(const std::optional<PointerInput>& pointer) override;
    const TapRegistry& taps() const override { return app_.taps; }
    Clock& clock() override { return app_.clock; }
    // Nothing to capture without a GPU: scripts with screenshots still run headless.
    Status screenshot(const std::string&) override { return success(); }
    std::size_t live_textures() const override { return app_.images.live_textures(); }

    void resize(ImVec2 display_size) { size_ = display_size; }
    ImVec2 size() const { return size_; }

private:
    App& app_;
    ImVec2 size_;
    ImGuiContextPtr context_;
};

}  // namespace gongshi::kiosk
