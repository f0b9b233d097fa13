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
    MemberScreens member_screens;  // pledges wall, profile, registration: UI state and models
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
