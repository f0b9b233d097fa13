// An ImGui context set up the kiosk's way, owned RAII-style by whoever runs frames.
#pragma once

#include <imgui.h>

#include <memory>

namespace gongshi::kiosk {

struct ImGuiContextDeleter {
    void operator()(ImGuiContext* context) const { ImGui::DestroyContext(context); }
};
using ImGuiContextPtr = std::unique_ptr<ImGuiContext, ImGuiContextDeleter>;

// Creates and makes current a context with no ini file, no keyboard navigation and no cursor
// shapes (kiosk mode hides the cursor).
ImGuiContextPtr make_imgui_context();

}  // namespace gongshi::kiosk
