#include "theme.hpp"

#include <algorithm>
#include <cmath>

namespace gongshi::kiosk {

namespace {

double linear_channel(std::uint8_t v) {
    const double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double relative_luminance(Rgb c) {
    return 0.2126 * linear_channel(c.r) + 0.7152 * linear_channel(c.g) + 0.0722 * linear_channel(c.b);
}

ImVec4 to_vec4(Rgb c, float alpha = 1.0f) { return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha); }

constexpr Palette kStandard{
    .background = {0xF3, 0xEF, 0xE9},
    .surface = {0xFF, 0xFF, 0xFF},
    .surface_pressed = {0xF6, 0xDC, 0xDA},
    .border = {0xD8, 0xD0, 0xC6},
    .text = {0x1C, 0x1C, 0x1C},
    .text_muted = {0x55, 0x55, 0x55},
    .accent = {0xC8, 0x16, 0x1D},
    .on_accent = {0xFF, 0xFF, 0xFF},
    .bar = {0x2A, 0x2A, 0x2E},
    .on_bar = {0xFF, 0xFF, 0xFF},
};

// For weak eyes: white on black (7:1 or better everywhere), a lighter red so the accent reads on black.
constexpr Palette kHighContrast{
    .background = {0x00, 0x00, 0x00},
    .surface = {0x00, 0x00, 0x00},  // surfaces stand out by their white borders
    .surface_pressed = {0x4A, 0x10, 0x12},
    .border = {0xFF, 0xFF, 0xFF},
    .text = {0xFF, 0xFF, 0xFF},
    .text_muted = {0xE6, 0xE6, 0xE6},
    .accent = {0xFF, 0x70, 0x70},
    .on_accent = {0x00, 0x00, 0x00},
    .bar = {0x00, 0x00, 0x00},
    .on_bar = {0xFF, 0xFF, 0xFF},
};

}  // namespace

ImU32 to_u32(Rgb c, float alpha) { return ImGui::ColorConvertFloat4ToU32(to_vec4(c, alpha)); }

double contrast_ratio(Rgb a, Rgb b) {
    const double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<ColorPair> text_color_pairs(const Palette& p) {
    return {
        {"text on background", p.text, p.background},
        {"text on surface", p.text, p.surface},
        {"text on pressed surface", p.text, p.surface_pressed},
        {"muted text on surface", p.text_muted, p.surface},
        {"muted text on background", p.text_muted, p.background},
        {"accent text on surface", p.accent, p.surface},
        {"accent text on background", p.accent, p.background},
        {"text on accent", p.on_accent, p.accent},
        {"text on bar", p.on_bar, p.bar},
    };
}

Theme make_theme(ThemeMode mode, TextSize text_size, ImVec2 display_size) {
    Theme t;
    t.mode = mode;
    t.text_size = text_size;
    t.colors = mode == ThemeMode::high_contrast ? kHighContrast : kStandard;
    // Designed for a 1080-line panel; smaller development windows shrink proportionally.
    const float scale = std::min(display_size.x, display_size.y) / 1080.0f;
    const bool large = text_size == TextSize::large;
    t.body_px = std::round((large ? 40.0f : 32.0f) * scale);
    t.title_px = std::round((large ? 58.0f : 46.0f) * scale);
    t.min_target_px = std::round(64.0f * scale);
    return t;
}

void apply_style(const Theme& theme, ImGuiStyle& style) {
    style = ImGuiStyle();
    const Palette& p = theme.colors;
    style.WindowPadding = ImVec2(theme.em(0.75f), theme.em(0.75f));
    style.FramePadding = ImVec2(theme.em(0.5f), theme.em(0.35f));
    style.ItemSpacing = ImVec2(theme.em(0.5f), theme.em(0.5f));
    style.WindowRounding = 0;
    style.ChildRounding = 0;
    style.FrameRounding = theme.em(0.3f);
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    // The scrollbar only shows where a list stands; scrolling is by dragging the list itself.
    style.ScrollbarSize = theme.em(0.3f);
    style.ScrollbarRounding = theme.em(0.15f);
    style.TouchExtraPadding = ImVec2(0, 0);
    style.AntiAliasedLines = true;

    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = to_vec4(p.text);
    c[ImGuiCol_TextDisabled] = to_vec4(p.text_muted);
    c[ImGuiCol_WindowBg] = to_vec4(p.background);
    c[ImGuiCol_ChildBg] = to_vec4(p.background, 0.0f);
    c[ImGuiCol_PopupBg] = to_vec4(p.surface);
    c[ImGuiCol_Border] = to_vec4(p.border);
    c[ImGuiCol_ScrollbarBg] = to_vec4(p.background, 0.0f);
    c[ImGuiCol_ScrollbarGrab] = to_vec4(p.text_muted, 0.5f);
    // No hover-only affordances: hovered looks like idle, pressed looks different.
    c[ImGuiCol_ScrollbarGrabHovered] = c[ImGuiCol_ScrollbarGrab];
    c[ImGuiCol_ScrollbarGrabActive] = to_vec4(p.text_muted, 0.8f);
    c[ImGuiCol_Button] = to_vec4(p.surface);
    c[ImGuiCol_ButtonHovered] = c[ImGuiCol_Button];
    c[ImGuiCol_ButtonActive] = to_vec4(p.surface_pressed);
    c[ImGuiCol_Separator] = to_vec4(p.border);
}

}  // namespace gongshi::kiosk
