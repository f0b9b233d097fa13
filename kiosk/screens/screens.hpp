// Screens and the frame around them. Each is a free function of (view model, Ui) that draws
// and returns at most one action; none keeps state of its own or touches the cache.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "navigation.hpp"
#include "view_models.hpp"
#include "widgets.hpp"

namespace gongshi::kiosk {

struct StatusBarModel {
    std::string community;
    std::string clock;    // HH:MM
    std::string date;     // 3月5日 星期四
    std::string updated;  // 更新于 HH:MM
    bool offline = false;
    int outbox_depth = 0;
    bool staff_mode = false;    // shows the staff-mode marker; the long press then opens staff home
    double long_press_s = 2;    // on the community name: into staff mode
};

struct DeviceInfo {
    std::string updated;
    std::string cache_path;
    std::int64_t data_version = 0;
    ImVec2 display_size;
};

// Returns the long press on the community name (registered under the name, for scripts' `press`).
std::optional<Action> draw_status_bar(const StatusBarModel& model, Ui& ui);
std::optional<Action> draw_nav_bar(Ui& ui);

std::optional<Action> draw_home(const ViewModels& models, Ui& ui);
std::optional<Action> draw_placeholder(ScreenKind screen, Ui& ui);
std::optional<Action> draw_about(const ViewModels& models, const DeviceInfo& device, Ui& ui);

// Idle overlays, drawn over everything else.
std::optional<Action> draw_countdown(int seconds_left, Ui& ui);
std::optional<Action> draw_attract(const std::vector<AttractSlide>& slides, const std::string& community, int step, Ui& ui);
std::optional<Action> draw_quiet(Ui& ui);

// A screen's heading: title font, with a short accent rule under it.
void draw_heading(Ui& ui, const char* title, const char* subtitle = nullptr);

}  // namespace gongshi::kiosk
