#include "screens/disclosure_parts.hpp"

#include <imgui_internal.h>

namespace gongshi::kiosk {

bool draw_data_state(Ui& ui, const DataState& data, bool empty, Str empty_text) {
    const Palette& c = ui.theme.colors;
    if (data.offline && data.has_data) draw_text(ui.body, c.accent, text(Str::offline_cached), true);
    if (data.has_data && !empty) return false;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetContentRegionAvail().y * 0.25f);
    const Str why = !data.has_data ? (data.offline ? Str::no_data_offline : Str::no_data_syncing) : empty_text;
    draw_text_centered(ui.title, c.text, text(why));
    return true;
}

std::optional<int> draw_choices(Ui& ui, const char* id, std::span<const std::string> labels, int chosen,
                                float button_width) {
    std::optional<int> pressed;
    ImGui::PushID(id);
    const ImVec2 size(button_width, ui.theme.em(2.2f));
    for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
        if (i > 0) ImGui::SameLine(0, ui.theme.em(0.3f));
        const ButtonKind kind = i == chosen ? ButtonKind::selected : ButtonKind::nav;
        if (touch_button(ui, labels[static_cast<std::size_t>(i)].c_str(), size, kind)) pressed = i;
    }
    ImGui::PopID();
    return pressed;
}

Card::Card(Ui& ui, float width, bool highlight)
    : ui_(ui), min_(ImGui::GetCursorScreenPos()), width_(width), pad_(ui.theme.em(0.6f)), highlight_(highlight) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(min_ + ImVec2(pad_, pad_));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner_width());
}

Card::~Card() {
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + pad_;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSetCurrent(0);
    const Theme& t = ui_.theme;
    const ImVec2 max(min_.x + width_, bottom);
    dl->AddRectFilled(min_, max, to_u32(t.colors.surface), t.em(0.35f));
    // Posts with free places stand out: an accent frame and stripe, not just a colour change.
    dl->AddRect(min_, max, to_u32(highlight_ ? t.colors.accent : t.colors.border), t.em(0.35f), 0,
                highlight_ ? 4.0f : 2.0f);
    if (highlight_)
        dl->AddRectFilled(min_, ImVec2(min_.x + t.em(0.25f), bottom), to_u32(t.colors.accent), t.em(0.35f),
                          ImDrawFlags_RoundCornersLeft);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(min_.x, bottom));
    ImGui::Dummy(ImVec2(width_, t.em(0.4f)));
}

void draw_card_qr(Ui& ui, const QrCode& qr, ImVec2 top, float inner_width, float side, const char* caption) {
    const Theme& t = ui.theme;
    const ImVec2 qr_min(top.x + inner_width - side, top.y);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw_qr(dl, qr, qr_min, side);
    const float caption_w = ui.body->CalcTextSizeA(ui.body->FontSize, FLT_MAX, 0.0f, caption).x;
    dl->AddText(ui.body, ui.body->FontSize, ImVec2(qr_min.x + (side - caption_w) * 0.5f, qr_min.y + side + t.em(0.2f)),
                to_u32(t.colors.accent), caption);
    // Keep the card at least as tall as the code and its caption.
    const float needed = top.y + side + ui.body->FontSize + t.em(0.2f) - ImGui::GetCursorScreenPos().y;
    if (needed > 0) ImGui::Dummy(ImVec2(0, needed));
}

float line_height(const Ui& ui) { return ui.body->FontSize + ImGui::GetStyle().ItemSpacing.y; }

void draw_card_columns(Ui& ui, const char* scroll_id, std::size_t count,
                       const std::function<void(std::size_t, float)>& draw_card) {
    const std::size_t columns = ui.portrait ? 1 : 2;
    begin_touch_scroll(ui.scrolls, scroll_id, ImGui::GetContentRegionAvail());
    const float gap = ui.theme.em(0.5f);
    const float width = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    // Columns as groups: cards have different heights, so each column stacks its own.
    for (std::size_t col = 0; col < columns; ++col) {
        if (col > 0) ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
        for (std::size_t i = col; i < count; i += columns) {
            ImGui::PushID(static_cast<int>(i));
            draw_card(i, width);
            ImGui::PopID();
        }
        ImGui::EndGroup();
    }
    end_touch_scroll(ui.scrolls);
}

}  // namespace gongshi::kiosk
