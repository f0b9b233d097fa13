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

Str kind_label(PointKind kind) {
    switch (kind) {
    case PointKind::group_activity: return Str::kind_group_activity;
    case PointKind::individual_service: return Str::kind_individual_service;
    case PointKind::bonus: return Str::kind_bonus;
    case PointKind::deduction: return Str::kind_deduction;
    case PointKind::redemption: return Str::kind_redemption;
    }
    return Str::kind_bonus;
}

std::string signed_points(int points) { return (points > 0 ? "+" : "") + std::to_string(points); }

void section(Ui& ui, Str title) {
    ImGui::Dummy(ImVec2(0, ui.theme.em(0.6f)));
    draw_heading(ui, text(title));
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
    section(ui, Str::section_posts);
    if (p.posts.empty()) draw_text(ui.body, t.colors.text_muted, text(Str::none_yet));
    for (const ClaimedPost& c : p.posts) {
        draw_text(ui.body, t.colors.text, format(Str::post_with_category, {c.post.name, c.post.category}), true);
        draw_text(ui.body, t.colors.text_muted, format(Str::post_claimed_on, {date_text(c.claimed_on)}));
        if (!c.post.duties.empty()) draw_text(ui.body, t.colors.text_muted, text(Str::post_duties));
        for (const std::string& d : c.post.duties) bullet(ui, t.colors.text, d);
    }
    section(ui, Str::section_pledges);
    if (p.pledges.empty()) draw_text(ui.body, t.colors.text_muted, text(Str::none_yet));
    for (const Pledge& pl : p.pledges) {
        draw_text(ui.body, t.colors.text_muted, format(Str::pledge_year, {std::to_string(pl.year)}));
        for (const std::string& item : pl.items) bullet(ui, t.colors.text, item);
    }
    section(ui, Str::section_grades);
    if (p.evaluations.empty()) draw_text(ui.body, t.colors.text_muted, text(Str::none_yet));
    for (const Evaluation& e : p.evaluations) {
        const std::string grade = format(Str::grade_row, {std::to_string(e.year), e.grade});
        draw_text(ui.body, t.colors.text, e.honour ? format(Str::two_parts, {grade, *e.honour}) : grade);
    }
    section(ui, Str::section_wishes);
    if (p.wishes.empty()) draw_text(ui.body, t.colors.text_muted, text(Str::none_yet));
    for (std::size_t i = 0; i < p.wishes.size(); ++i) {
        const Wish& w = p.wishes[i];
        const Str status = w.status == WishStatus::fulfilled ? Str::wish_fulfilled : Str::wish_claimed;
        draw_text(ui.body, t.colors.text, format(Str::wish_row, {text(status), w.text}), true);
        draw_text(ui.body, t.colors.text_muted, format(Str::two_parts, {model.wish_grids[i], w.category}));
    }
}

void draw_points(const MemberProfile& p, Ui& ui) {
    const Theme& t = ui.theme;
    section(ui, Str::section_points);
    const PointKind kinds[] = {PointKind::group_activity, PointKind::individual_service, PointKind::bonus,
                               PointKind::deduction, PointKind::redemption};
    auto of = [](const KindTotals& k, PointKind kind) {
        switch (kind) {
        case PointKind::group_activity: return k.group_activity;
        case PointKind::individual_service: return k.individual_service;
        case PointKind::bonus: return k.bonus;
        case PointKind::deduction: return k.deduction;
        case PointKind::redemption: return k.redemption;
        }
        return 0;
    };
    if (ImGui::BeginTable("##points", 3, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        draw_text(ui.body, t.colors.text_muted, text(Str::points_this_month));
        ImGui::TableNextColumn();
        draw_text(ui.body, t.colors.text_muted, text(Str::points_this_year));
        for (PointKind kind : kinds) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            draw_text(ui.body, t.colors.text, text(kind_label(kind)));
            ImGui::TableNextColumn();
            draw_text(ui.body, t.colors.text, signed_points(of(p.points.this_month, kind)));
            ImGui::TableNextColumn();
            draw_text(ui.body, t.colors.text, signed_points(of(p.points.this_year, kind)));
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        draw_text(ui.body, t.colors.text, text(Str::points_earned));
        ImGui::TableNextColumn();
        draw_text(ui.body, t.colors.text, std::to_string(p.points.this_month.earned()));
        ImGui::TableNextColumn();
        draw_text(ui.body, t.colors.text, std::to_string(p.points.this_year.earned()));
        ImGui::EndTable();
    }
    draw_text(ui.body, t.colors.text, format(Str::points_balance, {std::to_string(p.points.balance)}));

    section(ui, Str::section_history);
    if (p.history.empty()) draw_text(ui.body, t.colors.text_muted, text(Str::history_empty));
    // Every entry, newest first; ImGui's clipper skips drawing the rows outside the view.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(p.history.size()), ui.body->FontSize * 2 + ImGui::GetStyle().ItemSpacing.y * 2);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const PointEvent& e = p.history[static_cast<std::size_t>(i)];
            const std::string points = signed_points(e.points);
            const float points_w = ui.body->CalcTextSizeA(ui.body->FontSize, FLT_MAX, 0, points.c_str()).x;
            ImGui::BeginGroup();
            draw_text(ui.body, t.colors.text_muted, format(Str::two_parts, {local_date_text(e.occurred_at), text(kind_label(e.kind))}));
            ImGui::SameLine(ImGui::GetContentRegionMax().x - points_w);
            draw_text(ui.body, e.points < 0 ? t.colors.accent : t.colors.text, points);
            draw_text(ui.body, t.colors.text, fit_text(ui.body, e.reason, ImGui::GetContentRegionAvail().x));
            ImGui::EndGroup();
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
        draw_points(p, ui);
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
    draw_points(p, ui);
    end_touch_scroll(ui.scrolls);
    return std::nullopt;
}

}  // namespace gongshi::kiosk
