// 积分排行: members or units ranked by points earned in a period, with a bar chart of the top,
// the honours and the praise board beside (landscape) or above (portrait) the full list. Every
// rank is reachable by dragging the list or with the page buttons under it, and a member finds
// their own with 找我的排名: the numeric pad takes the place of the chart, and 确定 sends the
// number (RankingsView::find_number); the list then jumps to the member's row and highlights it.
#include <imgui_internal.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "screens/disclosure_parts.hpp"
#include "screens/screens.hpp"

namespace gongshi::kiosk {

namespace {

constexpr int kChartRows = 10;
constexpr std::array kPeriods{PeriodKind::month, PeriodKind::quarter, PeriodKind::year, PeriodKind::all_time};
constexpr std::array kPeriodLabels{Str::period_month, Str::period_quarter, Str::period_year, Str::period_all};

float text_width(ImFont* font, std::string_view s) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
}

void add_text(ImDrawList* dl, ImFont* font, ImVec2 pos, Rgb color, std::string_view s, float clip_right) {
    const ImVec4 clip(pos.x, pos.y - font->FontSize, clip_right, pos.y + 2 * font->FontSize);
    dl->AddText(font, font->FontSize, pos, to_u32(color), s.data(), s.data() + s.size(), 0.0f, &clip);
}

std::optional<RankingsView> draw_controls(const RankingsModel& model, const RankingsView& view, Ui& ui) {
    const Theme& t = ui.theme;
    std::optional<RankingsView> next;
    const std::array<std::string, 2> subjects{text(Str::tab_members), text(Str::tab_units)};
    if (auto i = draw_choices(ui, "subject", subjects, view.subject == SubjectKind::member ? 0 : 1, t.em(4.0f))) {
        next = view;
        next->subject = *i == 0 ? SubjectKind::member : SubjectKind::unit;
    }
    ImGui::SameLine(0, t.em(1.0f));
    std::array<std::string, kPeriods.size()> periods;
    std::transform(kPeriodLabels.begin(), kPeriodLabels.end(), periods.begin(), [](Str s) { return std::string(text(s)); });
    const int chosen = static_cast<int>(std::find(kPeriods.begin(), kPeriods.end(), view.period) - kPeriods.begin());
    if (auto i = draw_choices(ui, "period", periods, chosen, t.em(4.6f))) {
        next = view;
        next->period = kPeriods[static_cast<std::size_t>(*i)];
    }
    if (model.baseline) {
        std::string line = format(Str::rank_baseline, {std::to_string(*model.baseline)});
        if (model.baseline_added) line += std::string("　") + text(Str::rank_baseline_note);
        draw_text(ui.body, t.colors.text_muted, line, true);
    }
    if (next) {
        next->scroll_to_row.reset();  // a new list starts at the top (or at the member found)
        if (next->subject != SubjectKind::member) next->find_number.reset();
    }
    return next;
}

// Horizontal bars: CJK names read best on the left, and ten of them fit a portrait strip.
void draw_chart(const RankingsModel& model, Ui& ui, float width) {
    const Theme& t = ui.theme;
    const Palette& c = t.colors;
    const int n = std::min<int>(kChartRows, static_cast<int>(model.rows.size()));
    draw_text(ui.body, c.text, format(Str::rank_chart, {std::to_string(n)}));
    if (n == 0) return;
    const float row = t.em(1.45f), label_w = t.em(7.0f), value_w = t.em(3.2f);
    const float bar_w = std::max(t.em(2.0f), width - label_w - value_w);
    const int top = std::max(1, model.rows.front().points);  // rows are sorted: the first is the longest
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    for (int i = 0; i < n; ++i) {
        const RankingRow& r = model.rows[static_cast<std::size_t>(i)];
        const float y = origin.y + row * static_cast<float>(i);
        const std::string label = std::to_string(r.rank) + " " + r.name;
        add_text(dl, ui.body, ImVec2(origin.x, y), c.text, label, origin.x + label_w - t.em(0.3f));
        const float len = bar_w * static_cast<float>(std::max(0, r.points)) / static_cast<float>(top);
        const ImVec2 a(origin.x + label_w, y + row * 0.15f);
        dl->AddRectFilled(a, ImVec2(a.x + std::max(2.0f, len), y + row * 0.8f), to_u32(c.accent, i < 3 ? 1.0f : 0.6f),
                          t.em(0.15f));
        add_text(dl, ui.body, ImVec2(a.x + len + t.em(0.3f), y), c.text, std::to_string(r.points), origin.x + width);
    }
    ImGui::Dummy(ImVec2(width, row * static_cast<float>(n)));
}

void draw_side_panel(const RankingsModel& model, Ui& ui, ImVec2 size) {
    const Palette& c = ui.theme.colors;
    begin_touch_scroll(ui.scrolls, "##rank-side", size);
    const float width = ImGui::GetContentRegionAvail().x;
    draw_chart(model, ui, width);
    if (!model.honours.empty()) {
        ImGui::Dummy(ImVec2(0, ui.theme.em(0.4f)));
        draw_text(ui.title, c.text, format(Str::rank_honours, {std::to_string(model.honours_year)}));
        for (const HonourRow& h : model.honours)
            draw_text(ui.body, c.text, h.honour + "　" + h.name + "　" + h.unit_name, true);
    }
    if (!model.praise.empty()) {
        ImGui::Dummy(ImVec2(0, ui.theme.em(0.4f)));
        draw_text(ui.title, c.text, text(Str::rank_praise));
        for (const PraiseRow& p : model.praise) {
            const std::string when = format(Str::month_day, {std::to_string(p.day.month), std::to_string(p.day.day)});
            draw_text(ui.body, c.text, p.name + "　" + p.reason, true);
            draw_text(ui.body, c.text_muted, when + "　+" + std::to_string(p.points), false);
        }
    }
    end_touch_scroll(ui.scrolls);
}

// Where the list stands after drawing it, for the pager.
struct ListPosition {
    int first = 0;    // first row fully in view
    int visible = 1;  // rows that fit
};

// The rows, clipped to what is in view so 10,000 of them cost what a screenful does.
ListPosition draw_list(const RankingsModel& model, const RankingsView& view, Ui& ui, ImVec2 size,
                       std::optional<Action>& action) {
    const Theme& t = ui.theme;
    const Palette& c = t.colors;
    const float row_h = t.em(2.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    begin_touch_scroll(ui.scrolls, "##rank-list", size);
    if (view.scroll_to_row) {
        ImGui::SetScrollY(row_h * static_cast<float>(*view.scroll_to_row));
        RankingsView done = view;
        done.scroll_to_row.reset();
        action = ChangeView{done};
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const bool units = view.subject == SubjectKind::unit;
    const float rank_w = t.em(3.0f), points_w = t.em(4.5f), name_w = units ? width - rank_w - points_w : t.em(6.5f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(model.rows.size()), row_h);
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const RankingRow& r = model.rows[static_cast<std::size_t>(i)];
            const ImVec2 min = ImGui::GetCursorScreenPos();
            if (model.found_row && *model.found_row == i) {  // 找我的排名
                dl->AddRectFilled(min, ImVec2(min.x + width, min.y + row_h), to_u32(c.accent, 0.16f));
                dl->AddRect(min, ImVec2(min.x + width, min.y + row_h), to_u32(c.accent), 0.0f, 0, 3.0f);
            } else if (i % 2 == 1) {
                dl->AddRectFilled(min, ImVec2(min.x + width, min.y + row_h), to_u32(c.surface));
            }
            const float y = min.y + (row_h - ui.body->FontSize) * 0.5f;
            const std::string rank = std::to_string(r.rank);
            // The podium gets a disc; ties share the number, so two golds are possible and honest.
            if (r.rank <= 3) {
                const ImVec2 centre(min.x + rank_w * 0.4f, min.y + row_h * 0.5f);
                dl->AddCircleFilled(centre, row_h * 0.38f, to_u32(c.accent));
                add_text(dl, ui.body, ImVec2(centre.x - text_width(ui.body, rank) * 0.5f, y), c.on_accent, rank,
                         min.x + rank_w);
            } else {
                add_text(dl, ui.body, ImVec2(min.x + rank_w * 0.4f - text_width(ui.body, rank) * 0.5f, y), c.text,
                         rank, min.x + rank_w);
            }
            add_text(dl, ui.body, ImVec2(min.x + rank_w, y), c.text, r.name, min.x + rank_w + name_w - t.em(0.3f));
            if (!units)
                add_text(dl, ui.body, ImVec2(min.x + rank_w + name_w, y), c.text_muted, r.unit_name,
                         min.x + width - points_w);
            const std::string points = format(Str::rank_points, {std::to_string(r.points)});
            add_text(dl, ui.body, ImVec2(min.x + width - t.em(0.4f) - text_width(ui.body, points), y), c.text, points,
                     min.x + width);
            ImGui::Dummy(ImVec2(width, row_h));
        }
    ListPosition pos;
    pos.first = static_cast<int>(std::ceil(ImGui::GetScrollY() / row_h - 0.01f));
    pos.visible = std::max(1, static_cast<int>(ImGui::GetWindowHeight() / row_h));
    end_touch_scroll(ui.scrolls);
    ImGui::PopStyleVar();
    return pos;
}

// 榜首 / 上一页 / 下一页 / 榜尾 and where the list stands; then, for members, 找我的排名 at the
// right end, which opens (or closes) the numeric pad.
std::optional<RankingsView> draw_pager(const RankingsView& view, int total, ListPosition pos, RankFinder& finder,
                                       float width, Ui& ui) {
    const float row_x = ImGui::GetCursorPosX();
    const Theme& t = ui.theme;
    const int last_page_start = std::max(0, total - pos.visible);
    const int first = std::min(pos.first, last_page_start);
    const std::array<std::pair<Str, int>, 4> buttons{{{Str::rank_first, 0},
                                                      {Str::rank_prev_page, std::max(0, first - pos.visible)},
                                                      {Str::rank_next_page, std::min(last_page_start, first + pos.visible)},
                                                      {Str::rank_last, last_page_start}}};
    std::optional<RankingsView> next;
    const ImVec2 size(t.em(4.0f), t.em(2.2f));
    for (std::size_t i = 0; i < buttons.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, t.em(0.3f));
        if (touch_button(ui, text(buttons[i].first), size, ButtonKind::nav)) {
            next = view;
            next->scroll_to_row = buttons[i].second;
        }
    }
    ImGui::SameLine(0, t.em(0.8f));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (size.y - ui.body->FontSize) * 0.5f);
    const int last = std::min(total, first + pos.visible);
    const std::string range =
        format(Str::rank_range, {std::to_string(first + 1), std::to_string(last), std::to_string(total)});
    const float find_w = t.em(5.6f);
    if (view.subject != SubjectKind::member) {
        draw_text(ui.body, t.colors.text_muted, range);
        return next;
    }
    // The range gives way to the button where the row is narrow (portrait).
    const float range_room = row_x + width - find_w - t.em(0.6f) - ImGui::GetCursorPosX();
    const float y = ImGui::GetCursorPosY();
    if (text_width(ui.body, range) <= range_room) draw_text(ui.body, t.colors.text_muted, range);
    ImGui::SameLine();
    ImGui::SetCursorPos(ImVec2(row_x + width - find_w, y - (size.y - ui.body->FontSize) * 0.5f));
    if (touch_button(ui, text(Str::rank_find), ImVec2(find_w, size.y), ButtonKind::nav)) {
        finder.open = !finder.open;
        finder.pad.clear();
    }
    return next;
}

