// 评议结果: a year's grades in the community's own scale (优秀/良好/一般/较差 or 好/较好/一般/差):
// how many got each grade, as bars, and the list, best score first.
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cstdio>

#include "screens/disclosure_parts.hpp"
#include "screens/screens.hpp"

namespace gongshi::kiosk {

namespace {

// At most this many year buttons: the newest ones, which is what people come to check.
constexpr std::size_t kYearButtons = 4;

std::optional<EvaluationsView> draw_controls(const EvaluationsModel& model, const EvaluationsView& view, Ui& ui) {
    const Theme& t = ui.theme;
    std::optional<EvaluationsView> next;
    const std::array<std::string, 2> subjects{text(Str::tab_members), text(Str::tab_units)};
    if (auto i = draw_choices(ui, "subject", subjects, view.subject == SubjectKind::member ? 0 : 1, t.em(4.0f))) {
        next = view;
        next->subject = *i == 0 ? SubjectKind::member : SubjectKind::unit;
    }
    const std::size_t shown = std::min(kYearButtons, model.years.size());
    std::vector<std::string> years;
    int chosen = -1;
    for (std::size_t i = 0; i < shown; ++i) {
        years.push_back(format(Str::eval_year, {std::to_string(model.years[i])}));
        if (model.years[i] == model.year) chosen = static_cast<int>(i);
    }
    if (!years.empty()) ImGui::SameLine(0, t.em(1.0f));
    if (auto i = draw_choices(ui, "year", years, chosen, t.em(4.6f))) {
        next = view;
        next->year = model.years[static_cast<std::size_t>(*i)];
    }
    return next;
}

void draw_distribution(const EvaluationsModel& model, Ui& ui, float width) {
    const Theme& t = ui.theme;
    const Palette& c = t.colors;
    draw_text(ui.body, c.text, text(Str::eval_distribution));
    int top = 1;
    for (const GradeCount& g : model.distribution) top = std::max(top, g.count);
    const float row = t.em(1.6f), label_w = t.em(3.5f), value_w = t.em(3.5f);
    const float bar_w = std::max(t.em(2.0f), width - label_w - value_w);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    for (std::size_t i = 0; i < model.distribution.size(); ++i) {
        const GradeCount& g = model.distribution[i];
        const float y = origin.y + row * static_cast<float>(i);
        dl->AddText(ui.body, ui.body->FontSize, ImVec2(origin.x, y), to_u32(c.text), g.grade.c_str());
        const float len = bar_w * static_cast<float>(g.count) / static_cast<float>(top);
        dl->AddRectFilled(ImVec2(origin.x + label_w, y + row * 0.1f), ImVec2(origin.x + label_w + std::max(2.0f, len), y + row * 0.75f),
                          to_u32(c.accent, i == 0 ? 1.0f : 0.6f), t.em(0.15f));
        const std::string count = format(Str::eval_people, {std::to_string(g.count)});
        dl->AddText(ui.body, ui.body->FontSize, ImVec2(origin.x + label_w + len + t.em(0.3f), y), to_u32(c.text), count.c_str());
    }
    ImGui::Dummy(ImVec2(width, row * static_cast<float>(model.distribution.size())));
}

void draw_list(const EvaluationsModel& model, bool units, Ui& ui, ImVec2 size) {
    const Theme& t = ui.theme;
    const Palette& c = t.colors;
    draw_text(ui.body, c.text, text(Str::eval_list));
    const float row_h = t.em(2.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    begin_touch_scroll(ui.scrolls, "##eval-list", ImVec2(size.x, size.y - line_height(ui)));
    const float width = ImGui::GetContentRegionAvail().x;
    const float name_w = units ? width * 0.45f : t.em(6.0f), grade_w = t.em(3.5f), score_w = t.em(4.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(model.rows.size()), row_h);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const EvaluationRow& r = model.rows[static_cast<std::size_t>(i)];
            const ImVec2 min = ImGui::GetCursorScreenPos();
            if (i % 2 == 1) dl->AddRectFilled(min, ImVec2(min.x + width, min.y + row_h), to_u32(c.surface));
            const float y = min.y + (row_h - ui.body->FontSize) * 0.5f;
            float x = min.x + t.em(0.3f);
            const auto cell = [&](const std::string& s, float w, Rgb color) {
                const ImVec4 clip(x, min.y, x + w - t.em(0.3f), min.y + row_h);
                dl->AddText(ui.body, ui.body->FontSize, ImVec2(x, y), to_u32(color), s.c_str(), nullptr, 0.0f, &clip);
                x += w;
            };
            cell(r.name, name_w, c.text);
            cell(r.evaluation.grade, grade_w, c.text);
            char score[16] = "";
            if (r.evaluation.score) std::snprintf(score, sizeof score, "%.1f", *r.evaluation.score);
            cell(format(Str::eval_score, {score}), score_w, c.text);
            // The honour in the accent colour; the unit takes what is left of the row.
            if (r.evaluation.honour) cell(*r.evaluation.honour, t.em(5.0f), c.accent);
            if (!units) cell(r.unit_name, min.x + width - x, c.text_muted);
            ImGui::Dummy(ImVec2(width, row_h));
        }
    end_touch_scroll(ui.scrolls);
    ImGui::PopStyleVar();
}

}  // namespace

std::optional<Action> draw_evaluations(const EvaluationsModel& model, const EvaluationsView& view, const DataState& data,
                                       Ui& ui) {
    const Theme& t = ui.theme;
    draw_heading(ui, text(Str::tile_evaluations),
                 model.year > 0 ? format(Str::eval_year, {std::to_string(model.year)}).c_str() : nullptr);
    std::optional<Action> action;
    if (data.has_data)
        if (auto next = draw_controls(model, view, ui)) action = ChangeView{*next};
    if (draw_data_state(ui, data, model.rows.empty(), Str::eval_empty)) return action;

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = t.em(0.8f);
    const bool units = view.subject == SubjectKind::unit;
    if (ui.portrait) {
        draw_distribution(model, ui, avail.x);
        ImGui::Dummy(ImVec2(0, gap));
        draw_list(model, units, ui, ImGui::GetContentRegionAvail());
    } else {
        ImGui::BeginGroup();
        draw_distribution(model, ui, avail.x * 0.36f);
        ImGui::EndGroup();
        ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
        draw_list(model, units, ui, ImVec2(avail.x - avail.x * 0.36f - gap, avail.y));
        ImGui::EndGroup();
    }
    return action;
}

}  // namespace gongshi::kiosk
