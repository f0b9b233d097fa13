// Staff editing (staff mode): 公告管理 (the notice list and its editor) and 心愿审核 (the review
// queue). Their UI state, the view models built from the cache and the outbox, and the writes.
//
// Screens change their own UI state and leave at most one StaffCommand in it; the app runs the
// command between frames (run_staff_command): every write goes through the outbox
// (staff_actions.hpp) with a staff action recorded beside it, so it works offline and reaches
// the server exactly once. What is queued shows at once, marked 待同步, until acknowledged.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include "gongshi/cache.hpp"
#include "gongshi/staff_writes.hpp"
#include "keyboard.hpp"
#include "local_time.hpp"
#include "navigation.hpp"
#include "widgets.hpp"

namespace gongshi::kiosk {

struct App;

// ---- view models ----

enum class NoticeState { published, scheduled, expired };

struct StaffNoticeRow {
    Notice notice;        // with this kiosk's pending edits applied
    NoticeState state = NoticeState::published;
    bool pending = false;  // an edit or the creation is waiting in the outbox
    bool editable = true;  // false for a new notice the server has not numbered yet
    std::int64_t base_version = 1;  // what an edit made now starts from (pending edits counted)
    std::string when;      // 发布 3月5日 10:00 · 截止 …
};

// A notice write the server refused (a dead letter), shown until staff redo or discard it.
struct RefusedNoticeWrite {
    std::int64_t outbox_id = 0;
    std::string notice_id;  // empty for a refused new notice
    std::string title;      // what staff typed
    bool conflict = false;  // 412: someone else edited it first; staff reload and redo
    std::string reason;     // other refusals: the server's words
};

struct MediaChoice {
    MediaId id;
    std::string label;  // the notice or reward it comes from
};

struct StaffNoticesModel {
    std::vector<StaffNoticeRow> rows;  // published, scheduled, expired; pinned first, then newest
    std::vector<RefusedNoticeWrite> refused;
    std::vector<MediaChoice> media;    // pictures the server already has (and this kiosk holds)
};

struct ReviewRow {
    WishView view;
    std::vector<std::string> marks;  // configured sensitive words found in the text
    std::string submitted;           // 3月5日 10:00
};

struct ReviewedRow {  // reviewed here, waiting for the server
    std::string wish_id;
    std::string text;
    bool approve = false;
    std::string reason;
};

struct RefusedReview {
    std::int64_t outbox_id = 0;
    std::string wish_id;
    std::string text;    // the wish, when the cache still has it
    bool taken = false;  // 412/422: someone else reviewed it first
    std::string reason;
};

struct WishReviewModel {
    std::vector<ReviewRow> pending;  // oldest first, without those reviewed here
    std::vector<ReviewedRow> reviewed;
    std::vector<RefusedReview> refused;
};

// ---- UI state (owned by App, wiped by reset_to_home) ----

enum class EditorField { title, body };
enum class EditorTime { publish_today, publish_next_day, publish_hour_up, publish_hour_down, expire_toggle,
                        expire_today, expire_next_day, expire_hour_up, expire_hour_down };

struct NoticeEditorUi {
    std::string notice_id;           // empty: a new notice
    Notice base;                     // the version the edit started from (with pending edits)
    std::int64_t base_version = 1;
    Notice draft;                    // pinned, times and pictures; text is in the fields below
    KeyboardState title, body;
    EditorField typing = EditorField::title;
    bool keyboard_open = false;
    std::optional<std::int64_t> redo_of;  // the refused write this edit replaces
    std::optional<Str> error;        // why 保存 did nothing
};

struct ReviewUi {
    std::string rejecting;  // the wish whose reason panel is open
    KeyboardState reason = reason_keyboard();
    bool keyboard_open = false;
    static KeyboardState reason_keyboard() {
        KeyboardState kb;
        kb.field.max_chars = kReviewReasonMax;
        return kb;
    }
};

struct SaveNotice {};
struct TogglePin { std::string notice_id; };
struct ReviewWish { std::string wish_id; bool approve = false; };
struct StartEdit { std::string notice_id; };          // empty: a new notice
struct RedoRefused { std::int64_t outbox_id = 0; };   // reload the current version, redo the edit
using StaffCommand = std::variant<SaveNotice, TogglePin, ReviewWish, StartEdit, RedoRefused>;

struct StaffEditUi {
    NoticeEditorUi editor;
    ReviewUi review;
    std::optional<StaffCommand> command;  // run between frames
    std::optional<Str> notice;            // the outcome of the last write, shown on the list
};

struct StaffEditing {
    StaffEditUi ui;
    StaffNoticesModel notices;
    WishReviewModel review;
    // What the models were built for: the screen, the cache's data version, the outbox counts.
    std::optional<std::tuple<ScreenKind, std::int64_t, int, int>> built_for;
};

// ---- building and writing (app side, between frames) ----

struct StaffContext {
    std::int64_t now_unix = 0;
    std::optional<TimeZone> time_zone;
    std::vector<std::string> sensitive_words;
    std::string media_dir;
};
StaffNoticesModel build_staff_notices(const Cache& cache, const Outbox& outbox, const StaffContext& context);
WishReviewModel build_wish_review(const Cache& cache, const Outbox& outbox, const StaffContext& context);
// Moves a time stepper of the editor.
void step_editor_time(NoticeEditorUi& editor, EditorTime step, std::int64_t now_unix, const std::optional<TimeZone>& tz);

// Between frames: runs the screens' pending command, then rebuilds the model of the staff
// screen on top if it opened, the cache moved or the outbox moved.
void run_staff_command(App& app);

// ---- screens ----
std::optional<Action> draw_staff_notices(const StaffNoticesModel& model, StaffEditUi& state, Ui& ui);
std::optional<Action> draw_staff_notice_editor(const StaffNoticesModel& model, StaffEditUi& state, Typing& typing,
                                               const std::optional<TimeZone>& tz, std::int64_t now_unix, Ui& ui);
std::optional<Action> draw_staff_wish_review(const WishReviewModel& model, StaffEditUi& state, Typing& typing, Ui& ui);

}  // namespace gongshi::kiosk
