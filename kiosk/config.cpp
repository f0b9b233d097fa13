#include "config.hpp"

#include <CLI/CLI.hpp>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace gongshi::kiosk {

namespace {

// Typed reads from a TOML table that remember the first error, naming the file and the key.
class Reader {
public:
    Reader(const toml::table& table, std::string_view source, std::string prefix)
        : table_(table), source_(source), prefix_(std::move(prefix)) {}

    void string(const char* key, std::string& out) { read<std::string>(key, "a string", out); }
    void strings(const char* key, std::vector<std::string>& out) {
        const toml::node* node = table_.get(key);
        if (node == nullptr) return;
        const toml::array* items = node->as_array();
        std::vector<std::string> read_out;
        for (std::size_t i = 0; items != nullptr && i < items->size(); ++i)
            if (const auto v = items->get(i)->value_exact<std::string>()) read_out.push_back(*v);
        if (items == nullptr || read_out.size() != items->size()) return fail(key, "a list of strings");
        out = std::move(read_out);
    }
    void integer(const char* key, int& out) {
        std::int64_t v = out;
        if (read<std::int64_t>(key, "an integer", v)) out = static_cast<int>(v);
    }
    void seconds(const char* key, double& out) {
        const toml::node* node = table_.get(key);
        if (node == nullptr) return;
        const auto v = node->value<double>();  // integers convert too
        if (!v || *v <= 0) return fail(key, "a positive number of seconds");
        out = *v;
    }
    template <class E>
    void choice(const char* key, E& out, std::initializer_list<std::pair<const char*, E>> options) {
        std::string name;
        if (!read<std::string>(key, "a string", name)) return;
        for (const auto& [option, value] : options)
            if (name == option) {
                out = value;
                return;
            }
        std::string expected = "one of";
        for (const auto& option : options) expected += std::string(" \"") + option.first + "\"";
        fail(key, expected);
    }
    void reject_unknown(std::initializer_list<std::string_view> known) {
        for (const auto& [key, node] : table_)
            if (std::find(known.begin(), known.end(), key.str()) == known.end())
                error_ = error_.empty() ? std::string(source_) + ": unknown key \"" + prefix_ + std::string(key.str()) + "\"" : error_;
    }
    void fail(const char* key, std::string_view expected) {
        if (error_.empty()) error_ = std::string(source_) + ": \"" + prefix_ + key + "\" must be " + std::string(expected);
    }
    const std::string& error() const { return error_; }

private:
    template <class T>
    bool read(const char* key, std::string_view expected, T& out) {
        const toml::node* node = table_.get(key);
        if (node == nullptr) return false;
        const auto v = node->value_exact<T>();
        if (!v) {
            fail(key, expected);
            return false;
        }
        out = *v;
        return true;
    }

    const toml::table& table_;
    std::string_view source_;
    std::string prefix_;
    std::string error_;
};

std::string read_file(const std::string& path, bool& ok) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    ok = static_cast<bool>(in);
    return s.str();
}

Result<KioskConfig> apply_table(const toml::table& root, std::string_view source, KioskConfig c) {
    Reader top(root, source, "");
    top.reject_unknown({"server", "community", "token_file", "cache", "media_dir", "log_dir", "monitor", "orientation",
                        "text_size", "theme", "idle", "staff", "claim_url_pattern", "sensitive_words",
                        "wish_claim_url_pattern", "wish_status_url_pattern", "wish_categories",
                        "member_points_url_pattern"});
    top.string("claim_url_pattern", c.claim_url_pattern);
    top.string("member_points_url_pattern", c.member_points_url_pattern);
    top.string("server", c.server_url);
    top.string("community", c.community_id);
    top.string("token_file", c.token_file);
    top.string("cache", c.cache_path);
    top.string("media_dir", c.media_dir);
    top.string("log_dir", c.log_dir);
    top.integer("monitor", c.monitor);
    top.choice("orientation", c.orientation,
               {{"auto", Orientation::automatic}, {"landscape", Orientation::landscape}, {"portrait", Orientation::portrait}});
    top.choice("text_size", c.text_size, {{"normal", TextSize::normal}, {"large", TextSize::large}});
    top.choice("theme", c.theme, {{"standard", ThemeMode::standard}, {"high_contrast", ThemeMode::high_contrast}});
    top.strings("sensitive_words", c.sensitive_words);
    top.string("wish_claim_url_pattern", c.wish_claim_url_pattern);
    top.string("wish_status_url_pattern", c.wish_status_url_pattern);
    top.strings("wish_categories", c.wish_categories);
    if (!top.error().empty()) return Result<KioskConfig>::failure(top.error());

    if (const toml::node* idle_node = root.get("idle")) {
        const toml::table* idle = idle_node->as_table();
        if (idle == nullptr) return Result<KioskConfig>::failure(std::string(source) + ": \"idle\" must be a table");
        Reader r(*idle, source, "idle.");
        r.reject_unknown({"warn_after", "countdown", "attract_after", "attract_step", "quiet_hours"});
        r.seconds("warn_after", c.idle.warn_after_s);
        r.seconds("countdown", c.idle.countdown_s);
        r.seconds("attract_after", c.idle.attract_after_s);
        r.seconds("attract_step", c.idle.attract_step_s);
        std::string quiet;
        r.string("quiet_hours", quiet);
        if (!r.error().empty()) return Result<KioskConfig>::failure(r.error());
        if (!quiet.empty()) {
            auto q = parse_quiet_hours(quiet);
            if (!q) return Result<KioskConfig>::failure(std::string(source) + ": " + q.error());
            c.idle.quiet = q.value();
        }
    }
    if (const toml::node* staff_node = root.get("staff")) {
        const toml::table* staff = staff_node->as_table();
        if (staff == nullptr) return Result<KioskConfig>::failure(std::string(source) + ": \"staff\" must be a table");
        Reader r(*staff, source, "staff.");
        r.reject_unknown({"long_press", "idle_logout", "first_delay", "lock_after", "lock"});
        r.seconds("long_press", c.staff.long_press_s);
        r.seconds("idle_logout", c.staff.idle_logout_s);
        r.seconds("first_delay", c.staff.throttle.first_delay_s);
        r.integer("lock_after", c.staff.throttle.lock_after);
        r.seconds("lock", c.staff.throttle.lock_s);
        if (c.staff.throttle.lock_after < 1) r.fail("lock_after", "at least 1");
        if (!r.error().empty()) return Result<KioskConfig>::failure(r.error());
    }
    return c;
}

}  // namespace