float finder_height(const Ui& ui) {
    const float field = std::max(ui.theme.em(2.2f), ui.theme.min_target_px);
    return field + ui.theme.em(0.5f) + keyboard_height(ui, KeyboardLayout::numeric);
}

// The member-number field over the numeric pad, in the chart's place; 确定 sends the number.
std::optional<RankingsView> draw_finder(const RankingsView& view, RankFinder& finder, Typing& typing, Ui& ui,
                                        ImVec2 size) {
    const Theme& t = ui.theme;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float width = std::min(size.x, t.em(20.0f));
    ImGui::BeginGroup();
    const float field = std::max(t.em(2.2f), t.min_target_px);
    draw_text_field(ui, finder.pad, text(Str::rank_find_hint), text(Str::rank_find_hint), ImVec2(width, field), true);
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + field + t.em(0.5f)));
    std::optional<RankingsView> next;
    if (auto key = draw_keyboard(finder.pad, typing, ui, width); key && key->code == KeyCode::done) {
        finder.open = false;
        next = view;
        next->scroll_to_row.reset();
        if (finder.pad.field.text.empty()) next->find_number.reset();
        else next->find_number = finder.pad.field.text;
    }
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(size);
    ImGui::EndGroup();
    return next;
}

// What 找我的排名 found, over the list: the member's rank, or why there is none.
void draw_find_status(const RankingsModel& model, Ui& ui) {
    const Palette& c = ui.theme.colors;
    switch (model.find) {
    case RankFind::found: {
        const RankingRow& r = model.rows[static_cast<std::size_t>(*model.found_row)];
        draw_text(ui.body, c.text,
                  format(Str::rank_find_found, {r.name, std::to_string(r.rank), std::to_string(r.points)}));
        break;
    }
    case RankFind::unknown_number: draw_text(ui.body, c.text, text(Str::rank_find_unknown)); break;
    case RankFind::no_points: draw_text(ui.body, c.text, text(Str::rank_find_no_points)); break;
    case RankFind::none: break;
    }
}

}  // namespace

