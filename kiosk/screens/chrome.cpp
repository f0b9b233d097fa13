// The frame around every screen: the status bar, the navigation bar and screen headings.
#include <imgui_internal.h>

#include <algorithm>

#include "screens/screens.hpp"

namespace gongshi::kiosk {

namespace {

float text_width(ImFont* font, std::string_view s) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
}

void add_text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 color, std::string_view s, const ImVec4* clip = nullptr) {
    dl->AddText(font, font->FontSize, pos, color, s.data(), s.data() + s.size(), 0.0f, clip);
}

// The entry into staff mode: discreet (nothing shows it), and long enough that a resident resting
// a finger on the name does not stumble into it. It fires while held, at the threshold.
std::optional<Action> long_press_on_name(const StatusBarModel& m, Ui& ui, ImVec2 min, ImVec2 size) {
    ImGui::SetCursorScreenPos(min);
    ImGui::InvisibleButton("##community", size);
    register_last_item(ui, m.community);
    const ImGuiContext& g = *GImGui;
    const auto hold = static_cast<float>(m.long_press_s);
    if (!ImGui::IsItemActive() || g.ActiveIdTimer < hold || g.ActiveIdTimer - g.IO.DeltaTime >= hold) return std::nullopt;
    return OpenScreen{m.staff_mode ? ScreenKind::staff_home : ScreenKind::staff_login};
}

}  // namespace

std::optional<Action> draw_status_bar(const StatusBarModel& m, Ui& ui) {
    const Theme& t = ui.theme;
    const Palette& c = t.colors;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    // At least a finger high: the community name in it is the long-press entry into staff mode.
    const float width = ImGui::GetContentRegionAvail().x, height = std::max(t.em(1.9f), t.min_target_px);
    dl->AddRectFilled(min, min + ImVec2(width, height), to_u32(c.bar));
    // The edge matters in high contrast, where the bar is as black as the screen.
    dl->AddLine(ImVec2(min.x, min.y + height - 1), ImVec2(min.x + width, min.y + height - 1), to_u32(c.border), 2.0f);

    const float pad = t.em(0.75f), gap = t.em(1.0f);
    const float y = min.y + (height - ui.body->FontSize) * 0.5f;
    // Laid out from the right: clock, date, badges, update time; the community name gets the rest.
    float right = min.x + width - pad;
    auto put_right = [&](std::string_view s, ImU32 color) {
        right -= text_width(ui.body, s);
        add_text(dl, ui.body, ImVec2(right, y), color, s);
        right -= gap;
    };
    put_right(m.clock, to_u32(c.on_bar));
    if (!ui.portrait) put_right(m.date, to_u32(c.on_bar));
    auto put_pill = [&](std::string_view label) {
        const float w = text_width(ui.body, label), inset = t.em(0.4f);
        const ImVec2 pill_min(right - w - 2 * inset, min.y + t.em(0.25f));
        dl->AddRectFilled(pill_min, ImVec2(right, min.y + height - t.em(0.25f)), to_u32(c.accent), t.em(0.7f));
        add_text(dl, ui.body, ImVec2(pill_min.x + inset, y), to_u32(c.on_accent), label);
        right = pill_min.x - gap;
    };
    if (m.offline) put_pill(text(Str::offline));
    if (m.staff_mode) put_pill(text(Str::staff_mode_marker));
    if (m.outbox_depth > 0) put_right(format(Str::outbox_depth, {std::to_string(m.outbox_depth)}), to_u32(c.on_bar));
    put_right(m.updated, to_u32(c.on_bar));
    const ImVec4 clip(min.x, min.y, right, min.y + height);
    add_text(dl, ui.body, ImVec2(min.x + pad, y), to_u32(c.on_bar), m.community, &clip);
    const float name_w = std::min(text_width(ui.body, m.community) + 2 * pad, right - min.x);
    std::optional<Action> action = long_press_on_name(m, ui, min, ImVec2(std::max(name_w, t.min_target_px), height));
    ImGui::SetCursorScreenPos(min);
    ImGui::Dummy(ImVec2(width, height));
    return action;
}

std::optional<Action> draw_nav_bar(Ui& ui) {
    const Theme& t = ui.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x, height = ImGui::GetContentRegionAvail().y;
    dl->AddRectFilled(min, min + ImVec2(width, height), to_u32(t.colors.bar));
    dl->AddLine(min, ImVec2(min.x + width, min.y), to_u32(t.colors.border), 2.0f);
    const ImVec2 button(t.em(7.0f), std::max(t.em(2.2f), t.min_target_px));
    const float pad = t.em(0.75f), top = (height - button.y) * 0.5f;
    std::optional<Action> action;
    ImGui::SetCursorScreenPos(min + ImVec2(pad, top));
    if (touch_button(ui, text(Str::nav_back), button, ButtonKind::nav)) action = GoBack{};
    ImGui::SetCursorScreenPos(min + ImVec2(width - pad - button.x, top));
    if (touch_button(ui, text(Str::nav_home), button, ButtonKind::nav)) action = GoHome{};
    return action;
}

void draw_heading(Ui& ui, const char* title, const char* subtitle) {
    const Theme& t = ui.theme;
    draw_text(ui.title, t.colors.text, title);
    const ImVec2 rule = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(rule, rule + ImVec2(t.em(3.0f), t.em(0.18f)), to_u32(t.colors.accent));
    ImGui::Dummy(ImVec2(t.em(3.0f), t.em(0.18f)));
    if (subtitle != nullptr) draw_text(ui.body, t.colors.text_muted, subtitle);
    ImGui::Dummy(ImVec2(0, t.em(0.2f)));
}

}  // namespace gongshi::kiosk
