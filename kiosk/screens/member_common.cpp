// What the member screens share: the no-data states, rows of choices, dates, and the points and
// grades sections of a member (profile and 积分查询).
#include <imgui_internal.h>

#include "member_screens.hpp"
#include "screens/screens.hpp"

namespace gongshi::kiosk {

namespace {

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

}  // namespace

void draw_section(Ui& ui, Str title) {
    ImGui::Dummy(ImVec2(0, ui.theme.em(0.6f)));
    draw_heading(ui, text(title));
}

void draw_points_section(const MemberProfile& p, Ui& ui) {
    const Theme& t = ui.theme;
    draw_section(ui, Str::section_points);
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

    draw_section(ui, Str::section_history);
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

void draw_grades_section(const std::vector<Evaluation>& evaluations, Ui& ui) {
    const Theme& t = ui.theme;
    draw_section(ui, Str::section_grades);
    if (evaluations.empty()) draw_text(ui.body, t.colors.text_muted, text(Str::none_yet));
    for (const Evaluation& e : evaluations) {
        const std::string grade = format(Str::grade_row, {std::to_string(e.year), e.grade});
        draw_text(ui.body, t.colors.text, e.honour ? format(Str::two_parts, {grade, *e.honour}) : grade);
    }
}

void draw_no_data(const DataState& data, Ui& ui) {
    // First sync and offline look different: one will fix itself, the other needs the network.
    ImGui::Dummy(ImVec2(0, ui.theme.em(2.0f)));
    draw_text_centered(ui.title, ui.theme.colors.text, text(data.offline ? Str::no_data_offline : Str::no_data_syncing));
}

std::optional<int> draw_choice_row(Ui& ui, const std::vector<std::pair<std::string, bool>>& choices, float width) {
    const float gap = ui.theme.em(0.4f);
    const float n = static_cast<float>(choices.size());
    const ImVec2 size((width - gap * (n - 1)) / n, std::max(ui.theme.em(2.2f), ui.theme.min_target_px));
    std::optional<int> tapped;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, gap);
        const auto& [label, selected] = choices[i];
        if (touch_button(ui, label.c_str(), size, selected ? ButtonKind::selected : ButtonKind::nav))
            tapped = static_cast<int>(i);
    }
    return tapped;
}

const char* chosen_label(const std::vector<Choice>& choices, const std::optional<std::string>& id) {
    if (!id) return text(Str::filter_all);
    for (const Choice& c : choices)
        if (c.id == *id) return c.label.c_str();
    return text(Str::filter_all);
}

std::optional<std::optional<std::string>> draw_choice_page(Ui& ui, const char* title, const std::vector<Choice>& choices,
                                                           const std::optional<std::string>& current) {
    draw_text(ui.title, ui.theme.colors.text, title);
    begin_touch_scroll(ui.scrolls, "##choice-page", ImGui::GetContentRegionAvail());
    const float width = ImGui::GetContentRegionAvail().x, gap = ui.theme.em(0.4f);
    const int per_row = std::max(1, static_cast<int>(width / ui.theme.em(14.0f)));
    const ImVec2 size((width - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row),
                      std::max(ui.theme.em(2.4f), ui.theme.min_target_px));
    std::optional<std::optional<std::string>> tapped;
    for (std::size_t i = 0; i <= choices.size(); ++i) {
        if (i % static_cast<std::size_t>(per_row) != 0) ImGui::SameLine(0, gap);
        const bool all = i == 0;
        const std::string id = all ? std::string() : choices[i - 1].id;
        const std::string shown = all ? std::string(text(Str::filter_all)) : choices[i - 1].label;
        const bool selected = all ? !current : current == id;
        const std::string label = fit_text(ui.body, shown, size.x - ui.theme.em(0.8f)) + "##" + id;
        if (touch_key(ui, label.c_str(), shown, TapKind::button, size, selected))
            tapped.emplace(all ? std::nullopt : std::optional(id));
    }
    end_touch_scroll(ui.scrolls);
    return tapped;
}

std::string date_text(const Date& d) {
    return format(Str::date_ymd, {std::to_string(d.year), std::to_string(d.month), std::to_string(d.day)});
}

std::string local_date_text(const Timestamp& t) {
    const std::int64_t local = t.unix_seconds + t.offset_minutes * 60;
    const std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    return date_text(civil_from_days(days));
}

std::string fit_text(ImFont* font, std::string_view s, float width) {
    auto w = [&](std::string_view t) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, t.data(), t.data() + t.size()).x; };
    if (w(s) <= width) return std::string(s);
    const std::string_view kEllipsis = text(Str::ellipsis);
    std::string out(s);
    while (!out.empty() && w(out) + w(kEllipsis) > width) {
        do out.pop_back();
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80);
        // A lead byte of a multi-byte character is left after its continuation bytes went.
        if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    }
    return out + std::string(kEllipsis);
}

}  // namespace gongshi::kiosk
