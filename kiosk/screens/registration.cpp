// 双报到: how many members and units have registered with the community, progress toward
// everyone ticked off (报到销号), who has and has not, and which unit is paired with which estate.
#include <algorithm>

#include <imgui_internal.h>

#include "member_screens.hpp"
#include "screens/screens.hpp"

namespace gongshi::kiosk {

namespace {

void draw_progress(Ui& ui, Str title, int done, int total, Str left, float width) {
    const Theme& t = ui.theme;
    ImGui::BeginGroup();
    draw_text(ui.title, t.colors.text, text(title));
    const int percent = total > 0 ? done * 100 / total : 100;
    draw_text(ui.body, t.colors.text,
              format(Str::reg_progress, {std::to_string(done), std::to_string(total), std::to_string(percent)}));
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float h = t.em(0.8f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, min + ImVec2(width, h), to_u32(t.colors.surface), h * 0.5f);
    if (done > 0) dl->AddRectFilled(min, min + ImVec2(width * static_cast<float>(done) / static_cast<float>(std::max(1, total)), h),
                                    to_u32(t.colors.accent), h * 0.5f);
    dl->AddRect(min, min + ImVec2(width, h), to_u32(t.colors.border), h * 0.5f, 0, 2.0f);
    ImGui::Dummy(ImVec2(width, h));
    draw_text(ui.body, t.colors.text_muted,
              done >= total ? std::string(text(Str::reg_all_done)) : format(left, {std::to_string(total - done)}));
    ImGui::EndGroup();
}

void draw_member_rows(const RegistrationModel& m, RegistrationUi& s, Ui& ui) {
    const Theme& t = ui.theme;
    if (m.members.empty()) draw_text(ui.body, t.colors.text_muted, text(Str::reg_list_empty));
    for (const MemberCard& c : m.members) {
        const std::string when = c.member.registered_on ? date_text(*c.member.registered_on) : std::string();
        draw_text(ui.body, t.colors.text,
                  when.empty() ? format(Str::two_parts, {c.member.name, c.unit_name})
                               : format(Str::three_parts, {c.member.name, c.unit_name, when}),
                  true);
    }
    if (static_cast<int>(m.members.size()) < m.members_total) {
        const std::string more = format(Str::load_more, {std::to_string(m.members_total - static_cast<int>(m.members.size()))});
        if (touch_button(ui, more.c_str(), ImVec2(ImGui::GetContentRegionAvail().x, t.em(2.2f)), ButtonKind::nav))
            s.shown += kMembersPerPage;
    }
}

void draw_unit_rows(const RegistrationModel& m, Ui& ui) {
    const Theme& t = ui.theme;
    if (m.units.empty()) draw_text(ui.body, t.colors.text_muted, text(Str::reg_list_empty));
    std::string estate;
    for (const UnitRow& r : m.units) {
        if (m.built_for && m.built_for->tab == RegistrationTab::pairings) {
            // Grouped by estate: its name once, then its units.
            if (r.paired_grid_name != estate || &r == &m.units.front()) {
                estate = r.paired_grid_name;
                ImGui::Dummy(ImVec2(0, t.em(0.3f)));
                draw_text(ui.title, t.colors.text, estate);
            }
            draw_text(ui.body, t.colors.text, format(Str::list_item, {r.unit.name}), true);
            continue;
        }
        const std::string pairing = r.paired_grid_name.empty() ? std::string(text(Str::reg_unpaired))
                                                               : format(Str::reg_pairing, {r.paired_grid_name});
        const std::string line = r.unit.registered_on
                                     ? format(Str::three_parts, {r.unit.name, date_text(*r.unit.registered_on), pairing})
                                     : format(Str::two_parts, {r.unit.name, pairing});
        draw_text(ui.body, t.colors.text, line, true);
    }
}

}  // namespace

std::optional<Action> draw_registration(const RegistrationModel& m, RegistrationUi& s, const DataState& data, Ui& ui) {
    const Theme& t = ui.theme;
    draw_heading(ui, text(Str::tile_registration));
    if (!data.has_data) {
        draw_no_data(data, ui);
        return std::nullopt;
    }
    const float width = ImGui::GetContentRegionAvail().x, gap = t.em(1.5f);
    const RegistrationStats& st = m.stats;
    if (ui.portrait) {
        draw_progress(ui, Str::reg_members, st.members_registered, st.members_total, Str::reg_members_left, width);
        draw_progress(ui, Str::reg_units, st.units_registered, st.units_total, Str::reg_units_left, width);
    } else {
        const float half = (width - gap) * 0.5f;
        draw_progress(ui, Str::reg_members, st.members_registered, st.members_total, Str::reg_members_left, half);
        ImGui::SameLine(0, gap);
        draw_progress(ui, Str::reg_units, st.units_registered, st.units_total, Str::reg_units_left, half);
    }
    ImGui::Dummy(ImVec2(0, t.em(0.4f)));
    const RegistrationTab tabs[] = {RegistrationTab::members, RegistrationTab::units, RegistrationTab::pairings};
    if (auto i = draw_choice_row(ui, {{text(Str::tab_members), s.tab == tabs[0]},
                                      {text(Str::tab_units), s.tab == tabs[1]},
                                      {text(Str::tab_pairings), s.tab == tabs[2]}},
                                 width)) {
        s.tab = tabs[*i];
        s.shown = kMembersPerPage;
    }
    if (s.tab != RegistrationTab::pairings)
        if (auto i = draw_choice_row(ui, {{text(Str::unregistered), s.status == Registration::unregistered},
                                          {text(Str::registered), s.status == Registration::registered}},
                                     width)) {
            s.status = *i == 0 ? Registration::unregistered : Registration::registered;
            s.shown = kMembersPerPage;
        }
    begin_touch_scroll(ui.scrolls, "##registration-list", ImGui::GetContentRegionAvail());
    // The list the model was built for: a tab tapped this frame shows its rows from the next one.
    if (m.built_for && m.built_for->tab == RegistrationTab::members) draw_member_rows(m, s, ui);
    else draw_unit_rows(m, ui);
    end_touch_scroll(ui.scrolls);
    return std::nullopt;
}

}  // namespace gongshi::kiosk
