// 公告管理 (staff): every notice of the community — published, scheduled, expired, pinned —
// with this kiosk's unacknowledged writes marked 待同步, and the writes the server refused on top
// (a 412 says someone else edited the notice first: reload it and redo the edit).
#include <imgui_internal.h>

#include "screens/disclosure_parts.hpp"
#include "screens/screens.hpp"
#include "staff_edit.hpp"

namespace gongshi::kiosk {

namespace {

Str state_label(NoticeState s) {
    switch (s) {
    case NoticeState::published: return Str::staff_state_published;
    case NoticeState::scheduled: return Str::staff_state_scheduled;
    case NoticeState::expired: return Str::staff_state_expired;
    }
    return Str::staff_state_published;
}

// Small labels in a row: the accent ones are what staff must notice (pinned, pending).
void draw_tags(Ui& ui, std::initializer_list<std::pair<Str, bool>> tags) {
    const Theme& t = ui.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    bool first = true;
    for (const auto& [tag, accent] : tags) {
        if (!first) ImGui::SameLine(0, t.em(0.4f));
        first = false;
        const char* label = text(tag);
        const ImVec2 size = ui.body->CalcTextSizeA(ui.body->FontSize, FLT_MAX, 0.0f, label) + ImVec2(t.em(0.5f), t.em(0.2f));
        const ImVec2 min = ImGui::GetCursorScreenPos();
        dl->AddRectFilled(min, min + size, to_u32(accent ? t.colors.accent : t.colors.background), t.em(0.2f));
        dl->AddText(ui.body, ui.body->FontSize, min + ImVec2(t.em(0.25f), t.em(0.1f)),
                    to_u32(accent ? t.colors.on_accent : t.colors.text), label);
        ImGui::Dummy(size);
    }
}

// True when staff chose to redo a refused edit.
bool draw_refused(const RefusedNoticeWrite& r, StaffEditUi& state, Ui& ui, float width) {
    const Theme& t = ui.theme;
    Card card(ui, width, true);
    const std::string& title = r.title.empty() ? std::string(text(Str::staff_refused_new)) : r.title;
    draw_text(ui.body, t.colors.text, title, true);
    if (!r.conflict) {
        draw_text(ui.body, t.colors.accent, format(Str::staff_refused, {r.reason}), true);
        return false;
    }
    draw_text(ui.body, t.colors.accent, text(Str::staff_conflict), true);
    const std::string label = std::string(text(Str::staff_redo)) + "##" + std::to_string(r.outbox_id);
    if (!touch_button(ui, label.c_str(), ImVec2(t.em(6.0f), t.em(2.2f)), ButtonKind::primary)) return false;
    state.command = RedoRefused{r.outbox_id};
    return true;
}

// One notice: tags, title and times on the left, the buttons that change it on the right.
std::optional<Action> draw_row(const StaffNoticeRow& row, StaffEditUi& state, Ui& ui, float width) {
    const Theme& t = ui.theme;
    std::optional<Action> action;
    Card card(ui, width, row.pending);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 button(t.em(5.5f), t.em(2.2f));
    const float gap = t.em(0.5f), buttons = 2 * button.x + gap;
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + card.inner_width() - buttons - gap);
    if (row.pending) draw_tags(ui, {{state_label(row.state), false}, {Str::staff_pending, true}});
    else draw_tags(ui, {{state_label(row.state), false}});
    if (row.notice.pinned) {
        ImGui::SameLine(0, t.em(0.4f));
        draw_tags(ui, {{Str::staff_pin, true}});
    }
    ImGui::SameLine(0, t.em(0.6f));
    draw_text(ui.body, t.colors.text_muted, row.when, true);
    draw_text(ui.body, t.colors.text, row.notice.title, true);
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    if (!row.editable) return action;  // a new notice gets its id from the server first
    ImGui::SetCursorScreenPos(ImVec2(origin.x + card.inner_width() - buttons, origin.y));
    const std::string edit = std::string(text(Str::staff_edit)) + "##" + row.notice.id;
    if (touch_button(ui, edit.c_str(), button, ButtonKind::nav)) {
        state.command = StartEdit{row.notice.id};
        action = OpenScreen{ScreenKind::staff_notice_edit};
    }
    ImGui::SameLine(0, gap);
    const std::string pin = std::string(text(row.notice.pinned ? Str::staff_unpin : Str::staff_pin)) + "##" + row.notice.id;
    if (touch_button(ui, pin.c_str(), button, ButtonKind::nav)) state.command = TogglePin{row.notice.id};
    return action;
}

}  // namespace

std::optional<Action> draw_staff_notices(const StaffNoticesModel& model, StaffEditUi& state, Ui& ui) {
    const Theme& t = ui.theme;
    std::optional<Action> action;
    draw_heading(ui, text(Str::staff_notices_heading));
    if (touch_button(ui, text(Str::staff_new_notice), ImVec2(t.em(7.0f), t.em(2.2f)), ButtonKind::primary)) {
        state.command = StartEdit{};
        action = OpenScreen{ScreenKind::staff_notice_edit};
    }
    if (state.notice) {
        ImGui::SameLine(0, t.em(0.8f));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (t.em(2.2f) - ui.body->FontSize) * 0.5f);
        draw_text(ui.body, t.colors.text_muted, text(*state.notice));
    }
    ImGui::Dummy(ImVec2(0, t.em(0.2f)));
    begin_touch_scroll(ui.scrolls, "##staff-notices", ImGui::GetContentRegionAvail());
    const float width = ImGui::GetContentRegionAvail().x;
    for (const RefusedNoticeWrite& r : model.refused)
        if (draw_refused(r, state, ui, width)) action = OpenScreen{ScreenKind::staff_notice_edit};
    if (model.rows.empty()) draw_text(ui.body, t.colors.text_muted, text(Str::staff_notices_empty), true);
    for (const StaffNoticeRow& row : model.rows)
        if (auto a = draw_row(row, state, ui, width)) action = a;
    end_touch_scroll(ui.scrolls);
    return action;
}

}  // namespace gongshi::kiosk
