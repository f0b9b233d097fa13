// Where a tap can take the kiosk: the screens, the actions screens return, and the home tiles.
// A screen draws and returns at most one action per frame; the app applies it after the frame.
#pragma once

#include <span>
#include <variant>

#include "disclosure.hpp"
#include "ui_strings.hpp"

namespace gongshi::kiosk {

// Each public screen of the home grid. Until its issue lands, a screen is the placeholder.
// Later screens that need parameters (a member's profile) get their own entry struct.
enum class ScreenKind {
    home, pledges, posts, rankings, evaluations, registration, wishes, notices, rewards, points_lookup, about,
    member_profile,  // whose: App::member_screens.ui.profile_member_id (set by the screen that opens it)
    wish_post,       // 我要许愿: the five steps; the form is App::wish_screens.ui.form
    wish_tracking,   // 查询进度: a wish's status by its tracking code; App::wish_tracking
    // Staff mode (App::staff set), reached by the long press on the community name.
    staff_login, staff_home, staff_notices, staff_wish_review, staff_sync, staff_device,
    staff_notice_edit,  // which: App::staff_edit.ui.editor (set by 公告管理 before it opens)
};

struct OpenScreen {
    ScreenKind screen;
};
struct GoBack {};
struct GoHome {};
struct DismissIdle {};  // the tap on an idle overlay (countdown, attract loop, dark screen)
struct ChangeView {       // a disclosure screen's choice (period, year, category, notice, page)
    ViewChange view;
};
struct SubmitWish {};  // 提交 on the wish form: App queues it (submit_wish_form) after the frame
using Action = std::variant<OpenScreen, GoBack, GoHome, DismissIdle, ChangeView, SubmitWish>;

struct TileInfo {
    ScreenKind screen;
    Str label;
    Str hint;
    Str badge;  // one character that tells the tiles apart at a glance
};
std::span<const TileInfo> home_tiles();
Str screen_title(ScreenKind screen);

}  // namespace gongshi::kiosk
