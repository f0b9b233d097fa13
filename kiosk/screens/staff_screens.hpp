// Staff mode's own screens: the login pad, staff home, sync health and device facts. They draw
// from StaffMode's models and change only its UI state (typing, the confirm step, the command
// left for the app to run between frames).
#pragma once

#include <optional>

#include "keyboard.hpp"
#include "navigation.hpp"
#include "staff.hpp"
#include "staff_mode.hpp"
#include "widgets.hpp"

namespace gongshi::kiosk {

// `checking`: an attempt is in flight, the pad shows 正在验证… and takes no new one.
std::optional<Action> draw_staff_login(StaffModeUi& state, bool checking, Typing& typing, Ui& ui);
std::optional<Action> draw_staff_home(const StaffSession& staff, StaffModeUi& state, Ui& ui);
std::optional<Action> draw_staff_sync(const SyncHealthModel& model, StaffModeUi& state, Ui& ui);
std::optional<Action> draw_staff_device(const DeviceFactsModel& model, Ui& ui);

// Shared by the staff screens: the outcome line of the last command, and the confirm step
// (question, 确定, 取消) that replaces a screen's buttons while a risky command waits for it.
void draw_staff_notice(const StaffModeUi& state, Ui& ui);
// True while a confirm step is shown (the caller draws nothing else that can be tapped).
bool draw_staff_confirm(StaffModeUi& state, Ui& ui);

}  // namespace gongshi::kiosk