std::optional<Action> draw_rankings(const RankingsModel& model, const RankingsView& view, const DataState& data,
                                    RankFinder& finder, Typing& typing, Ui& ui) {
    const Theme& t = ui.theme;
    draw_heading(ui, text(Str::tile_rankings), data.has_data ? model.period_label.c_str() : nullptr);
    std::optional<Action> action;
    if (data.has_data)
        if (auto next = draw_controls(model, view, ui)) action = ChangeView{*next};
    if (draw_data_state(ui, data, model.rows.empty(), Str::rank_empty)) return action;

    if (view.subject != SubjectKind::member) finder.open = false;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = t.em(0.6f), pager_h = t.em(2.2f) + ImGui::GetStyle().ItemSpacing.y;
    const bool status = model.find != RankFind::none;
    const float status_h = status ? ui.body->FontSize + ImGui::GetStyle().ItemSpacing.y : 0.0f;
    ImVec2 side, list;
    if (ui.portrait) {
        side = ImVec2(avail.x, finder.open ? std::max(avail.y * 0.36f, finder_height(ui)) : avail.y * 0.36f);
        list = ImVec2(avail.x, avail.y - side.y - gap - pager_h - status_h);
    } else {
        side = ImVec2(avail.x * 0.38f, avail.y);
        list = ImVec2(avail.x - side.x - gap, avail.y - pager_h - status_h);
    }
    if (finder.open) {
        if (auto next = draw_finder(view, finder, typing, ui, side)) action = ChangeView{*next};
    } else {
        draw_side_panel(model, ui, side);
    }
    if (ui.portrait) ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
    else ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    if (status) draw_find_status(model, ui);
    const ListPosition pos = draw_list(model, view, ui, list, action);
    if (auto next = draw_pager(view, static_cast<int>(model.rows.size()), pos, finder, list.x, ui))
        action = ChangeView{*next};
    ImGui::EndGroup();
    return action;
}

}  // namespace gongshi::kiosk
