#include "imgui_context.hpp"

namespace gongshi::kiosk {

ImGuiContextPtr make_imgui_context() {
    ImGuiContextPtr context(ImGui::CreateContext());
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk remembers nothing between runs
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    return context;
}

}  // namespace gongshi::kiosk
