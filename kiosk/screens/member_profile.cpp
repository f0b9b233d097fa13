// 党员信息: who the member is, what they claimed and pledged, their points (this month and year
// by kind, and every entry with its reason), yearly grades, the wishes they took on, and a
// masked contact. Landscape: two scrolling columns; portrait: one.
#include <algorithm>

#include <imgui_internal.h>

#include "member_screens.hpp"
#include "screens/screens.hpp"

namespace gongshi::kiosk {

namespace {

Str role_label(MemberRole role) {
    switch (role) {
    case MemberRole::in_service: return Str::role_in_service;
    case MemberRole::community: return Str::role_community;
    case MemberRole::retired: return Str::role_retired;
    }
    return Str::role_in_service;
}

void bullet(Ui& ui, Rgb color, std::string_view s) {
    ImGui::Indent(ui.theme.em(1.0f));
    draw_text(ui.body, color, format(Str::list_item, {s}), true);
    ImGui::Unindent(ui.theme.em(1.0f));
}

void draw_identity(const MemberProfile& p, Ui& ui) {
    const Theme& t = ui.theme;
    const Member& m = p.card.member;
    const ImVec2 photo(t.em(6.0f), t.em(7.5f));
    draw_image(ui, m.photo.value_or(std::string()), photo);
    ImGui::SameLine(0, t.em(1.0f));
    ImGui::BeginGroup();
    draw_text(ui.title, t.colors.text, m.name);
    const std::string lines[] = {
        format(Str::profile_unit, {p.card.unit_name}),
        format(Str::profile_grid, {p.card.grid_name}),
        format(Str::profile_role, {text(role_label(m.role))}),
        format(Str::profile_member_no, {m.member_no}),
        m.registered_on ? format(Str::profile_registered_on, {date_text(*m.registered_on)}) : text(Str::profile_not_registered),
        format(Str::profile_contact, {m.contact_masked.empty() ? text(Str::none_yet) : m.contact_masked}),
    };
    for (const std::string& line : lines) draw_text(ui.body, t.colors.text, line, true);
    ImGui::EndGroup();
}

void draw_posts_and_pledges(const ProfileModel& model, Ui& ui) {
    const Theme& t = ui.theme;
    const MemberProfile& p = *model.profile;
    draw_section(ui, Str::section_posts);
    if (p.posts.empty()) draw_text(ui.body, t.colors.text_muted, text(Str::none_yet));
    for (const ClaimedPost& c : p.posts) {
        draw_text(ui.body, t.colors.text, format(Str::post_with_category, {c.post.name, c.post.category}), true);
        draw_text(ui.body, t.colors.text_muted, format(Str::post_claimed_on, {date_text(c.claimed_on)}));
        if (!c.post.duties.empty()) draw_text(ui.body, t.colors.text_muted, text(Str::post_duties));
        for (const std::string& d : c.post.duties) bullet(ui, t.colors.text, d);
    }
    draw_section(ui, Str::section_pledges);
    if (p.pledges.empty()) draw_text(ui.body, t.colors.text_muted, text(Str::none_yet));
    for (const Pledge& pl : p.pledges) {
        draw_text(ui.body, t.colors.text_muted, format(Str::pledge_year, {std::to_string(pl.year)}));
        for (const std::string& item : pl.items) bullet(ui, t.colors.text, item);
    }
    draw_grades_section(p.evaluations, ui);
    draw_section(ui, Str::section_wishes);
    if (p.wishes.empty()) draw_text(ui.body, t.colors.text_muted, text(Str::none_yet));
    for (std::size_t i = 0; i < p.wishes.size(); ++i) {
        const Wish& w = p.wishes[i];
        const Str status = w.status == WishStatus::fulfilled ? Str::wish_fulfilled : Str::wish_claimed;
        draw_text(ui.body, t.colors.text, format(Str::wish_row, {text(status), w.text}), true);
        draw_text(ui.body, t.colors.text_muted, format(Str::two_parts, {model.wish_grids[i], w.category}));
    }
}

}  // namespace

std::optional<Action> draw_member_profile(const ProfileModel& model, const DataState& data, Ui& ui) {
    if (!data.has_data) {
        draw_heading(ui, text(Str::profile_title));
        draw_no_data(data, ui);
        return std::nullopt;
    }
    if (!model.profile) {
        draw_heading(ui, text(Str::profile_title));
        draw_text(ui.body, ui.theme.colors.text, text(Str::profile_missing), true);
        return std::nullopt;
    }
    const MemberProfile& p = *model.profile;
    if (ui.portrait) {
        begin_touch_scroll(ui.scrolls, "##profile", ImGui::GetContentRegionAvail());
        draw_identity(p, ui);
        draw_posts_and_pledges(model, ui);
        draw_points_section(p, ui);
        end_touch_scroll(ui.scrolls);
        return std::nullopt;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = ui.theme.em(1.0f), left = (avail.x - gap) * 0.55f;
    begin_touch_scroll(ui.scrolls, "##profile-left", ImVec2(left, avail.y));
    draw_identity(p, ui);
    draw_posts_and_pledges(model, ui);
    end_touch_scroll(ui.scrolls);
    ImGui::SameLine(0, gap);
    begin_touch_scroll(ui.scrolls, "##profile-right", ImVec2(avail.x - left - gap, avail.y));
    draw_points_section(p, ui);
    end_touch_scroll(ui.scrolls);
    return std::nullopt;
}

}  // namespace gongshi::kiosk
