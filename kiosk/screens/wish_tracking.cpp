// 查询进度: the code field with 查询 beside it, the result under them, the keyboard at the bottom
// (letters and digits only; what is typed shows upper-cased). The result is the status in large
// type, what it means, the category and dates, and where it came from.
#include <imgui_internal.h>

#include <algorithm>

#include "screens/screens.hpp"
#include "wish_tracking.hpp"

namespace gongshi::kiosk {

namespace {

// Codes are printed in capitals; typing "aa7kq3m" shows "AA7KQ3M".
void upper_case(TextField& field) {
    std::transform(field.text.begin(), field.text.end(), field.text.begin(),
                   [](char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; });
}

Str source_line(TrackingSource source) {
    switch (source) {
    case TrackingSource::server: return Str::track_from_server;
    case TrackingSource::cache: return Str::track_from_cache;
    case TrackingSource::outbox: return Str::track_from_outbox;
    }
    return Str::track_from_server;
}

void draw_result(const TrackingModel& m, Ui& ui) {
    const Theme& t = ui.theme;
    draw_text(ui.body, t.colors.text_muted, format(Str::track_code_shown, {m.code}));
    draw_text(ui.title, t.colors.accent, text(m.status));
    draw_text(ui.body, t.colors.text, text(m.explanation), true);
    if (!m.category.empty()) draw_text(ui.body, t.colors.text, format(Str::track_category, {m.category}));
    for (const std::string& d : m.dates) draw_text(ui.body, t.colors.text, d);
    ImGui::Dummy(ImVec2(0, t.em(0.3f)));
    const std::string source = m.source == TrackingSource::cache ? format(source_line(m.source), {m.as_of})
                                                                  : std::string(text(source_line(m.source)));
    draw_text(ui.body, t.colors.text_muted, source, true);
}

void draw_outcome(const TrackingModel& m, Ui& ui) {
    const Theme& t = ui.theme;
    switch (m.phase) {
    case TrackingPhase::entering: return draw_text(ui.body, t.colors.text_muted, text(Str::track_where_code), true);
    case TrackingPhase::waiting: return draw_text(ui.body, t.colors.text, text(Str::track_waiting), true);
    case TrackingPhase::shown: break;
    }
    if (m.message) return draw_text(ui.body, t.colors.accent, text(*m.message), true);
    draw_result(m, ui);
}

// The code field with 查询 beside it, over `width`; 查询 or the keyboard's 完成 asks for the lookup.
void draw_code_row(TrackingUi& state, Ui& ui, float width) {
    const Theme& t = ui.theme;
    const float button_w = t.em(6.0f), gap = t.em(0.5f);
    const float field_w = std::min(width - button_w - gap, t.em(24.0f));
    draw_text_field(ui, state.code, text(Str::track_field), text(Str::track_field_hint), ImVec2(field_w, ui.theme.form_row_px()), true);
    ImGui::SameLine(0, gap);
    if (touch_button(ui, text(Str::track_submit), ImVec2(button_w, ui.theme.form_row_px()), ButtonKind::primary))
        state.lookup_requested = true;
}

void draw_code_keyboard(TrackingUi& state, Typing& typing, Ui& ui, ImVec2 at, float width) {
    ImGui::SetCursorScreenPos(at);
    if (const auto key = draw_keyboard(state.code, typing, ui, width)) {
        upper_case(state.code.field);
        if (key->code == KeyCode::done) state.lookup_requested = true;
    }
}

}  // namespace

// Landscape: the field and keyboard on the left, the result on the right. Portrait: the field,
// the result under it, the keyboard at the bottom.
std::optional<Action> draw_wish_tracking(const TrackingModel& model, TrackingUi& state, Typing& typing, Ui& ui) {
    const Theme& t = ui.theme;
    draw_heading(ui, text(Str::track_title), text(Str::track_subtitle));
    const ImVec2 area = ImGui::GetContentRegionAvail();
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float kb_h = keyboard_height(ui, state.code.layout), gap = t.em(1.0f);
    const float left_w = ui.portrait ? area.x : std::min(area.x * 0.6f, t.em(44.0f));
    draw_code_row(state, ui, left_w);
    ImVec2 result_min = ImGui::GetCursorScreenPos() + ImVec2(0, t.em(0.5f));
    ImVec2 result_size(area.x, start.y + area.y - kb_h - gap - result_min.y);
    if (!ui.portrait) {
        result_min = start + ImVec2(left_w + gap, 0);
        result_size = ImVec2(area.x - left_w - gap, area.y);
    }
    ImGui::SetCursorScreenPos(result_min);
    ImGui::BeginChild("##track-result", ImVec2(result_size.x, std::max(result_size.y, ui.body->FontSize)), false,
                      ImGuiWindowFlags_NoScrollbar);
    draw_outcome(model, ui);
    ImGui::EndChild();
    const float kb_w = std::min(left_w, t.em(44.0f));
    draw_code_keyboard(state, typing, ui, ImVec2(start.x + (left_w - kb_w) * 0.5f, start.y + area.y - kb_h), kb_w);
    return std::nullopt;
}

}  // namespace gongshi::kiosk
