// Staff mode itself: the login (online first through App::inquire, else the offline argon2id
// check, with the per-account throttle kept in outbox.db), the session's end (2 minutes without
// a touch, the idle reset, 退出登录), and the maintenance screens' models and commands: sync
// health with dead-letter retry and discard, device facts, sync now, restart and quit.
//
// Screens change their own UI state and leave at most one StaffModeCommand in it; the app runs
// it between frames (run_staff_mode_command). Every staff action is recorded (staff_actions.hpp).
#pragma once

#include <cstdint>
#include <deque>
#include <future>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "exit_status.hpp"  // kExitRestart for 重启程序; 退出程序 exits 0
#include "gongshi/outbox.hpp"
#include "gongshi/staff_auth.hpp"
#include "keyboard.hpp"
#include "sync_status.hpp"
#include "ui_strings.hpp"

namespace gongshi::kiosk {

struct App;

// ---- login ----

enum class LoginField { staff_id, pin };

struct StaffLoginUi {
    KeyboardState staff_id = numeric_field(12);
    KeyboardState pin = numeric_field(kMaxPinDigits);
    LoginField typing = LoginField::staff_id;
    std::optional<Str> message;          // the outcome of the last attempt
    std::optional<ThrottleBlock> block;  // and the wait it started (请 N 秒后再试 / 已锁定)

    static KeyboardState numeric_field(std::size_t max_chars) {
        KeyboardState kb;
        kb.layout = KeyboardLayout::numeric;
        kb.pinyin = false;
        kb.field.max_chars = max_chars;
        return kb;
    }
};

// ---- sync health and device facts ----

struct SyncErrorEntry {
    std::int64_t at_unix = 0;
    std::string error;
};

struct OutboxRow {  // never the body: it holds what a resident typed
    std::int64_t id = 0;
    std::string kind;
    std::string created;  // 3月5日 10:00
    int attempts = 0;
    std::string last;     // "HTTP 422 · reason" or the network error
};

struct SyncHealthModel {
    std::string connection;   // 在线 / 离线 / 未配置服务器
    std::string last_success; // 3月5日 10:00 or 从未同步
    bool paused = false;      // the server refuses the token: nothing is being delivered
    std::vector<std::string> errors;  // "3月5日 10:00 why", newest first
    std::vector<OutboxRow> pending, dead;
    std::string outbox_error;  // the outbox file cannot be opened
    bool can_sync_now = false;
};

struct DeviceFact {
    Str label;
    std::string value;
};
using DeviceFactsModel = std::vector<DeviceFact>;

// ---- commands (run between frames) ----

namespace staff_cmd {
struct SubmitLogin {};
struct Logout {};
struct SyncNow {};
struct RetryDead { std::int64_t id = 0; };
struct DiscardDead { std::int64_t id = 0; };
struct Restart {};
struct Quit {};
}  // namespace staff_cmd
using StaffModeCommand = std::variant<staff_cmd::SubmitLogin, staff_cmd::Logout, staff_cmd::SyncNow,
                                      staff_cmd::RetryDead, staff_cmd::DiscardDead, staff_cmd::Restart,
                                      staff_cmd::Quit>;

// A step that asks first: discard a dead letter, restart, quit.
struct PendingConfirm {
    StaffModeCommand command;
    std::string question;
};

struct StaffModeUi {
    StaffLoginUi login;
    std::optional<PendingConfirm> confirm;
    std::optional<StaffModeCommand> command;
    std::optional<Str> notice;  // the outcome of the last command, on the screen that ran it
};

struct StaffMode {
    StaffModeUi ui;
    std::optional<LoginThrottle> throttle;  // on App::outbox's file; empty without an outbox
    std::deque<SyncErrorEntry> sync_errors;  // the last few distinct errors the engine reported
    // One login attempt at a time. A newer attempt number (the pad was wiped, the kiosk went
    // home) makes a late answer change nothing on screen; its outcome still counts in the throttle.
    bool checking = false;
    std::uint64_t attempt = 0;
    std::future<std::optional<StaffAccount>> offline_check;  // argon2id off the UI thread
    std::string checking_id;  // the staff id of the attempt in flight
    std::uint64_t checking_attempt = 0;  // and its number
    SyncHealthModel sync_health;  // built between frames while its screen is on top
    DeviceFactsModel device;
    double built_at_s = -1;
    double started_s = 0;  // App::clock seconds when the kiosk started, for uptime
};

// Opens the throttle on the outbox's file (App constructor).
void open_staff_mode(App& app);
// Between frames: a finished offline check, the idle logout, the pending command.
void update_staff_mode(App& app);
// Ends the session (recording why) and wipes the login pad. No-op without a session.
void end_staff_session(App& app, std::string_view reason);
// The engine's latest status: keeps the distinct errors for sync health.
void note_sync_status(StaffMode& mode, const SyncStatus& status, std::int64_t now_unix);
// True while something is in flight that the loop must poll for (an offline check).
bool staff_mode_busy(const App& app);
// How long the loop may sleep before the session's idle end is due (infinity without a session).
double seconds_until_staff_logout(const App& app);

SyncHealthModel build_sync_health(const App& app);
DeviceFactsModel build_device_facts(const App& app);

}  // namespace gongshi::kiosk
