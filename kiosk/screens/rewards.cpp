// 积分超市: what members can redeem, with a picture, the point cost and the stock. A sold-out
// item stays listed (people ask about it) but says 已兑完 in a filled tag, not only in grey.
#include <imgui_internal.h>

#include "screens/disclosure_parts.hpp"
#include "screens/screens.hpp"

namespace gongshi::kiosk {

namespace {

void draw_reward(const Reward& r, Ui& ui, float width) {
    const Theme& t = ui.theme;
    const Palette& c = t.colors;
    const Card card(ui, width);
    const float side = card.inner_width();
    if (r.image) draw_image(ui, *r.image, ImVec2(side, side * 0.6f));
    else ImGui::Dummy(ImVec2(side, side * 0.6f));
    draw_text(ui.title, c.text, r.name);  // wraps inside the card
    draw_text(ui.body, c.accent, format(Str::rewards_cost, {std::to_string(r.cost)}));
    if (r.stock > 0) {
        draw_text(ui.body, c.text_muted, format(Str::rewards_stock, {std::to_string(r.stock)}));
        return;
    }
    const char* sold_out = text(Str::rewards_sold_out);
    const ImVec2 size = ui.body->CalcTextSizeA(ui.body->FontSize, FLT_MAX, 0.0f, sold_out) + ImVec2(t.em(0.6f), t.em(0.2f));
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, min + size, to_u32(c.text), t.em(0.2f));
    dl->AddText(ui.body, ui.body->FontSize, min + ImVec2(t.em(0.3f), t.em(0.1f)), to_u32(c.background), sold_out);
    ImGui::Dummy(size);
}

}  // namespace

std::optional<Action> draw_rewards(const RewardsModel& model, const DataState& data, Ui& ui) {
    const Theme& t = ui.theme;
    draw_heading(ui, text(Str::tile_rewards));
    if (draw_data_state(ui, data, model.rewards.empty(), Str::rewards_empty)) return std::nullopt;
    const int columns = ui.portrait ? 2 : 4;
    const float gap = t.em(0.5f);
    begin_touch_scroll(ui.scrolls, "##rewards", ImGui::GetContentRegionAvail());
    const float width = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    // Row by row, each row as tall as its tallest card: groups side by side, then a new line.
    for (std::size_t i = 0; i < model.rewards.size(); ++i) {
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
        draw_reward(model.rewards[i], ui, width);
        ImGui::EndGroup();
    }
    end_touch_scroll(ui.scrolls);
    return std::nullopt;
}

}  // namespace gongshi::kiosk