namespace {
std::string beside_cache(const std::string& cache_path, const char* name) {
    const std::filesystem::path dir = std::filesystem::path(cache_path).parent_path();
    return (dir.empty() ? std::filesystem::path(name) : dir / name).string();
}
}  // namespace

std::string KioskConfig::effective_media_dir() const {
    return media_dir.empty() ? beside_cache(cache_path, "media") : media_dir;
}

std::string KioskConfig::effective_log_dir() const {
    return log_dir.empty() ? beside_cache(cache_path, "logs") : log_dir;
}

std::string KioskConfig::outbox_path() const { return beside_cache(cache_path, "outbox.db"); }

Result<KioskConfig> parse_config(std::string_view text, std::string_view source, KioskConfig base) {
    try {
        return apply_table(toml::parse(text, source), source, std::move(base));
    } catch (const toml::parse_error& e) {
        std::ostringstream msg;
        msg << source << ":" << e.source().begin.line << ": " << e.description();
        return Result<KioskConfig>::failure(msg.str());
    }
}

Result<KioskConfig> load_config_file(const std::string& path) {
    bool ok = false;
    const std::string text = read_file(path, ok);
    if (!ok) return Result<KioskConfig>::failure("cannot read config file " + path);
    return parse_config(text, path);
}

Result<WindowSize> parse_window_size(std::string_view text) {
    WindowSize s;
    char x = 0;
    std::istringstream in{std::string(text)};
    if (!(in >> s.width >> x >> s.height) || x != 'x' || !in.eof() || s.width < 320 || s.height < 320 ||
        s.width > 16384 || s.height > 16384)
        return Result<WindowSize>::failure("window size must look like 1920x1080, got \"" + std::string(text) + "\"");
    return s;
}

CommandLine parse_command_line(const std::vector<std::string>& args) {
    CLI::App app{"Gongshi (公示): the public-disclosure touch kiosk of a residential community.", "gongshi-kiosk"};
    app.set_version_flag("--version", GONGSHI_VERSION);
    std::string config_path, cache, server, community, token_file, windowed, theme, text_size;
    LaunchOptions out;
    app.add_option("--config", config_path, "TOML settings file (see kiosk/README.md)");
    app.add_option("--cache", cache, "the local cache file (default gongshi-cache.db)");
    app.add_option("--server", server, "central server URL");
    app.add_option("--community", community, "community id");
    app.add_option("--token-file", token_file, "file holding this kiosk's bearer token");
    app.add_option("--windowed", windowed, "a window of WIDTHxHEIGHT instead of kiosk mode");
    app.add_option("--theme", theme, "standard | high_contrast");
    app.add_option("--text-size", text_size, "normal | large");
    app.add_option("--script", out.script_path, "replay a script of taps and screenshots, then exit");
    app.add_option("--screenshot-dir", out.screenshot_dir, "where the script's screenshots go");
    bool check_config = false;
    app.add_flag("--check-config", check_config, "read the settings, say whether they are valid, and exit");
    app.add_flag("--exit-after-first-frame", out.exit_after_first_frame,
                 "print the monotonic time (ns) the first frame was shown, then exit (benchmarks)");

    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 consumes from the back
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        std::ostringstream msg, err;
        const int code = app.exit(e, msg, err);
        return CommandLine{std::nullopt, code, msg.str() + err.str()};
    }
    auto usage_error = [](const std::string& message) { return CommandLine{std::nullopt, 2, message + "\n"}; };

    if (!config_path.empty()) {
        auto loaded = load_config_file(config_path);
        if (!loaded) return usage_error(loaded.error());
        out.config = std::move(loaded.value());
    }
    // Flags override the file: they go through the same validation as its keys.
    toml::table overrides;
    auto add = [&overrides](const char* key, const std::string& value) {
        if (!value.empty()) overrides.insert(key, value);
    };
    add("cache", cache);
    add("server", server);
    add("community", community);
    add("token_file", token_file);
    add("theme", theme);
    add("text_size", text_size);
    auto merged = apply_table(overrides, "command line", out.config);
    if (!merged) return usage_error(merged.error());
    out.config = std::move(merged.value());
    if (!windowed.empty()) {
        auto size = parse_window_size(windowed);
        if (!size) return usage_error(size.error());
        out.windowed = size.value();
    }
    if (!out.screenshot_dir.empty() && out.script_path.empty()) return usage_error("--screenshot-dir needs --script");
    if (check_config)
        return CommandLine{std::nullopt, 0, "settings OK" + (config_path.empty() ? "" : ": " + config_path) + "\n"};
    return CommandLine{std::move(out), 0, ""};
}

}  // namespace gongshi::kiosk
