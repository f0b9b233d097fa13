// 微心愿: the public board. Tabs 待认领 / 已认领 / 已完成, filters by category and estate, and a
// card per wish: its category, estate, text and the masked name; an open wish carries a QR code a
// member scans to claim it (党员接单), a claimed or fulfilled one says who took it and when.
// 我要许愿 opens the posting flow. Only public statuses ever reach this screen (board_query).
#include <imgui_internal.h>

#include <algorithm>

#include "screens/disclosure_parts.hpp"
#include "screens/screens.hpp"
#include "wish_screens.hpp"

namespace gongshi::kiosk {

namespace {

void draw_tabs(WishBoardUi& s, Ui& ui, float width) {
    const WishTab tabs[] = {WishTab::open, WishTab::claimed, WishTab::fulfilled};
    const Str labels[] = {Str::wish_tab_open, Str::wish_claimed, Str::wish_fulfilled};
    std::vector<std::pair<std::string, bool>> choices;
    for (int i = 0; i < 3; ++i) choices.emplace_back(text(labels[i]), s.tab == tabs[i]);
    if (auto tapped = draw_choice_row(ui, choices, width)) s.tab = tabs[*tapped];
}

// The two filter chips, registered under the filter's name whatever is chosen.
void draw_filter_chips(const WishBoardModel& model, WishBoardUi& s, Ui& ui, float width) {
    const WishFilterKind kinds[] = {WishFilterKind::category, WishFilterKind::estate};
    const Str names[] = {Str::wish_filter_category, Str::wish_filter_estate};
    const std::optional<std::string>* chosen[] = {&s.category, &s.estate_id};
    const std::vector<Choice>* lists[] = {&model.categories, &model.estates};
    const float gap = ui.theme.em(0.4f);
    const ImVec2 size((width - gap) * 0.5f, std::max(ui.theme.em(2.2f), ui.theme.min_target_px));
    for (int i = 0; i < 2; ++i) {
        if (i > 0) ImGui::SameLine(0, gap);
        const char* name = text(names[i]);
        const std::string label = fit_text(ui.body, format(Str::filter_chip, {name, chosen_label(*lists[i], *chosen[i])}),
                                           size.x - ui.theme.em(0.8f)) + "##wish-chip" + std::to_string(i);
        if (touch_key(ui, label.c_str(), name, TapKind::button, size, chosen[i]->has_value())) s.picking = kinds[i];
    }
}

void draw_filter_page(const WishBoardModel& model, WishBoardUi& s, Ui& ui) {
    const bool category = s.picking == WishFilterKind::category;
    std::optional<std::string>& value = category ? s.category : s.estate_id;
    const auto picked = draw_choice_page(ui, text(category ? Str::wish_filter_category : Str::wish_filter_estate),
                                         category ? model.categories : model.estates, value);
    if (!picked) return;
    value = *picked;
    s.picking = WishFilterKind::none;
}

// Who took the wish and when, for claimed and fulfilled ones.
std::string progress_line(const WishCard& card) {
    const Wish& w = card.view.wish;
    std::string line = card.view.claimed_by_name.empty() ? std::string() : format(Str::wish_claimed_by, {card.view.claimed_by_name});
    const std::string when = w.status == WishStatus::fulfilled ? format(Str::wish_fulfilled_on, {card.fulfilled})
                                                               : format(Str::wish_claimed_on, {card.claimed});
    return line.empty() ? when : format(Str::two_parts, {line, when});
}

void draw_wish_card(const WishCard& card, Ui& ui, float width) {
    const Theme& t = ui.theme;
    const Palette& c = t.colors;
    const Wish& w = card.view.wish;
    const bool open = w.status == WishStatus::open;
    const Card frame(ui, width, open);
    const float qr_side = open && !card.qr.empty() ? t.em(6.0f) : 0.0f;
    const float text_w = frame.inner_width() - (qr_side > 0 ? qr_side + t.em(0.6f) : 0.0f);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
    draw_text(ui.body, c.accent, format(Str::wish_row, {w.category, card.view.grid_name}));
    draw_text(ui.title, c.text, w.text, true);
    const std::string who = w.display_name_masked.empty() ? text(Str::wish_resident) : w.display_name_masked;
    draw_text(ui.body, c.text_muted, format(Str::two_parts, {who, format(Str::wish_submitted_on, {card.submitted})}));
    if (!open) draw_text(ui.body, c.text, progress_line(card), true);
    ImGui::PopTextWrapPos();
    if (qr_side > 0) draw_card_qr(ui, card.qr, top, frame.inner_width(), qr_side, text(Str::wish_scan));
}

void draw_cards(const WishBoardModel& model, Ui& ui) {
    draw_card_columns(ui, "##wishes", model.cards.size(),
                      [&](std::size_t i, float width) { draw_wish_card(model.cards[i], ui, width); });
}

}  // namespace

std::optional<Action> draw_wishes(const WishBoardModel& model, WishScreensUi& state, const DataState& data, Ui& ui) {
    WishBoardUi& s = state.board;
    const Theme& t = ui.theme;
    const std::string count = format(Str::wish_board_count, {std::to_string(model.total)});
    const float width = ImGui::GetContentRegionAvail().x, gap = t.em(0.6f);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    draw_heading(ui, text(Str::tile_wishes), data.has_data ? count.c_str() : nullptr);
    const ImVec2 below_heading = ImGui::GetCursorScreenPos();
    // The way in for residents stands out at the top right, level with the heading; 查询进度
    // goes beside it.
    const ImVec2 post_size(t.em(10.0f), t.em(3.0f)), track_size(t.em(8.0f), t.em(3.0f));
    ImGui::SetCursorScreenPos(ImVec2(top.x + width - post_size.x - gap - track_size.x, top.y));
    std::optional<Action> action;
    if (touch_button(ui, text(Str::wish_new), post_size, ButtonKind::primary)) {
        if (state.receipt) {  // the last wish was submitted: a new one starts from an empty form
            state.receipt.reset();
            state.form = WishForm{};
        }
        action = OpenScreen{ScreenKind::wish_post};
    }
    ImGui::SameLine(0, gap);
    if (touch_button(ui, text(Str::track_open), track_size, ButtonKind::nav))
        action = OpenScreen{ScreenKind::wish_tracking};
    ImGui::SetCursorScreenPos(ImVec2(below_heading.x, std::max(below_heading.y, top.y + post_size.y + t.em(0.3f))));
    if (!data.has_data) {
        draw_data_state(ui, data, true, Str::wish_board_empty);
        return action;
    }
    if (s.picking != WishFilterKind::none) {
        draw_filter_page(model, s, ui);
        return action;
    }
    // Tabs and filters share one row in landscape, so the cards get the height.
    const float tabs_w = ui.portrait ? width : width * 0.55f;
    draw_tabs(s, ui, tabs_w);
    if (ui.portrait) ImGui::Dummy(ImVec2(0, t.em(0.2f)));
    else ImGui::SameLine(0, gap);
    draw_filter_chips(model, s, ui, ui.portrait ? width : width - tabs_w - gap);
    ImGui::Dummy(ImVec2(0, t.em(0.2f)));
    if (draw_data_state(ui, data, model.cards.empty(), Str::wish_board_empty)) return action;
    draw_cards(model, ui);
    return action;
}

}  // namespace gongshi::kiosk
