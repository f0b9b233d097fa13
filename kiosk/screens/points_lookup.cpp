// 积分查询: a member finds themselves by name, pinyin, initials or member number on the on-screen
// keyboard, taps their name, and sees their points page: the balance, this month's points and
// rank, the history with reasons, their yearly grades, the rewards they can afford, and a QR code
// of the same page on the central site. Landscape: summary left, history right; portrait: one column.
#include <imgui_internal.h>

#include "member_screens.hpp"
#include "screens/disclosure_parts.hpp"
#include "screens/screens.hpp"

namespace gongshi::kiosk {

namespace {

// One found member: name, unit and number on a row registered under the name.
bool draw_match(const MemberCard& c, Ui& ui, float width) {
    const Theme& t = ui.theme;
    ImVec2 face;
    const std::string label = c.member.name + "##" + c.member.id;
    const bool tapped = touch_surface(ui, label.c_str(), ImVec2(width, std::max(t.em(2.4f), t.min_target_px)), &face);
    if (!ImGui::IsItemVisible()) return tapped;
    const float pad = t.em(0.6f), h = ImGui::GetItemRectSize().y;
    const std::string line = fit_text(ui.body, format(Str::three_parts, {c.member.name, c.unit_name, c.member.member_no}),
                                      width - 2 * pad);
    ImGui::GetWindowDrawList()->AddText(ui.body, ui.body->FontSize, face + ImVec2(pad, (h - ui.body->FontSize) * 0.5f),
                                        to_u32(t.colors.text), line.c_str());
    return tapped;
}

void draw_matches(const PointsLookupModel& model, PointsLookupUi& state, Ui& ui, ImVec2 size) {
    begin_touch_scroll(ui.scrolls, "##points-matches", size);
    const Rgb muted = ui.theme.colors.text_muted;
    if (state.search.query().empty()) draw_text(ui.body, muted, text(Str::points_search_prompt), true);
    else if (model.matches.rows.empty()) draw_text(ui.body, muted, text(Str::points_no_match), true);
    const float width = ImGui::GetContentRegionAvail().x;
    for (const MemberCard& c : model.matches.rows)
        if (draw_match(c, ui, width)) state.member_id = c.member.id;
    end_touch_scroll(ui.scrolls);
}

// The search: the field, the names found so far, and the keyboard (beside them in landscape,
// under them in portrait), open from the start: there is nothing else to do on this page.
void draw_search(const PointsLookupModel& model, PointsLookupUi& state, Typing& typing, Ui& ui) {
    const Theme& t = ui.theme;
    const ImVec2 area = ImGui::GetContentRegionAvail(), start = ImGui::GetCursorScreenPos();
    const ImVec2 room = room_beside_keyboard(ui, area, state.search.layout);
    draw_text_field(ui, state.search, text(Str::points_search_hint), text(Str::points_search_hint),
                    ImVec2(room.x, std::max(t.em(2.2f), t.min_target_px)), true);
    ImGui::Dummy(ImVec2(0, t.em(0.25f)));
    draw_matches(model, state, ui, ImVec2(room.x, room.y - (ImGui::GetCursorScreenPos().y - start.y)));
    draw_docked_keyboard(state.search, typing, ui, start, area);
}

// Balance, this month, rank and the QR code; then grades and the rewards within reach.
void draw_summary(const PointsLookupModel& model, Ui& ui) {
    const Theme& t = ui.theme;
    const MemberProfile& p = *model.profile;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    draw_text(ui.body, t.colors.text_muted, text(Str::points_balance_label));
    draw_text(ui.title, t.colors.accent, std::to_string(p.points.balance));
    draw_text(ui.body, t.colors.text, format(Str::points_month, {std::to_string(p.points.this_month.earned())}));
    draw_text(ui.body, t.colors.text,
              model.month_rank ? format(Str::points_rank, {std::to_string(model.month_rank->rank), std::to_string(model.month_ranked)})
                               : std::string(text(Str::points_no_rank)));
    if (!model.qr.empty()) draw_card_qr(ui, model.qr, top, width, std::min(t.em(7.0f), width * 0.4f), text(Str::points_scan));
    draw_grades_section(p.evaluations, ui);
    draw_section(ui, Str::points_affordable);
    if (model.affordable.empty()) draw_text(ui.body, t.colors.text_muted, text(Str::points_affordable_none));
    for (const Reward& r : model.affordable)
        draw_text(ui.body, t.colors.text, format(Str::two_parts, {r.name, r.stock > 0 ? format(Str::rewards_cost, {std::to_string(r.cost)})
                                                                                     : std::string(text(Str::rewards_sold_out))}),
                  true);
}

void draw_page(const PointsLookupModel& model, PointsLookupUi& state, Ui& ui) {
    const Theme& t = ui.theme;
    const Member& m = model.profile->card.member;
    const std::string who = format(Str::two_parts, {format(Str::profile_unit, {model.profile->card.unit_name}),
                                                    format(Str::profile_member_no, {m.member_no})});
    const ImVec2 heading = ImGui::GetCursorScreenPos();
    draw_heading(ui, m.name.c_str(), who.c_str());
    // 重新查找 at the heading's right: back to the search, emptied for the next name.
    const ImVec2 again(t.em(7.0f), std::max(t.em(2.2f), t.min_target_px));
    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(heading.x + ImGui::GetContentRegionAvail().x - again.x, heading.y));
    if (touch_button(ui, text(Str::points_search_again), again, ButtonKind::nav)) {
        state.member_id.clear();
        state.search.clear();
    }
    ImGui::SetCursorScreenPos(after);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (ui.portrait) {
        begin_touch_scroll(ui.scrolls, "##points-page", avail);
        draw_summary(model, ui);
        draw_points_section(*model.profile, ui);
        end_touch_scroll(ui.scrolls);
        return;
    }
    const float gap = t.em(1.0f), left = (avail.x - gap) * 0.45f;
    begin_touch_scroll(ui.scrolls, "##points-summary", ImVec2(left, avail.y));
    draw_summary(model, ui);
    end_touch_scroll(ui.scrolls);
    ImGui::SameLine(0, gap);
    begin_touch_scroll(ui.scrolls, "##points-history", ImVec2(avail.x - left - gap, avail.y));
    draw_points_section(*model.profile, ui);
    end_touch_scroll(ui.scrolls);
}

}  // namespace

std::optional<Action> draw_points_lookup(const PointsLookupModel& model, PointsLookupUi& state, const DataState& data,
                                         Typing& typing, Ui& ui) {
    if (!data.has_data) {
        draw_heading(ui, text(Str::tile_points));
        draw_no_data(data, ui);
        return std::nullopt;
    }
    // The page waits for its model (built between frames) the frame after a name was tapped.
    if (!state.member_id.empty() && model.built_for_member == state.member_id && model.profile) {
        draw_page(model, state, ui);
        return std::nullopt;
    }
    draw_heading(ui, text(Str::tile_points));
    draw_search(model, state, typing, ui);
    return std::nullopt;
}

}  // namespace gongshi::kiosk
