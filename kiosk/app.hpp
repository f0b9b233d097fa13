// The kiosk's state and its frame, apart from any window or GPU (hello_imgui's split between
// the app runner and the app state). The GLFW runner (main.cpp) and the headless harness
// (headless.hpp) both drive it:
//   prepare_frame   drain the UI queue, reload view models when the cache moved, theme, fonts
//   <platform NewFrame; pointer>
//   run_frame       idle logic, ImGui::NewFrame, the screens, ImGui::Render, apply the action
//   <render; then sleep for seconds_until_next_frame unless input arrives>
#pragma once

#include <imgui.h>

#include <functional>
#include <optional>
#include <vector>

#include "clock.hpp"
#include "config.hpp"
#include "fonts.hpp"
#include "gongshi/time.hpp"
#include "idle.hpp"
#include "images.hpp"
#include "navigation.hpp"
#include "screens/disclosure_parts.hpp"
#include "screens/screens.hpp"
#include "sync_status.hpp"
#include "tap_registry.hpp"
#include "theme.hpp"
#include "touch.hpp"
#include "ui_queue.hpp"
#include "view_models.hpp"
#include "keyboard.hpp"
#include "member_screens.hpp"
#include "gongshi/inquiry.hpp"
#include "gongshi/outbox.hpp"
#include "staff.hpp"
#include "staff_mode.hpp"
#include "staff_edit.hpp"
#include "wish_screens.hpp"
#include "wish_tracking.hpp"

namespace gongshi::kiosk {

inline constexpr std::size_t kTextureBudgetBytes = 64u << 20;
// The 1.86 backend reports a release one frame after the press, and the pointer is hidden one
// frame after that: keep drawing a few frames after any input so neither is lost.
inline constexpr int kFramesAfterInput = 4;

struct App {
    // `wake` interrupts the loop's wait (glfwPostEmptyEvent); `upload` turns pictures into textures.
    App(KioskConfig config, Clock clock, FontSet fonts, TextureUploader upload, std::function<void()> wake = {});

    KioskConfig config;
    Clock clock;
    CacheReader data;
    ViewModels models;
    std::optional<TimeZone> time_zone;
    SyncStatus sync;
    std::vector<ScreenKind> stack{ScreenKind::home};  // never empty; home at the bottom
    DisclosureViews views;         // what the viewer chose on the disclosure screens; reset at home
    DisclosureModels disclosure;   // their view models, built for the screen on top
    RankFinder rank_finder;        // 找我的排名's numeric pad on the rankings screen; reset at home
    IdleState idle;
    Theme theme;
    GlyphSet glyphs;
    FontSet fonts;
    TapRegistry taps;  // what the last frame drew that can be tapped
    TouchScrolls scrolls;
    PointerFilter pointer_filter;
    UiQueue queue;
    ImageStore images;  // after the queue: its worker thread pushes into it
    int frames_to_draw = kFramesAfterInput;
    // The one pinyin engine (librime wants one thread): deployed from the first frame on, into a
    // kiosk-owned folder next to the cache; the keyboard says so until it is ready.
    ime::PinyinEngine pinyin{ime_data_dir(config.cache_path)};
    // The one handwriting recogniser, on its own thread from the first stroke; after the queue it delivers into.
    Handwriting handwriting{[this](ime::RecognitionResult r) { queue.push(std::move(r)); }};
    MemberScreens member_screens;  // pledges wall, profile, registration: UI state and models
    // What residents and staff wrote, until the server acknowledges it (outbox.db beside the
    // cache; the sync thread delivers it over its own connection). Empty if the file cannot be
    // opened: the write paths then say so instead of pretending to save.
    std::optional<Outbox> outbox;
    std::string outbox_error;  // why `outbox` is empty, for the about screen and staff
    // The outbox's kiosk code, which tracking codes start with. The sync engine learns it over its
    // own connection, so the app re-reads it at start and on each sync report, not on every frame.
    std::optional<std::string> kiosk_code;
    // Asks the sync thread for a one-off request; the answer comes back on the UI thread. Empty
    // without a sync engine (no server configured, headless tests): callers take the offline path.
    Inquire inquire;
    std::optional<StaffSession> staff;  // staff mode; memory only, so a restart ends it
    StaffMode staff_mode;  // login pad, throttle, sync health and device facts; see staff_mode.hpp
    // Asks the sync engine for a cycle now (立即同步, a retried dead letter). Empty without one.
    std::function<void()> sync_now;
    std::optional<int> exit_code;  // set by 重启程序 / 退出程序: the runner leaves its loop with it
    StaffEditing staff_edit;  // 公告管理 and 心愿审核: UI state and models; reset at home
    WishScreens wish_screens;  // 微心愿: the board's filters, the posting form, their models; reset at home
    WishTracking wish_tracking;  // 查询进度: the code typed and the lookup's result; reset at home
};

// Between frames. Returns true when the font atlas was rebuilt and must be re-uploaded.
bool prepare_frame(App& app, ImVec2 display_size);
// One frame. The caller has set io.DisplaySize, io.DeltaTime and the pointer.
void run_frame(App& app);
// 0 while something moves or input is recent; otherwise how long the loop may sleep.
double seconds_until_next_frame(const App& app);

void apply_action(App& app, const Action& action);
// What the status bar shows now (tests read it; the frame draws it).
StatusBarModel status_bar_model(const App& app);
// Back to a fresh home screen: the stack, scroll positions and any half-filled form go.
void reset_to_home(App& app);

}  // namespace gongshi::kiosk
