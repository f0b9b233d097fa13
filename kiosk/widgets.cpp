#include "widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <optional>

#include "images.hpp"
#include "ui_strings.hpp"

namespace gongshi::kiosk {

namespace {

// The part of a label before "##", which ImGui keeps for the id only.
std::string_view visible_label(const char* label) {
    return std::string_view(label, static_cast<std::size_t>(ImGui::FindRenderedTextEnd(label) - label));
}

void draw_centered_label(ImDrawList* dl, ImFont* font, ImU32 color, const ImRect& box, std::string_view text) {
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, box.GetWidth(), 0.0f, text.data(), text.data() + text.size());
    const ImVec2 pos(box.Min.x + (box.GetWidth() - size.x) * 0.5f, box.Min.y + (box.GetHeight() - size.y) * 0.5f);
    const ImVec4 clip(box.Min.x, box.Min.y, box.Max.x, box.Max.y);
    dl->AddText(font, font->FontSize, pos, color, text.data(), text.data() + text.size(), 0.0f, &clip);
}

// A tile: a round badge with one character, the label, and its description, centred
// vertically when the tile is taller than its content.
void draw_tile_content(ImDrawList* dl, const Ui& ui, const ImRect& box, std::string_view label, const char* hint,
                       const char* badge) {
    const Theme& t = ui.theme;
    const Palette& c = t.colors;
    const ImVec4 clip(box.Min.x, box.Min.y, box.Max.x, box.Max.y);
    const float pad = t.em(0.8f), disc = t.em(2.4f), wrap = box.GetWidth() - 2 * pad;
    // Two lines are reserved for every hint, so badges and titles line up across a row of tiles.
    const float hint_height = std::max(2.0f * ui.body->FontSize,
                                       ui.body->CalcTextSizeA(ui.body->FontSize, FLT_MAX, wrap, hint).y) + t.em(0.4f);
    const float text_height = ui.title->FontSize + hint_height;
    // The badge goes first to make room when a tile is short (large text on a small panel).
    const bool with_badge = box.GetHeight() >= 2 * pad + disc + t.em(0.6f) + text_height;
    const float content = text_height + (with_badge ? disc + t.em(0.6f) : 0.0f);
    ImVec2 pos(box.Min.x + pad, box.Min.y + std::max(pad, (box.GetHeight() - content) * 0.5f));
    if (with_badge) {
        const ImVec2 centre = pos + ImVec2(disc * 0.5f, disc * 0.5f);
        dl->AddCircleFilled(centre, disc * 0.5f, to_u32(c.accent));
        const ImVec2 size = ui.title->CalcTextSizeA(ui.title->FontSize, FLT_MAX, 0.0f, badge);
        dl->AddText(ui.title, ui.title->FontSize, centre - size * 0.5f, to_u32(c.on_accent), badge);
        pos.y += disc + t.em(0.6f);
    }
    dl->AddText(ui.title, ui.title->FontSize, pos, to_u32(c.text), label.data(), label.data() + label.size(), 0.0f,
                &clip);
    pos.y += ui.title->FontSize + t.em(0.4f);
    dl->AddText(ui.body, ui.body->FontSize, pos, to_u32(c.text_muted), hint, nullptr, wrap, &clip);
}

}  // namespace

void register_last_item(Ui& ui, std::string_view label, TapKind kind) {
    const ImGuiContext& g = *GImGui;
    ImRect visible = g.LastItemData.Rect;
    const ImRect whole = visible;
    visible.ClipWithFull(g.CurrentWindow->ClipRect);
    if (visible.GetWidth() <= 0 || visible.GetHeight() <= 0) return;
    // A row cut by its list's edge to a sliver is not a target until it is scrolled into view:
    // a finger cannot hit it reliably, and a script tapping it would hit the edge.
    const ImRect& full = g.LastItemData.Rect;
    if (visible.GetHeight() < std::min(full.GetHeight(), ui.theme.min_target_px) ||
        visible.GetWidth() < std::min(full.GetWidth(), ui.theme.min_target_px))
        return;
    // A target cut by a list's edge to less than a finger is not offered: a finger scrolls it
    // into view first, and scripts and tests must not tap a sliver of it.
    const bool cut = visible.GetWidth() < whole.GetWidth() || visible.GetHeight() < whole.GetHeight();
    if (cut && (visible.GetWidth() < ui.theme.min_target_px || visible.GetHeight() < ui.theme.min_target_px)) return;
    ui.taps.add(Tappable{std::string(label), g.LastItemData.ID, visible.Min, visible.Max, kind});
}

namespace {

struct Press {
    bool pressed = false;  // released inside: the action fires
    bool down = false;     // under a finger right now
    ImRect face;           // where to draw: sinks a little while down
};

// What every touch button shares: layout, ImGui's press-on-release behaviour (sliding off
// cancels; a scroll takes the press away), and registration under the visible label.
std::optional<Press> button_behavior(Ui& ui, const char* label, ImVec2 size, std::string_view tap_label,
                                     TapKind kind = TapKind::button) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID id = window->GetID(label);
    const ImRect box(window->DC.CursorPos, window->DC.CursorPos + size);
    ImGui::ItemSize(size);
    if (!ImGui::ItemAdd(box, id)) return std::nullopt;
    bool hovered = false, held = false;
    Press p;
    p.pressed = ImGui::ButtonBehavior(box, id, &hovered, &held);
    p.down = held && hovered;
    // Pressed feedback: a different fill and a slight sink, so a finger sees the touch land.
    p.face = p.down ? ImRect(box.Min + ImVec2(2, 2), box.Max + ImVec2(2, 2)) : box;
    register_last_item(ui, tap_label, kind);
    return p;
}

