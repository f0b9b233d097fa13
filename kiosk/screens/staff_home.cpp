// 工作人员首页: who is logged in, and everything staff mode offers, as big buttons.
#include "screens/screens.hpp"
#include "screens/staff_screens.hpp"

namespace gongshi::kiosk {

namespace {

struct Entry {
    Str label;
    std::optional<ScreenKind> screen;          // opens a screen
    std::optional<StaffModeCommand> command;   // or runs a command
    std::optional<Str> confirm;                // asking this first
};

const Entry kEntries[] = {
    {Str::staff_notices_heading, ScreenKind::staff_notices, {}, {}},
    {Str::staff_review_heading, ScreenKind::staff_wish_review, {}, {}},
    {Str::staff_sync_health, ScreenKind::staff_sync, {}, {}},
    {Str::staff_device_info, ScreenKind::staff_device, {}, {}},
    {Str::staff_sync_now, {}, staff_cmd::SyncNow{}, {}},
    {Str::staff_restart, {}, staff_cmd::Restart{}, Str::staff_confirm_restart},
    {Str::staff_quit, {}, staff_cmd::Quit{}, Str::staff_confirm_quit},
    {Str::staff_logout, {}, staff_cmd::Logout{}, {}},
};

}  // namespace

std::optional<Action> draw_staff_home(const StaffSession& staff, StaffModeUi& state, Ui& ui) {
    const Theme& t = ui.theme;
    const std::string role = text(staff.role == "admin" ? Str::staff_role_admin : Str::staff_role_staff);
    const std::string title = format(Str::staff_home_title, {staff.name, role});
    draw_heading(ui, title.c_str(), text(Str::staff_home_hint));
    draw_staff_notice(state, ui);
    if (draw_staff_confirm(state, ui)) return std::nullopt;

    const int columns = ui.portrait ? 2 : 4;
    const float gap = t.em(0.8f), width = ImGui::GetContentRegionAvail().x;
    const ImVec2 size((width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns),
                      std::max(t.em(4.0f), t.min_target_px));
    std::optional<Action> action;
    for (std::size_t i = 0; i < std::size(kEntries); ++i) {
        const Entry& e = kEntries[i];
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine(0, gap);
        else if (i > 0) ImGui::Dummy(ImVec2(0, gap * 0.5f));
        if (!touch_button(ui, text(e.label), size, ButtonKind::nav)) continue;
        if (e.screen) action = OpenScreen{*e.screen};
        else if (e.confirm) state.confirm = PendingConfirm{*e.command, text(*e.confirm)};
        else state.command = *e.command;
    }
    return action;
}

}  // namespace gongshi::kiosk
