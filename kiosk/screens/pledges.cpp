// 承诺公示: every member's card (photo, name, unit, claimed posts, pledge headline), filtered by
// grid, unit, post category and registration status, searched by name, pinyin or initials on
// the on-screen keyboard. A card opens the member's profile.
#include <algorithm>

#include <imgui_internal.h>

#include "member_screens.hpp"
#include "screens/screens.hpp"

namespace gongshi::kiosk {

namespace {

const char* registration_label(const std::optional<Registration>& r) {
    if (!r) return text(Str::filter_all);
    return text(*r == Registration::registered ? Str::registered : Str::unregistered);
}

Str filter_name(MemberFilterKind kind) {
    switch (kind) {
    case MemberFilterKind::grid: return Str::filter_grid;
    case MemberFilterKind::unit: return Str::filter_unit;
    case MemberFilterKind::category: return Str::filter_category;
    case MemberFilterKind::registration:
    case MemberFilterKind::none: break;
    }
    return Str::filter_registration;
}

bool any_filter(const PledgesUi& s) {
    return s.filter.grid_id || s.filter.unit_id || s.filter.post_category || s.filter.registration ||
           !s.search.query().empty();
}

// The four filter chips: each shows its choice and opens its page of choices. Registered under
// the filter's name, so "网格" stays the same target whatever is chosen.
void draw_filter_chips(const PledgesModel& model, PledgesUi& s, Ui& ui, float width) {
    const MemberFilterKind kinds[] = {MemberFilterKind::grid, MemberFilterKind::unit, MemberFilterKind::category,
                                      MemberFilterKind::registration};
    const std::string values[] = {chosen_label(model.grids, s.filter.grid_id), chosen_label(model.units, s.filter.unit_id),
                                  chosen_label(model.categories, s.filter.post_category),
                                  registration_label(s.filter.registration)};
    const bool set[] = {s.filter.grid_id.has_value(), s.filter.unit_id.has_value(), s.filter.post_category.has_value(),
                        s.filter.registration.has_value()};
    const int per_row = ui.portrait ? 2 : 4;
    const float gap = ui.theme.em(0.4f);
    const ImVec2 size((width - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row),
                      std::max(ui.theme.em(2.2f), ui.theme.min_target_px));
    for (int i = 0; i < 4; ++i) {
        if (i % per_row != 0) ImGui::SameLine(0, gap);
        const char* name = text(filter_name(kinds[i]));
        const std::string label = fit_text(ui.body, format(Str::filter_chip, {name, values[i]}), size.x - ui.theme.em(0.8f)) +
                                  "##chip" + std::to_string(i);
        if (touch_key(ui, label.c_str(), name, TapKind::button, size, set[i])) s.picking = kinds[i];
    }
}

// A filter's choices as big buttons, 全部 first; choosing one closes the page.
void draw_filter_page(const PledgesModel& model, PledgesUi& s, Ui& ui) {
    std::vector<Choice> choices;
    std::optional<std::string> current;
    switch (s.picking) {
    case MemberFilterKind::grid: choices = model.grids; current = s.filter.grid_id; break;
    case MemberFilterKind::unit: choices = model.units; current = s.filter.unit_id; break;
    case MemberFilterKind::category: choices = model.categories; current = s.filter.post_category; break;
    case MemberFilterKind::registration:
        choices.push_back({"registered", text(Str::registered)});
        choices.push_back({"unregistered", text(Str::unregistered)});
        if (s.filter.registration) current = *s.filter.registration == Registration::registered ? "registered" : "unregistered";
        break;
    case MemberFilterKind::none: return;
    }
    const auto tapped = draw_choice_page(ui, text(filter_name(s.picking)), choices, current);
    if (!tapped) return;
    const std::optional<std::string>& picked = *tapped;
    switch (s.picking) {
    case MemberFilterKind::grid: s.filter.grid_id = picked; break;
    case MemberFilterKind::unit: s.filter.unit_id = picked; break;
    case MemberFilterKind::category: s.filter.post_category = picked; break;
    case MemberFilterKind::registration:
        s.filter.registration = picked ? std::optional(*picked == "registered" ? Registration::registered : Registration::unregistered)
                                       : std::nullopt;
        break;
    case MemberFilterKind::none: break;
    }
    s.picking = MemberFilterKind::none;
    s.shown = kMembersPerPage;
}

// One member's card; true when tapped.
bool draw_card(const MemberCard& c, Ui& ui, ImVec2 size) {
    const Theme& t = ui.theme;
    ImVec2 face = ImGui::GetCursorScreenPos();
    const std::string label = c.member.name + "##" + c.member.id;
    const bool tapped = touch_surface(ui, label.c_str(), size, &face);
    if (!ImGui::IsItemVisible()) return tapped;
    const float pad = t.em(0.5f);
    const ImVec2 photo(t.em(3.6f), size.y - 2 * pad);
    const ImVec2 card_min = ImGui::GetItemRectMin();
    ImGui::SetCursorScreenPos(face + ImVec2(pad, pad));
    draw_image(ui, c.member.photo.value_or(std::string()), photo);  // without a photo: the placeholder box
    // The card, not the photo, is the item the next card lines up with.
    ImGui::SetCursorScreenPos(card_min);
    ImGui::Dummy(size);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float x = face.x + pad * 2 + photo.x, width = size.x - (x - face.x) - pad;
    float y = face.y + pad;
    auto line = [&](ImFont* font, Rgb color, std::string_view s) {
        const std::string shown = fit_text(font, s, width);
        dl->AddText(font, font->FontSize, ImVec2(x, y), to_u32(color), shown.c_str());
        y += font->FontSize + t.em(0.15f);
    };
    line(ui.title, t.colors.text, c.member.name);
    line(ui.body, t.colors.text_muted, c.unit_name);
    std::string posts;
    for (const std::string& p : c.post_names) posts += (posts.empty() ? "" : text(Str::list_separator)) + p;
    line(ui.body, t.colors.text, posts.empty() ? text(Str::card_no_posts) : posts);
    line(ui.body, t.colors.text_muted, c.pledge_headline.empty() ? text(Str::card_no_pledge) : c.pledge_headline);
    return tapped;
}

std::optional<Action> draw_cards(const PledgesModel& model, MemberScreensUi& state, Ui& ui, ImVec2 size) {
    PledgesUi& s = state.pledges;
    std::optional<Action> action;
    begin_touch_scroll(ui.scrolls, "##pledge-cards", size);
    if (model.cards.empty()) {
        ImGui::Dummy(ImVec2(0, ui.theme.em(1.0f)));
        draw_text_centered(ui.title, ui.theme.colors.text_muted, text(Str::pledges_empty));
        if (any_filter(s)) {
            ImGui::Dummy(ImVec2(0, ui.theme.em(0.5f)));
            const float w = ui.theme.em(8.0f);
            ImGui::SetCursorPosX((ImGui::GetContentRegionAvail().x - w) * 0.5f);
            if (touch_button(ui, text(Str::clear_filters), ImVec2(w, ui.theme.em(2.2f)), ButtonKind::nav)) {
                s.filter = MemberFilter{};
                s.search.clear();
            }
        }
    }
    const float width = ImGui::GetContentRegionAvail().x, gap = ui.theme.em(0.5f);
    const int columns = std::clamp(static_cast<int>((width + gap) / ui.theme.em(15.0f)), 1, 3);
    const ImVec2 card((width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns), ui.theme.em(6.0f));
    for (std::size_t i = 0; i < model.cards.size(); ++i) {
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine(0, gap);
        if (draw_card(model.cards[i], ui, card)) {
            state.profile_member_id = model.cards[i].member.id;
            action = OpenScreen{ScreenKind::member_profile};
        }
    }
    if (static_cast<int>(model.cards.size()) < model.total) {
        ImGui::Dummy(ImVec2(0, ui.theme.em(0.3f)));
        const std::string more = format(Str::load_more, {std::to_string(model.total - static_cast<int>(model.cards.size()))});
        if (touch_button(ui, more.c_str(), ImVec2(width, ui.theme.em(2.2f)), ButtonKind::nav)) s.shown += kMembersPerPage;
    }
    end_touch_scroll(ui.scrolls);
    return action;
}

}  // namespace

std::optional<Action> draw_pledges(const PledgesModel& model, MemberScreensUi& state, const DataState& data,
                                   Typing& typing, Ui& ui) {
    PledgesUi& s = state.pledges;
    const Theme& t = ui.theme;
    const std::string count = format(Str::pledges_count, {std::to_string(model.total)});
    draw_heading(ui, text(Str::tile_pledges), data.has_data ? count.c_str() : nullptr);
    if (!data.has_data) {
        draw_no_data(data, ui);
        return std::nullopt;
    }
    if (s.picking != MemberFilterKind::none) {
        draw_filter_page(model, s, ui);
        return std::nullopt;
    }
    const float gap = t.em(0.5f), row = std::max(t.em(2.2f), t.min_target_px);
    const ImVec2 area = ImGui::GetContentRegionAvail(), start = ImGui::GetCursorScreenPos();
    // With the keyboard open the field and the cards go left of it in landscape (so it can reach
    // up to the field's top, which large text needs) and above it in portrait.
    const ImVec2 room = s.keyboard_open ? room_beside_keyboard(ui, area, s.search.layout) : area;
    if (draw_text_field(ui, s.search, text(Str::pledges_search_hint), text(Str::pledges_search_hint), ImVec2(room.x, row),
                        s.keyboard_open))
        s.keyboard_open = true;
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
    if (!s.keyboard_open) {
        draw_filter_chips(model, s, ui, area.x);
        ImGui::Dummy(ImVec2(0, gap * 0.5f));
        return draw_cards(model, state, ui, ImGui::GetContentRegionAvail());
    }
    const float used = ImGui::GetCursorScreenPos().y - start.y;
    std::optional<Action> action = draw_cards(model, state, ui, ImVec2(room.x, room.y - used));
    if (auto key = draw_docked_keyboard(s.search, typing, ui, start, area)) {
        if (key->code == KeyCode::done) s.keyboard_open = false;
        s.shown = kMembersPerPage;
    }
    return action;
}

}  // namespace gongshi::kiosk
