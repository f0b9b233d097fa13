// Colours and sizes. Touch first: body text of at least 28 px and targets of at least 64 px on a
// 1080-line panel, contrast of 4.5:1 or better for every text colour on its background, party
// red as an accent. Sizes are multiples of the body font size (Theme::em), never fixed pixels.
#pragma once

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace gongshi::kiosk {

enum class ThemeMode { standard, high_contrast };
enum class TextSize { normal, large };

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
};
ImU32 to_u32(Rgb c, float alpha = 1.0f);

// WCAG 2 contrast ratio of two sRGB colours, from 1 (same) to 21 (black on white).
double contrast_ratio(Rgb a, Rgb b);

struct Palette {
    Rgb background;       // behind everything
    Rgb surface;          // tiles, cards, buttons
    Rgb surface_pressed;  // a surface under a finger
    Rgb border;           // outlines of surfaces (decoration, not text)
    Rgb text;
    Rgb text_muted;       // secondary lines on surfaces
    Rgb accent;           // party red: stripes, headings' rule, badges
    Rgb on_accent;        // text on an accent fill
    Rgb bar;              // status bar and navigation bar
    Rgb on_bar;
    bool operator==(const Palette&) const = default;
};

// A text colour on a background it is drawn on; the contrast test walks these.
struct ColorPair {
    const char* what;
    Rgb text;
    Rgb background;
};
std::vector<ColorPair> text_color_pairs(const Palette& p);

struct Theme {
    ThemeMode mode = ThemeMode::standard;
    TextSize text_size = TextSize::normal;
    Palette colors;
    float body_px = 32;   // body text
    float title_px = 48;  // headings and tile labels
    float min_target_px = 64;

    float em(float n) const { return n * body_px; }
    // A form row (a text field, a phrase or choice button): 2.4 em, never below a fingertip.
    float form_row_px() const { return std::max(em(2.4f), min_target_px); }
    bool operator==(const Theme&) const = default;
};

// Scales with the panel's short side so 1920x1080 and 1080x1920 get the same sizes.
Theme make_theme(ThemeMode mode, TextSize text_size, ImVec2 display_size);
void apply_style(const Theme& theme, ImGuiStyle& style);

}  // namespace gongshi::kiosk
