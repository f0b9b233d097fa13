// 通知公告: the notices inside their publish window, pinned first. Titles on one side (landscape)
// or on top (portrait); the open notice in large text with its pictures, scrolled by dragging.
// Move between notices by tapping a title, the 上一条 / 下一条 buttons, or a sideways swipe.
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "screens/disclosure_parts.hpp"
#include "screens/screens.hpp"

namespace gongshi::kiosk {

namespace {

std::string published_on(const Timestamp& at) {
    // The notice's own offset gives the local day it was published, as the office wrote it.
    const std::int64_t local = at.unix_seconds + static_cast<std::int64_t>(at.offset_minutes) * 60;
    const Date d = civil_from_days(local >= 0 ? local / 86400 : (local - 86399) / 86400);
    return format(Str::notices_published,
                  {format(Str::date_ymd, {std::to_string(d.year), std::to_string(d.month), std::to_string(d.day)})});
}

std::optional<int> draw_titles(const NoticesModel& model, int open, Ui& ui, ImVec2 size) {
    const Theme& t = ui.theme;
    const Palette& c = t.colors;
    std::optional<int> pressed;
    begin_touch_scroll(ui.scrolls, "##notice-titles", size);
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = t.em(2.6f);
    for (int i = 0; i < static_cast<int>(model.notices.size()); ++i) {
        const Notice& n = model.notices[static_cast<std::size_t>(i)];
        const std::string label = n.title + "##" + n.id;
        ImVec2 face;
        if (touch_surface(ui, label.c_str(), ImVec2(width, height), &face)) pressed = i;
        if (!ImGui::IsItemVisible()) continue;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (i == open)
            dl->AddRectFilled(face, ImVec2(face.x + t.em(0.3f), face.y + height), to_u32(c.accent), t.em(0.35f),
                              ImDrawFlags_RoundCornersLeft);
        float x = face.x + t.em(0.6f);
        const float y = face.y + (height - ui.body->FontSize) * 0.5f;
        // Tags before the title: pinned, and a staff edit this kiosk has not delivered yet.
        auto tag = [&](Str which) {
            const char* tag_text = text(which);
            const float w = ui.body->CalcTextSizeA(ui.body->FontSize, FLT_MAX, 0.0f, tag_text).x;
            dl->AddRectFilled(ImVec2(x - t.em(0.15f), y - t.em(0.1f)), ImVec2(x + w + t.em(0.15f), y + ui.body->FontSize + t.em(0.1f)),
                              to_u32(c.accent), t.em(0.2f));
            dl->AddText(ui.body, ui.body->FontSize, ImVec2(x, y), to_u32(c.on_accent), tag_text);
            x += w + t.em(0.5f);
        };
        if (n.pinned) tag(Str::notices_pinned);
        if (model.pending.count(n.id)) tag(Str::staff_pending);
        const ImVec4 clip(face.x, face.y, face.x + width - t.em(0.4f), face.y + height);
        dl->AddText(ui.body, ui.body->FontSize, ImVec2(x, y), to_u32(c.text), n.title.c_str(), nullptr, 0.0f, &clip);
        ImGui::Dummy(ImVec2(0, t.em(0.15f)));
    }
    end_touch_scroll(ui.scrolls);
    return pressed;
}

// A sideways swipe that started on the notice: -1 (to the previous), +1 (to the next) or 0.
int swipe_direction(const ImRect& area, float min_distance) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.MouseReleased[0] || !area.Contains(io.MouseClickedPos[0])) return 0;
    const ImVec2 d = io.MousePos - io.MouseClickedPos[0];
    if (std::fabs(d.x) < min_distance || std::fabs(d.x) < 1.5f * std::fabs(d.y)) return 0;
    return d.x < 0 ? 1 : -1;  // the finger pushes the page away: leftwards brings the next one
}

int draw_body(const Notice& n, bool pending, Ui& ui, ImVec2 size) {
    const Theme& t = ui.theme;
    const Palette& c = t.colors;
    begin_touch_scroll(ui.scrolls, ("##notice-" + n.id).c_str(), size);
    const ImRect area(ImGui::GetWindowPos(), ImGui::GetWindowPos() + ImGui::GetWindowSize());
    const float width = ImGui::GetContentRegionAvail().x;
    draw_text(ui.title, c.text, n.title, true);
    std::string meta = published_on(n.publish_at);
    if (n.pinned) meta = std::string(text(Str::notices_pinned)) + "　" + meta;
    if (pending) meta = std::string(text(Str::staff_pending)) + "　" + meta;
    draw_text(ui.body, c.text_muted, meta);
    ImGui::Dummy(ImVec2(0, t.em(0.3f)));
    // Paragraphs with air between them: long notices are read standing, at arm's length.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, t.em(0.5f)));
    draw_text(ui.body, c.text, n.body, true);
    ImGui::PopStyleVar();
    const ImVec2 picture(std::min(width, t.em(24.0f)), std::min(width, t.em(24.0f)) * 0.5625f);
    for (const MediaId& m : n.media) draw_image(ui, m, picture);
    const int swipe = swipe_direction(area, t.em(3.0f));
    end_touch_scroll(ui.scrolls);
    return swipe;
}

}  // namespace

std::optional<Action> draw_notices(const NoticesModel& model, const NoticesView& view, const DataState& data, Ui& ui) {
    const Theme& t = ui.theme;
    draw_heading(ui, text(Str::tile_notices));
    if (draw_data_state(ui, data, model.notices.empty(), Str::notices_empty)) return std::nullopt;

    const int count = static_cast<int>(model.notices.size());
    const int open = std::clamp(view.index, 0, count - 1);
    const auto go = [&](int index) -> std::optional<Action> {
        if (index < 0 || index >= count || index == open) return std::nullopt;
        return ChangeView{NoticesView{index}};
    };
    std::optional<Action> action;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float gap = t.em(0.6f), pager_h = t.em(2.2f) + ImGui::GetStyle().ItemSpacing.y;
    ImVec2 titles, body;
    if (ui.portrait) {
        titles = ImVec2(avail.x, std::min(avail.y * 0.28f, t.em(2.75f) * static_cast<float>(count)));
        body = ImVec2(avail.x, avail.y - titles.y - gap - pager_h);
    } else {
        titles = ImVec2(avail.x * 0.32f, avail.y);
        body = ImVec2(avail.x - titles.x - gap, avail.y - pager_h);
    }
    if (auto i = draw_titles(model, open, ui, titles)) action = go(*i);
    if (ui.portrait) ImGui::Dummy(ImVec2(0, gap - ImGui::GetStyle().ItemSpacing.y));
    else ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    const Notice& shown = model.notices[static_cast<std::size_t>(open)];
    if (const int swipe = draw_body(shown, model.pending.count(shown.id) > 0, ui, body)) action = go(open + swipe);
    const ImVec2 button(t.em(4.5f), t.em(2.2f));
    if (touch_button(ui, text(Str::notices_prev), button, ButtonKind::nav)) action = go(open - 1);
    ImGui::SameLine(0, t.em(0.8f));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (button.y - ui.body->FontSize) * 0.5f);
    draw_text(ui.body, t.colors.text_muted, format(Str::notices_position, {std::to_string(open + 1), std::to_string(count)}));
    ImGui::SameLine(0, t.em(0.8f));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - (button.y - ui.body->FontSize) * 0.5f);
    if (touch_button(ui, text(Str::notices_next), button, ButtonKind::nav)) action = go(open + 1);
    ImGui::EndGroup();
    return action;
}

}  // namespace gongshi::kiosk
