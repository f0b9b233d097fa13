// 新建公告 / 编辑公告 (staff): title and body on the pinyin keyboard, pin, the publish and expiry
// times on touch steppers in the community's time zone, and pictures the server already has.
// 保存 leaves SaveNotice for the app; the list then shows the notice marked 待同步.
#include <algorithm>

#include "member_screens.hpp"
#include "screens/disclosure_parts.hpp"
#include "screens/screens.hpp"
#include "staff_edit.hpp"

namespace gongshi::kiosk {

namespace {

struct Stepper {
    Str label;
    EditorTime step;
};

void draw_label(Ui& ui, Str label) { draw_text(ui.body, ui.theme.colors.text_muted, text(label)); }

bool draw_field(Ui& ui, NoticeEditorUi& e, EditorField which, float width) {
    const bool title = which == EditorField::title;
    const KeyboardState& kb = title ? e.title : e.body;
    const Str hint = title ? Str::staff_title_hint : Str::staff_body_hint;
    const bool focused = e.keyboard_open && e.typing == which;
    draw_label(ui, title ? Str::staff_field_title : Str::staff_field_body);
    const bool tapped = draw_text_field(ui, kb, text(hint), text(hint), ImVec2(width, ui.theme.em(2.4f)), focused);
    draw_text(ui.body, ui.theme.colors.text_muted,
              format(Str::staff_chars, {std::to_string(kb.field.chars()), std::to_string(kb.field.max_chars)}));
    return tapped;
}

void draw_steppers(Ui& ui, NoticeEditorUi& e, std::initializer_list<Stepper> steppers, const char* id,
                   const std::optional<TimeZone>& tz, std::int64_t now) {
    const Theme& t = ui.theme;
    bool first = true;
    for (const Stepper& s : steppers) {
        if (!first) ImGui::SameLine(0, t.em(0.4f));
        first = false;
        const std::string label = std::string(text(s.label)) + "##" + id;
        if (touch_button(ui, label.c_str(), ImVec2(t.em(4.6f), t.em(2.2f)), ButtonKind::nav))
            step_editor_time(e, s.step, now, tz);
    }
}

void draw_times(Ui& ui, NoticeEditorUi& e, const std::optional<TimeZone>& tz, std::int64_t now) {
    const Theme& t = ui.theme;
    draw_label(ui, Str::staff_publish_label);
    draw_text(ui.title, t.colors.text, local_minute_text(e.draft.publish_at.unix_seconds, tz));
    draw_steppers(ui, e,
                  {{Str::staff_today, EditorTime::publish_today}, {Str::staff_plus_day, EditorTime::publish_next_day},
                   {Str::staff_hour_up, EditorTime::publish_hour_up}, {Str::staff_hour_down, EditorTime::publish_hour_down}},
                  "publish", tz, now);
    ImGui::Dummy(ImVec2(0, t.em(0.3f)));
    draw_label(ui, Str::staff_expire_label);
    const std::string expiry =
        e.draft.expire_at ? local_minute_text(e.draft.expire_at->unix_seconds, tz) : text(Str::staff_no_expiry);
    draw_text(ui.title, t.colors.text, expiry);
    const Str toggle = e.draft.expire_at ? Str::staff_clear_expiry : Str::staff_set_expiry;
    if (!e.draft.expire_at) {
        draw_steppers(ui, e, {{toggle, EditorTime::expire_toggle}}, "expire", tz, now);
        return;
    }
    draw_steppers(ui, e,
                  {{toggle, EditorTime::expire_toggle}, {Str::staff_end_of_today, EditorTime::expire_today},
                   {Str::staff_plus_day, EditorTime::expire_next_day}, {Str::staff_hour_up, EditorTime::expire_hour_up},
                   {Str::staff_hour_down, EditorTime::expire_hour_down}},
                  "expire", tz, now);
}

// Each picture the server has, as a thumbnail with a toggle under it.
void draw_pictures(Ui& ui, NoticeEditorUi& e, const std::vector<MediaChoice>& media, float width) {
    const Theme& t = ui.theme;
    draw_label(ui, Str::staff_pictures);
    if (media.empty()) {
        draw_text(ui.body, t.colors.text_muted, text(Str::staff_no_pictures));
        return;
    }
    const ImVec2 thumb(t.em(7.0f), t.em(4.5f));
    const int columns = std::max(1, static_cast<int>(width / (thumb.x + t.em(0.5f))));
    for (std::size_t i = 0; i < media.size(); ++i) {
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine(0, t.em(0.5f));
        ImGui::BeginGroup();
        draw_image(ui, media[i].id, thumb);
        auto& attached = e.draft.media;
        const auto at = std::find(attached.begin(), attached.end(), media[i].id);
        const bool on = at != attached.end();
        const std::string label = (on ? std::string(text(Str::staff_attached)) : fit_text(ui.body, media[i].label, thumb.x - t.em(0.6f))) +
                                  "##" + media[i].id;
        if (touch_button(ui, label.c_str(), ImVec2(thumb.x, t.em(2.2f)), on ? ButtonKind::selected : ButtonKind::nav)) {
            if (on) attached.erase(at);
            else attached.push_back(media[i].id);
        }
        ImGui::EndGroup();
    }
}

// Title and body. While the keyboard is open only the field being typed shows: the keyboard
// takes the room, and 完成 brings the rest back.
void draw_text_part(NoticeEditorUi& e, Ui& ui) {
    const float width = ImGui::GetContentRegionAvail().x;
    for (const EditorField which : {EditorField::title, EditorField::body}) {
        if (e.keyboard_open && e.typing != which) continue;
        if (draw_field(ui, e, which, width)) {
            e.typing = which;
            e.keyboard_open = true;
        }
    }
    // The body field shows one line at the caret; the whole text is read here.
    if (!e.body.field.text.empty() && (!e.keyboard_open || e.typing == EditorField::body))
        draw_text(ui.body, ui.theme.colors.text, e.body.field.text, true);
}

void draw_settings_part(const StaffNoticesModel& model, NoticeEditorUi& e, const std::optional<TimeZone>& tz,
                        std::int64_t now, Ui& ui) {
    const Theme& t = ui.theme;
    const std::string pin = std::string(text(Str::staff_pin)) + "##editor";
    if (touch_button(ui, pin.c_str(), ImVec2(t.em(6.0f), t.em(2.2f)), e.draft.pinned ? ButtonKind::selected : ButtonKind::nav))
        e.draft.pinned = !e.draft.pinned;
    ImGui::Dummy(ImVec2(0, t.em(0.3f)));
    draw_times(ui, e, tz, now);
    ImGui::Dummy(ImVec2(0, t.em(0.3f)));
    draw_pictures(ui, e, model.media, ImGui::GetContentRegionAvail().x);
}

}  // namespace

std::optional<Action> draw_staff_notice_editor(const StaffNoticesModel& model, StaffEditUi& state, Typing& typing,
                                               const std::optional<TimeZone>& tz, std::int64_t now_unix, Ui& ui) {
    const Theme& t = ui.theme;
    NoticeEditorUi& e = state.editor;
    std::optional<Action> action;
    draw_heading(ui, text(e.notice_id.empty() ? Str::staff_new_notice : Str::staff_editor_edit));
    const ImVec2 button(t.em(5.0f), t.em(2.2f));
    if (touch_button(ui, text(Str::staff_save), button, ButtonKind::primary)) state.command = SaveNotice{};
    ImGui::SameLine(0, t.em(0.6f));
    if (touch_button(ui, text(Str::staff_cancel), button, ButtonKind::nav)) action = GoBack{};
    if (e.error) {
        ImGui::SameLine(0, t.em(0.8f));
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (button.y - ui.body->FontSize) * 0.5f);
        draw_text(ui.body, t.colors.accent, text(*e.error));
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail(), start = ImGui::GetCursorScreenPos();
    if (e.keyboard_open) {  // the field being typed beside the keyboard (landscape) or above it
        KeyboardState& kb = e.typing == EditorField::title ? e.title : e.body;
        begin_touch_scroll(ui.scrolls, "##notice-editor", room_beside_keyboard(ui, avail, kb.layout));
        draw_text_part(e, ui);
        end_touch_scroll(ui.scrolls);
        if (auto key = draw_docked_keyboard(kb, typing, ui, start, avail); key && key->code == KeyCode::done)
            e.keyboard_open = false;
    } else if (ui.portrait) {
        begin_touch_scroll(ui.scrolls, "##notice-editor", avail);
        draw_text_part(e, ui);
        draw_settings_part(model, e, tz, now_unix, ui);
        end_touch_scroll(ui.scrolls);
    } else {  // landscape: the text on the left, when and how it shows on the right
        const float gap = t.em(0.8f), half = (avail.x - gap) * 0.5f;
        begin_touch_scroll(ui.scrolls, "##notice-text", ImVec2(half, avail.y));
        draw_text_part(e, ui);
        end_touch_scroll(ui.scrolls);
        ImGui::SameLine(0, gap);
        begin_touch_scroll(ui.scrolls, "##notice-settings", ImVec2(half, avail.y));
        draw_settings_part(model, e, tz, now_unix, ui);
        end_touch_scroll(ui.scrolls);
    }
    return action;
}

}  // namespace gongshi::kiosk
