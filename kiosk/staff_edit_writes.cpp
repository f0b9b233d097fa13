// What the staff editing screens ask for, done between frames: every write is an outbox row
// plus the staff action that records it (staff_actions.hpp).
#include <algorithm>

#include "app.hpp"
#include "gongshi/sanitize.hpp"
#include "staff_actions.hpp"
#include "staff_edit.hpp"

namespace gongshi::kiosk {

namespace {

constexpr std::int64_t kHour = 3600, kDay = 86400;

KeyboardState text_keyboard(std::string text, std::size_t max_chars, bool multiline) {
    KeyboardState kb;
    kb.field.max_chars = max_chars;
    kb.field.multiline = multiline;
    kb.field.insert(text);
    return kb;
}

std::int64_t start_of_local_day(std::int64_t unix, const std::optional<TimeZone>& tz) {
    const std::int64_t offset = local_offset_seconds(unix, tz);
    const std::int64_t local = unix + offset;
    return local - ((local % kDay) + kDay) % kDay - offset;
}

const StaffNoticeRow* find_row(const StaffNoticesModel& model, const std::string& id) {
    auto it = std::find_if(model.rows.begin(), model.rows.end(), [&](const StaffNoticeRow& r) { return r.notice.id == id; });
    return it == model.rows.end() ? nullptr : &*it;
}

// The editor's draft, and the two keyboards that edit it holding its title and body.
void set_draft(NoticeEditorUi& e, Notice draft) {
    e.draft = std::move(draft);
    e.title = text_keyboard(e.draft.title, kNoticeTitleMax, false);
    e.body = text_keyboard(e.draft.body, kNoticeBodyMax, true);
}

void open_editor(App& app, const std::string& notice_id) {
    NoticeEditorUi e;
    if (const StaffNoticeRow* row = find_row(app.staff_edit.notices, notice_id)) {
        e.notice_id = notice_id;
        e.base = row->notice;
        e.base_version = row->base_version;
    } else {
        e.base.publish_at = local_timestamp(app.clock.unix_seconds(), app.time_zone);
    }
    set_draft(e, e.base);
    app.staff_edit.ui.editor = std::move(e);
}

// A refused write redone: the current version with the refused write's changes laid over it again.
void redo_refused(App& app, std::int64_t outbox_id) {
    const auto& refused = app.staff_edit.notices.refused;
    auto it = std::find_if(refused.begin(), refused.end(), [&](const RefusedNoticeWrite& r) { return r.outbox_id == outbox_id; });
    const auto dead = app.outbox ? app.outbox->find(outbox_id) : std::nullopt;
    if (it == refused.end() || !dead) return;
    open_editor(app, it->notice_id);
    NoticeEditorUi& e = app.staff_edit.ui.editor;
    if (const auto writes = notice_writes({*dead}); !writes.empty()) set_draft(e, apply_fields(e.draft, writes[0].fields));
    e.redo_of = outbox_id;
}

std::optional<std::string> cleaned(const KeyboardState& kb, std::size_t max_chars, bool newlines) {
    auto clean = clean_text(kb.field.text, max_chars, newlines);
    if (!clean || clean->text.empty()) return std::nullopt;
    return clean->text;
}

Status queue_notice_edit(App& app, const std::string& id, std::int64_t base_version, const NoticeFields& fields,
                         std::string_view action) {
    if (Status s = queue_write(app, "notice_edit", "PUT", community_path(app, "/notices/" + id),
                               notice_edit_body(app.staff->staff_id, base_version, fields));
        !s)
        return s;
    return record_staff_action(app, action, "notice", id);
}

void save_notice(App& app) {
    NoticeEditorUi& e = app.staff_edit.ui.editor;
    e.error.reset();
    const auto title = cleaned(e.title, kNoticeTitleMax, false);
    const auto body = cleaned(e.body, kNoticeBodyMax, true);
    if (!title || !body) {
        e.error = title ? Str::staff_body_required : Str::staff_title_required;
        return;
    }
    Notice edited = e.draft;
    edited.title = *title;
    edited.body = *body;
    Status saved = success();
    if (e.notice_id.empty()) {
        saved = queue_write(app, "notice", "POST", community_path(app, "/notices"),
                            notice_create_body(app.staff->staff_id, all_fields(edited)));
        if (saved) saved = record_staff_action(app, "notice_create", "notice");
    } else {
        const NoticeFields fields = changed_fields(e.base, edited);
        if (fields.empty()) {
            e.error = Str::staff_no_changes;
            return;
        }
        saved = queue_notice_edit(app, e.notice_id, e.base_version, fields, "notice_edit");
    }
    if (!saved) {
        e.error = Str::staff_save_failed;
        return;
    }
    // The redo replaces the refused write; staff saw it and chose to do it again.
    if (e.redo_of && app.outbox) (void)app.outbox->discard_dead(*e.redo_of);
    app.staff_edit.ui.notice = Str::staff_saved_pending;
    if (app.stack.back() == ScreenKind::staff_notice_edit) app.stack.pop_back();
}

void toggle_pin(App& app, const std::string& id) {
    const StaffNoticeRow* row = find_row(app.staff_edit.notices, id);
    if (row == nullptr || !row->editable) return;
    NoticeFields fields;
    fields.pinned = !row->notice.pinned;
    const Status s = queue_notice_edit(app, id, row->base_version, fields, *fields.pinned ? "notice_pin" : "notice_unpin");
    app.staff_edit.ui.notice = s ? Str::staff_saved_pending : Str::staff_save_failed;
}

void review_wish(App& app, const ReviewWish& r) {
    const auto& pending = app.staff_edit.review.pending;
    auto it = std::find_if(pending.begin(), pending.end(), [&](const ReviewRow& w) { return w.view.wish.id == r.wish_id; });
    if (it == pending.end()) return;
    std::string reason;
    if (!r.approve) {
        const auto typed = cleaned(app.staff_edit.ui.review.reason, kReviewReasonMax, false);
        if (!typed) return;  // the screen offers 确认驳回 only with a reason
        reason = *typed;
    }
    Status s = queue_write(app, "wish_review", "POST", community_path(app, "/wishes/" + r.wish_id + "/review"),
                           wish_review_body(app.staff->staff_id, it->view.wish.version, reason));
    if (s) s = record_staff_action(app, r.approve ? "wish_approve" : "wish_reject", "wish", r.wish_id);
    app.staff_edit.ui.review = ReviewUi{};
    app.staff_edit.ui.notice = s ? Str::staff_saved_pending : Str::staff_save_failed;
}

bool is_staff_edit_screen(ScreenKind s) {
    return s == ScreenKind::staff_notices || s == ScreenKind::staff_notice_edit || s == ScreenKind::staff_wish_review;
}

void refresh_staff_models(App& app) {
    const ScreenKind top = app.stack.back();
    if (!is_staff_edit_screen(top) || app.data.cache() == nullptr || !app.outbox) return;
    // The sync thread acknowledges and refuses rows without telling the UI: the counts say so.
    const OutboxCounts counts = app.outbox->counts();
    StaffEditing& s = app.staff_edit;
    const auto key = std::tuple(top, app.models.data_version, counts.pending, counts.dead);
    if (s.built_for == key) return;
    s.built_for = key;
    const StaffContext context{app.clock.unix_seconds(), app.time_zone, app.config.sensitive_words,
                               app.config.effective_media_dir()};
    if (top == ScreenKind::staff_wish_review) {
        s.review = build_wish_review(*app.data.cache(), *app.outbox, context);
        for (const ReviewRow& r : s.review.pending) {
            app.glyphs.add_text(r.view.wish.text);
            app.glyphs.add_text(r.view.wish.category);
            app.glyphs.add_text(r.view.grid_name);
        }
        for (const RefusedReview& r : s.review.refused) app.glyphs.add_text(r.reason);
        return;
    }
    s.notices = build_staff_notices(*app.data.cache(), *app.outbox, context);
    for (const StaffNoticeRow& r : s.notices.rows) {
        app.glyphs.add_text(r.notice.title);
        app.glyphs.add_text(r.notice.body);
        app.glyphs.add_text(r.when);
    }
    for (const RefusedNoticeWrite& r : s.notices.refused) {
        app.glyphs.add_text(r.title);
        app.glyphs.add_text(r.reason);
    }
    for (const MediaChoice& m : s.notices.media) app.glyphs.add_text(m.label);
}

}  // namespace

void step_editor_time(NoticeEditorUi& e, EditorTime step, std::int64_t now, const std::optional<TimeZone>& tz) {
    Notice& d = e.draft;
    const std::int64_t publish = d.publish_at.unix_seconds;
    const std::int64_t expire = d.expire_at ? d.expire_at->unix_seconds : publish + 7 * kDay;
    auto set_publish = [&](std::int64_t t) { d.publish_at = local_timestamp(t, tz); };
    auto set_expire = [&](std::int64_t t) { d.expire_at = local_timestamp(std::max(t, publish + kHour), tz); };
    switch (step) {
    case EditorTime::publish_today: set_publish(now); break;
    case EditorTime::publish_next_day: set_publish(publish + kDay); break;
    case EditorTime::publish_hour_up: set_publish(publish + kHour); break;
    case EditorTime::publish_hour_down: set_publish(publish - kHour); break;
    case EditorTime::expire_toggle:
        if (d.expire_at) d.expire_at.reset();
        else set_expire(expire);
        break;
    case EditorTime::expire_today: set_expire(start_of_local_day(now, tz) + kDay); break;  // the end of today
    case EditorTime::expire_next_day: set_expire(expire + kDay); break;
    case EditorTime::expire_hour_up: set_expire(expire + kHour); break;
    case EditorTime::expire_hour_down: set_expire(expire - kHour); break;
    }
}

void run_staff_command(App& app) {
    std::optional<StaffCommand> command = std::exchange(app.staff_edit.ui.command, std::nullopt);
    if (command && app.staff) {
        struct Visitor {
            App& app;
            void operator()(const SaveNotice&) { save_notice(app); }
            void operator()(const TogglePin& c) { toggle_pin(app, c.notice_id); }
            void operator()(const ReviewWish& c) { review_wish(app, c); }
            void operator()(const StartEdit& c) { open_editor(app, c.notice_id); }
            void operator()(const RedoRefused& c) { redo_refused(app, c.outbox_id); }
        };
        std::visit(Visitor{app}, *command);
        app.staff_edit.built_for.reset();  // a write moves the overlay
    }
    refresh_staff_models(app);
}

}  // namespace gongshi::kiosk