void draw_surface(ImDrawList* dl, const Theme& t, const Press& p) {
    const float rounding = t.em(0.35f);
    dl->AddRectFilled(p.face.Min, p.face.Max, to_u32(p.down ? t.colors.surface_pressed : t.colors.surface), rounding);
    dl->AddRect(p.face.Min, p.face.Max, to_u32(t.colors.border), rounding, 0, 2.0f);
}

}  // namespace

bool touch_button(Ui& ui, const char* label, ImVec2 size, ButtonKind kind) {
    const std::optional<Press> p = button_behavior(ui, label, size, visible_label(label));
    if (!p) return false;
    const Theme& t = ui.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    switch (kind) {
    case ButtonKind::nav:
        draw_surface(dl, t, *p);
        draw_centered_label(dl, ui.body, to_u32(t.colors.text), p->face, visible_label(label));
        break;
    case ButtonKind::primary:
        dl->AddRectFilled(p->face.Min, p->face.Max, to_u32(t.colors.accent, p->down ? 0.8f : 1.0f), t.em(0.35f));
        draw_centered_label(dl, ui.title, to_u32(t.colors.on_accent), p->face, visible_label(label));
        break;
    case ButtonKind::selected:
        dl->AddRectFilled(p->face.Min, p->face.Max, to_u32(t.colors.accent, p->down ? 0.8f : 1.0f), t.em(0.35f));
        draw_centered_label(dl, ui.body, to_u32(t.colors.on_accent), p->face, visible_label(label));
        break;
    }
    return p->pressed;
}

bool touch_key(Ui& ui, const char* label, std::string_view tap_label, TapKind kind, ImVec2 size, bool accent) {
    const std::optional<Press> p = button_behavior(ui, label, size, tap_label, kind);
    if (!p) return false;
    const Theme& t = ui.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (accent) dl->AddRectFilled(p->face.Min, p->face.Max, to_u32(t.colors.accent, p->down ? 0.8f : 1.0f), t.em(0.35f));
    else draw_surface(dl, t, *p);
    draw_centered_label(dl, ui.body, to_u32(accent ? t.colors.on_accent : t.colors.text), p->face, visible_label(label));
    return p->pressed;
}

bool touch_surface(Ui& ui, const char* label, ImVec2 size, ImVec2* face_min) {
    const std::optional<Press> p = button_behavior(ui, label, size, visible_label(label));
    if (!p) return false;
    draw_surface(ImGui::GetWindowDrawList(), ui.theme, *p);
    *face_min = p->face.Min;
    return p->pressed;
}

bool touch_tile(Ui& ui, const char* label, const char* hint, const char* badge, ImVec2 size) {
    const std::optional<Press> p = button_behavior(ui, label, size, visible_label(label));
    if (!p) return false;
    const Theme& t = ui.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw_surface(dl, t, *p);
    dl->AddRectFilled(p->face.Min, ImVec2(p->face.Min.x + t.em(0.25f), p->face.Max.y), to_u32(t.colors.accent),
                      t.em(0.35f), ImDrawFlags_RoundCornersLeft);
    draw_tile_content(dl, ui, p->face, visible_label(label), hint, badge);
    return p->pressed;
}

void draw_text(ImFont* font, Rgb color, std::string_view text, bool wrap) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, to_u32(color));
    if (wrap) ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    if (wrap) ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void draw_text_centered(ImFont* font, Rgb color, std::string_view text, float width) {
    if (width <= 0) width = ImGui::GetContentRegionAvail().x;
    const float text_width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
    if (text_width < width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - text_width) * 0.5f);
    draw_text(font, color, text, text_width >= width);
}

void draw_image(Ui& ui, const std::string& media_id, ImVec2 size) {
    const TextureLookup tex = ui.images.get(media_id);
    if (tex.id != nullptr) {
        // Letterboxed: keep the picture's aspect inside the box.
        const float scale = ImMin(size.x / tex.size.x, size.y / tex.size.y);
        const ImVec2 shown(tex.size.x * scale, tex.size.y * scale);
        const ImVec2 start = ImGui::GetCursorPos();
        ImGui::SetCursorPos(start + (size - shown) * 0.5f);
        ImGui::Image(tex.id, shown);
        ImGui::SetCursorPos(start);
        ImGui::Dummy(size);
        return;
    }
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& c = ui.theme.colors;
    dl->AddRectFilled(min, min + size, to_u32(c.surface), ui.theme.em(0.3f));
    dl->AddRect(min, min + size, to_u32(c.border), ui.theme.em(0.3f), 0, 2.0f);
    // While a picture loads the box stays empty; the label is for a missing or broken one.
    if (tex.state == TextureState::broken)
        draw_centered_label(dl, ui.body, to_u32(c.text_muted), ImRect(min, min + size), text(Str::image_missing));
}

}  // namespace gongshi::kiosk
