// Settings: a TOML file (--config) overridden by command-line flags. Defaults run the README
// demo with no config at all. Parsing is here, away from main(), so tests can cover it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongshi/result.hpp"
#include "gongshi/staff_auth.hpp"
#include "idle.hpp"
#include "theme.hpp"

namespace gongshi::kiosk {

enum class Orientation { automatic, landscape, portrait };

// [staff]: the gesture into staff mode, the session's idle end, the PIN throttle.
struct StaffConfig {
    double long_press_s = 2;     // on the community name in the status bar
    double idle_logout_s = 120;  // without a touch, staff mode ends
    ThrottlePolicy throttle;
};

struct KioskConfig {
    std::string server_url;  // used by the sync engine once it exists
    std::string community_id;
    std::string token_file;
    std::string cache_path = "gongshi-cache.db";
    std::string media_dir;  // empty: "media" next to the cache file
    std::string log_dir;    // empty: "logs" next to the cache file
    int monitor = 0;        // which monitor kiosk mode fills
    Orientation orientation = Orientation::automatic;
    TextSize text_size = TextSize::normal;
    ThemeMode theme = ThemeMode::standard;
    IdleConfig idle;
    StaffConfig staff;
    // The QR code on a post with free places: where a member's phone claims it on the central
    // site. "{post_id}" is replaced by the post's id.
    std::string claim_url_pattern = "https://gongshi.example.cn/posts/{post_id}/claim";
    // 积分查询: the QR code that opens the member's points page on the central site;
    // "{member_no}" is replaced by the member number.
    std::string member_points_url_pattern = "https://gongshi.example.cn/members/{member_no}/points";
    // 微心愿: the QR code on an open wish (a member claims it on the central site; "{wish_id}" is
    // replaced), the QR code shown with a new tracking code ("{code}"), and the categories offered
    // when the community record names none (empty: the built-in list of ui_strings).
    std::string wish_claim_url_pattern = "https://gongshi.example.cn/wishes/{wish_id}/claim";
    std::string wish_status_url_pattern = "https://gongshi.example.cn/track/{code}";
    std::vector<std::string> wish_categories;
    // Words that mark a wish for the reviewer (心愿审核); they never drop it.
    std::vector<std::string> sensitive_words{"赌博", "色情", "毒品", "枪支", "诈骗", "传销", "邪教", "代开发票"};

    std::string effective_media_dir() const;
    std::string effective_log_dir() const;
    // The outbox lives beside the cache: same disk, same backups, different worth.
    std::string outbox_path() const;
};

// Reads the keys of a config file over `base`. Unknown keys are errors (a typo must not pass silently).
Result<KioskConfig> parse_config(std::string_view toml_text, std::string_view source_name, KioskConfig base = {});
Result<KioskConfig> load_config_file(const std::string& path);

struct WindowSize {
    int width = 0;
    int height = 0;
};
Result<WindowSize> parse_window_size(std::string_view text);  // "1920x1080"

struct LaunchOptions {
    KioskConfig config;
    std::optional<WindowSize> windowed;  // empty: kiosk mode (full screen)
    std::string script_path;
    std::string screenshot_dir;
    bool exit_after_first_frame = false;  // benchmarks: print when the first frame was shown, then exit
};

// Either options to run with, or an exit: --help, --version, --check-config or a usage error (text to
// print and the status).
struct CommandLine {
    std::optional<LaunchOptions> options;
    int exit_code = 0;
    std::string message;
};
CommandLine parse_command_line(const std::vector<std::string>& args);  // args without the program name

}  // namespace gongshi::kiosk
