// 设备信息: what a technician on the phone asks for first.
#include "screens/screens.hpp"
#include "screens/staff_screens.hpp"

namespace gongshi::kiosk {

std::optional<Action> draw_staff_device(const DeviceFactsModel& facts, Ui& ui) {
    const Palette& c = ui.theme.colors;
    draw_heading(ui, text(Str::staff_device_info));
    begin_touch_scroll(ui.scrolls, "##device", ImGui::GetContentRegionAvail());
    const float value_x = ui.theme.em(8.0f);
    for (const DeviceFact& f : facts) {
        draw_text(ui.body, c.text_muted, text(f.label));
        ImGui::SameLine(value_x);
        draw_text(ui.body, c.text, f.value, true);
        ImGui::Dummy(ImVec2(0, ui.theme.em(0.2f)));
    }
    end_touch_scroll(ui.scrolls);
    return std::nullopt;
}

}  // namespace gongshi::kiosk
