#include "headless.hpp"

namespace gongshi::kiosk {

HeadlessUi::HeadlessUi(App& app, ImVec2 display_size)
    : app_(app), size_(display_size), context_(make_imgui_context()) {}

void HeadlessUi::frame(const std::optional<PointerInput>& pointer) {
    ImGui::SetCurrentContext(context_.get());
    // The atlas build leaves its pixels in memory, which is all a frame without a GPU needs.
    prepare_frame(app_, size_);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = size_;
    io.DeltaTime = kFrameSeconds;
    apply_pointer(io, pointer);
    run_frame(app_);
    app_.clock.advance(kFrameSeconds);
}

}  // namespace gongshi::kiosk
