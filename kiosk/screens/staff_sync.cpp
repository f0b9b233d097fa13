// 同步状态: the connection, the last successful sync, recent errors, and the outbox: what waits to
// be sent and what the server refused (dead letters, each with 重试 and 丢弃). Rows show the kind,
// times and the server's answer, never what a resident typed.
#include "screens/screens.hpp"
#include "screens/staff_screens.hpp"

namespace gongshi::kiosk {

namespace {

std::string row_line(const OutboxRow& r) {
    return format(Str::sync_row, {std::to_string(r.id), r.kind, r.created, std::to_string(r.attempts)});
}

void draw_row(const OutboxRow& r, Ui& ui) {
    draw_text(ui.body, ui.theme.colors.text, row_line(r), true);
    if (!r.last.empty()) draw_text(ui.body, ui.theme.colors.text_muted, r.last, true);
}

void draw_dead_letter(const OutboxRow& r, StaffModeUi& state, Ui& ui) {
    const Theme& t = ui.theme;
    draw_row(r, ui);
    const ImVec2 size(t.em(6.0f), std::max(t.em(2.2f), t.min_target_px));
    const std::string id = std::to_string(r.id);
    if (touch_button(ui, (std::string(text(Str::sync_retry)) + "##" + id).c_str(), size, ButtonKind::nav))
        state.command = staff_cmd::RetryDead{r.id};
    ImGui::SameLine(0, t.em(0.8f));
    if (touch_button(ui, (std::string(text(Str::sync_discard)) + "##" + id).c_str(), size, ButtonKind::nav))
        state.confirm = PendingConfirm{staff_cmd::DiscardDead{r.id}, format(Str::staff_confirm_discard, {id})};
    ImGui::Dummy(ImVec2(0, t.em(0.4f)));
}

void draw_section(Ui& ui, const std::string& title) {
    ImGui::Dummy(ImVec2(0, ui.theme.em(0.4f)));
    draw_text(ui.title, ui.theme.colors.text, title);
}

}  // namespace

std::optional<Action> draw_staff_sync(const SyncHealthModel& m, StaffModeUi& state, Ui& ui) {
    const Theme& t = ui.theme;
    const Palette& c = t.colors;
    draw_heading(ui, text(Str::staff_sync_health));
    draw_staff_notice(state, ui);
    if (draw_staff_confirm(state, ui)) return std::nullopt;

    draw_text(ui.body, c.text, format(Str::sync_summary, {m.connection, m.last_success}));
    if (m.paused) draw_text(ui.body, c.accent, text(Str::sync_paused), true);
    if (!m.outbox_error.empty()) draw_text(ui.body, c.accent, format(Str::sync_outbox_unavailable, {m.outbox_error}), true);
    ImGui::Dummy(ImVec2(0, t.em(0.3f)));
    if (touch_button(ui, text(Str::staff_sync_now), ImVec2(t.em(8.0f), std::max(t.em(2.4f), t.min_target_px)),
                     ButtonKind::primary))
        state.command = staff_cmd::SyncNow{};

    begin_touch_scroll(ui.scrolls, "##sync-health", ImGui::GetContentRegionAvail());
    draw_section(ui, text(Str::sync_errors));
    if (m.errors.empty()) draw_text(ui.body, c.text_muted, text(Str::sync_no_errors));
    for (const std::string& e : m.errors) draw_text(ui.body, c.text_muted, e, true);
    draw_section(ui, format(Str::sync_dead, {std::to_string(m.dead.size())}));
    if (m.dead.empty()) draw_text(ui.body, c.text_muted, text(Str::sync_none));
    for (const OutboxRow& r : m.dead) draw_dead_letter(r, state, ui);
    draw_section(ui, format(Str::sync_pending, {std::to_string(m.pending.size())}));
    if (m.pending.empty()) draw_text(ui.body, c.text_muted, text(Str::sync_none));
    for (const OutboxRow& r : m.pending) draw_row(r, ui);
    end_touch_scroll(ui.scrolls);
    return std::nullopt;
}

}  // namespace gongshi::kiosk
