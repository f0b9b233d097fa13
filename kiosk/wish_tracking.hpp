// 查询进度: a resident types the tracking code from their slip and sees the wish's public
// progress — from the server when it answers within a few seconds (App::inquire), otherwise from
// the cache with its "as of" time; a code still waiting in this kiosk's outbox is 待上传. Status
// and dates only: never the text, name, phone or a rejection reason.
//
// The screen edits TrackingUi (the code typed, 查询 pressed); refresh_wish_tracking, between
// frames, starts the lookup and gives up waiting for the server. Wiped by reset_to_home.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gongshi/inquiry.hpp"
#include "gongshi/track_status.hpp"
#include "keyboard.hpp"
#include "navigation.hpp"
#include "ui_strings.hpp"
#include "widgets.hpp"

namespace gongshi::kiosk {

struct App;

// How long the resident waits for the server before the cache answers.
inline constexpr double kTrackingWait_s = 5.0;
// Longest code with its dash: a 4-character kiosk code, '-', 5 characters.
inline constexpr std::size_t kTrackingCodeChars = 10;

struct TrackingUi {
    KeyboardState code = code_keyboard();
    bool lookup_requested = false;  // 查询 pressed; refresh_wish_tracking starts it

    // Letters and digits straight into the field (no pinyin), shown upper-cased.
    static KeyboardState code_keyboard() {
        KeyboardState kb;
        kb.pinyin = false;
        kb.field.max_chars = kTrackingCodeChars;
        return kb;
    }
};

enum class TrackingPhase { entering, waiting, shown };
enum class TrackingSource { server, cache, outbox };

struct TrackingModel {
    TrackingPhase phase = TrackingPhase::entering;
    std::string code;             // the normalized code being (or last) looked up
    std::optional<Str> message;   // invalid code, unknown code
    // The result (phase shown, no message): the status line and what it means.
    TrackingSource source = TrackingSource::server;
    Str status = Str::track_pending_upload;
    Str explanation = Str::track_explain_pending_upload;
    std::string category;
    std::vector<std::string> dates;  // "2025-03-01 提交", then claimed, fulfilled
    std::string as_of;               // cache only: "更新于 …"
};

struct WishTracking {
    TrackingUi ui;
    TrackingModel model;
    std::uint64_t lookup = 0;  // the lookup whose answer is awaited; never reset, so late answers are recognised
    double waiting_since_s = 0;
};

// Between frames: starts a requested lookup (outbox, then server, else cache) and falls back to
// the cache when the server has not answered within kTrackingWait_s.
void refresh_wish_tracking(App& app);
// Forgets the code, the result and any answer still on its way (reset_to_home).
void reset_wish_tracking(WishTracking& tracking);

std::optional<Action> draw_wish_tracking(const TrackingModel& model, TrackingUi& state, Typing& typing, Ui& ui);

}  // namespace gongshi::kiosk
