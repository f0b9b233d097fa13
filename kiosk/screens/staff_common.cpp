// What the staff screens share: the outcome line and the confirm step.
#include "screens/screens.hpp"
#include "screens/staff_screens.hpp"

namespace gongshi::kiosk {

void draw_staff_notice(const StaffModeUi& state, Ui& ui) {
    if (state.notice) draw_text(ui.body, ui.theme.colors.accent, text(*state.notice), true);
}

bool draw_staff_confirm(StaffModeUi& state, Ui& ui) {
    if (!state.confirm) return false;
    const Theme& t = ui.theme;
    draw_text(ui.title, t.colors.text, state.confirm->question, true);
    ImGui::Dummy(ImVec2(0, t.em(0.4f)));
    const ImVec2 size(t.em(8.0f), std::max(t.em(2.6f), t.min_target_px));
    if (touch_button(ui, text(Str::staff_confirm), size, ButtonKind::primary)) {
        state.command = state.confirm->command;
        state.confirm.reset();
    }
    ImGui::SameLine(0, t.em(1.0f));
    if (touch_button(ui, text(Str::staff_cancel), size, ButtonKind::nav)) state.confirm.reset();
    return true;
}

}  // namespace gongshi::kiosk
