// Settings: a TOML file (--config) overridden by command-line flags. Defaults run the README
// demo with no config at all. Parsing is here, away from main(), so tests can cover it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongshi/result.hpp"
#include "idle.hpp"
#include "theme.hpp"

namespace gongshi::kiosk {

enum class Orientation { automatic, landscape, portrait };

struct KioskConfig {
    std::string server_url;  // used by the sync engine once it exists
    std::string community_id;
    std::string token_file;
    std::string cache_path = "gongshi-cache.db";
    std::string media_dir;  // empty: "media" next to the cache file
    int monitor = 0;        // which monitor kiosk mode fills
    Orientation orientation = Orientation::automatic;
    TextSize text_size = TextSize::normal;
    ThemeMode theme = ThemeMode::standard;
    IdleConfig idle;
    // The QR code on a post with free places: where a member's phone claims it on the central
    // site. "{post_id}" is replaced by the post's id.
    std::string claim_url_pattern = "https://gongshi.example.cn/posts/{post_id}/claim";

    std::string effective_media_dir() const;
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
};

// Either options to run with, or an exit: --help, --version or a usage error (text to print and the status).
struct CommandLine {
    std::optional<LaunchOptions> options;
    int exit_code = 0;
    std::string message;
};
CommandLine parse_command_line(const std::vector<std::string>& args);  // args without the program name

}  // namespace gongshi::kiosk
