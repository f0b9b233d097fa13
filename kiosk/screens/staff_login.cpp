// 工作人员登录: staff id and PIN on the numeric pad, the PIN shown as dots. The same words for an
// unknown id and a wrong PIN; the throttle's wait or lock under them.
#include <imgui_internal.h>

#include "screens/screens.hpp"
#include "screens/staff_screens.hpp"

namespace gongshi::kiosk {

namespace {

// What the PIN field shows: one dot per digit, never the digits.
KeyboardState masked(const KeyboardState& pin) {
    KeyboardState shown = pin;
    shown.field.text.clear();
    for (std::size_t i = 0; i < pin.field.chars(); ++i) shown.field.text += text(Str::staff_login_dot);
    shown.field.caret = shown.field.text.size();
    return shown;
}

void draw_outcome(const StaffLoginUi& login, bool checking, Ui& ui) {
    const Rgb warn = ui.theme.colors.accent;
    if (checking) return draw_text(ui.body, ui.theme.colors.text_muted, text(Str::staff_login_checking));
    if (login.message) draw_text(ui.body, warn, text(*login.message), true);
    if (!login.block) return;
    const std::int64_t s = login.block->wait_s;
    const std::string line = login.block->locked ? format(Str::staff_login_locked, {std::to_string((s + 59) / 60)})
                                                 : format(Str::staff_login_wait, {std::to_string(s)});
    draw_text(ui.body, warn, line, true);
}

}  // namespace

std::optional<Action> draw_staff_login(StaffModeUi& state, bool checking, Typing& typing, Ui& ui) {
    const Theme& t = ui.theme;
    StaffLoginUi& login = state.login;
    draw_heading(ui, text(Str::staff_login_title), text(Str::staff_login_subtitle));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float column = std::min(ImGui::GetContentRegionAvail().x, t.em(20.0f));
    const float field_h = std::max(t.em(2.4f), t.min_target_px), gap = t.em(0.6f);

    const bool on_id = login.typing == LoginField::staff_id;
    if (draw_text_field(ui, login.staff_id, text(Str::staff_login_id), text(Str::staff_login_id_hint),
                        ImVec2(column, field_h), on_id))
        login.typing = LoginField::staff_id;
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
    if (draw_text_field(ui, masked(login.pin), text(Str::staff_login_pin), text(Str::staff_login_pin_hint),
                        ImVec2(column, field_h), !on_id))
        login.typing = LoginField::pin;
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
    if (touch_button(ui, text(Str::staff_login_submit), ImVec2(column, field_h), ButtonKind::primary) && !checking)
        state.command = staff_cmd::SubmitLogin{};
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
    draw_outcome(login, checking, ui);

    // The pad beside the fields on a wide panel, under them on a tall one.
    const ImVec2 below = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ui.portrait ? below + ImVec2(0, gap) : origin + ImVec2(column + t.em(2.0f), 0));
    KeyboardState& typed = on_id ? login.staff_id : login.pin;
    if (auto key = draw_keyboard(typed, typing, ui, column); key && key->code == KeyCode::done && !checking) {
        if (on_id) login.typing = LoginField::pin;
        else state.command = staff_cmd::SubmitLogin{};
    }
    return std::nullopt;
}

}  // namespace gongshi::kiosk
