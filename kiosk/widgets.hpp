// The touch widgets every screen draws with. Buttons fire on release (sliding off cancels),
// look pressed while held, never change on hover, and register in the tap registry.
#pragma once

#include <imgui.h>

#include <string_view>

#include "tap_registry.hpp"
#include "theme.hpp"
#include "touch.hpp"

namespace gongshi::kiosk {

class ImageStore;

// What screens draw with: passed to every screen, holds no screen's state.
struct Ui {
    const Theme& theme;
    ImFont* body;
    ImFont* title;
    TapRegistry& taps;
    TouchScrolls& scrolls;
    ImageStore& images;
    bool portrait = false;  // layout for a panel taller than wide
};

enum class ButtonKind {
    nav,      // back / home
    primary,  // the one thing to do on an overlay, in the accent colour
    selected, // the chosen one of a row of choices (a tab, a filter chip): accent fill, body text
};

bool touch_button(Ui& ui, const char* label, ImVec2 size, ButtonKind kind);
// A home-screen tile: a badge character, the label and a one-line description.
bool touch_tile(Ui& ui, const char* label, const char* hint, const char* badge, ImVec2 size);
// A key of the on-screen keyboard or an input-method candidate: drawn with `label`, registered
// under `tap_label` ("a", "space") so scripts can press it whatever it shows.
bool touch_key(Ui& ui, const char* label, std::string_view tap_label, TapKind kind, ImVec2 size, bool accent = false);
// A tappable surface whose content the caller draws from `*face_min` (it sinks a little while
// pressed) over `size` (a member card).
bool touch_surface(Ui& ui, const char* label, ImVec2 size, ImVec2* face_min);

// Registers the last ImGui item under `label` (clipped to its window) as a tap target.
void register_last_item(Ui& ui, std::string_view label, TapKind kind = TapKind::button);

// Text in a font and colour, wrapped at the window's right edge when `wrap` is set.
void draw_text(ImFont* font, Rgb color, std::string_view text, bool wrap = false);
// Text centred in `width` pixels from the cursor (0: the rest of the content region).
void draw_text_centered(ImFont* font, Rgb color, std::string_view text, float width = 0);
// A picture from the image store, or a labelled placeholder box while loading or when missing.
void draw_image(Ui& ui, const std::string& media_id, ImVec2 size);

}  // namespace gongshi::kiosk
