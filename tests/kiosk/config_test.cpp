#include <gtest/gtest.h>

#include <fstream>

#include "config.hpp"

namespace gongshi::kiosk {
namespace {

TEST(KioskConfig, ReadsEveryKey) {
    auto c = parse_config(R"(
server = "https://gongshi.example.cn"
community = "c-001"
token_file = "/etc/gongshi/token"
cache = "/var/lib/gongshi/cache.db"
monitor = 1
orientation = "portrait"
text_size = "large"
theme = "high_contrast"
[idle]
warn_after = 45
countdown = 12.5
attract_after = 600
attract_step = 9
quiet_hours = "22:00-06:30"
)", "kiosk.toml");
    ASSERT_TRUE(c.ok()) << c.error();
    EXPECT_EQ(c->server_url, "https://gongshi.example.cn");
    EXPECT_EQ(c->community_id, "c-001");
    EXPECT_EQ(c->token_file, "/etc/gongshi/token");
    EXPECT_EQ(c->cache_path, "/var/lib/gongshi/cache.db");
    EXPECT_EQ(c->effective_media_dir(), "/var/lib/gongshi/media");
    EXPECT_EQ(c->monitor, 1);
    EXPECT_EQ(c->orientation, Orientation::portrait);
    EXPECT_EQ(c->text_size, TextSize::large);
    EXPECT_EQ(c->theme, ThemeMode::high_contrast);
    EXPECT_EQ(c->idle.warn_after_s, 45);
    EXPECT_EQ(c->idle.countdown_s, 12.5);
    EXPECT_EQ(c->idle.attract_after_s, 600);
    EXPECT_EQ(c->idle.attract_step_s, 9);
    ASSERT_TRUE(c->idle.quiet);
    EXPECT_EQ(format_quiet_hours(*c->idle.quiet), "22:00-06:30");
}

TEST(KioskConfig, EmptyFileKeepsDefaults) {
    auto c = parse_config("", "empty.toml");
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c->cache_path, "gongshi-cache.db");
    EXPECT_EQ(c->effective_media_dir(), "media");
    EXPECT_FALSE(c->idle.quiet);
}

TEST(KioskConfig, ErrorsNameTheFileAndKey) {
    auto typo = parse_config("sever = \"x\"\n", "k.toml");
    ASSERT_FALSE(typo.ok());
    EXPECT_EQ(typo.error(), "k.toml: unknown key \"sever\"");
    auto type = parse_config("[idle]\nwarn_after = \"soon\"\n", "k.toml");
    ASSERT_FALSE(type.ok());
    EXPECT_EQ(type.error(), "k.toml: \"idle.warn_after\" must be a positive number of seconds");
    auto choice = parse_config("theme = \"dark\"\n", "k.toml");
    ASSERT_FALSE(choice.ok());
    EXPECT_NE(choice.error().find("\"theme\" must be one of \"standard\" \"high_contrast\""), std::string::npos);
    auto syntax = parse_config("server = \n", "k.toml");
    ASSERT_FALSE(syntax.ok());
    EXPECT_EQ(syntax.error().rfind("k.toml:1:", 0), 0u) << syntax.error();
    EXPECT_FALSE(parse_config("[idle]\nquiet_hours = \"25:00-06:00\"\n", "k.toml").ok());
}

TEST(KioskConfig, QuietHoursMayWrapMidnight) {
    const QuietHours night = parse_quiet_hours("22:00-06:30").value();
    EXPECT_TRUE(night.contains(23 * 60));
    EXPECT_TRUE(night.contains(3 * 60));
    EXPECT_FALSE(night.contains(6 * 60 + 30));
    EXPECT_FALSE(night.contains(12 * 60));
    const QuietHours lunch = parse_quiet_hours("12:00-13:30").value();
    EXPECT_TRUE(lunch.contains(12 * 60 + 59));
    EXPECT_FALSE(lunch.contains(11 * 60));
    EXPECT_FALSE(parse_quiet_hours("12:00-12:00").ok());
    EXPECT_FALSE(parse_quiet_hours("noon").ok());
}

TEST(KioskCommandLine, DefaultsNeedNoConfig) {
    const CommandLine cl = parse_command_line({});
    ASSERT_TRUE(cl.options);
    EXPECT_FALSE(cl.options->windowed);
    EXPECT_EQ(cl.options->config.cache_path, "gongshi-cache.db");
}

TEST(KioskCommandLine, FlagsOverrideTheConfigFile) {
    const std::string path = ::testing::TempDir() + "kiosk-cli.toml";
    {
        std::ofstream(path) << "cache = \"from-file.db\"\nserver = \"https://file\"\ncommunity = \"c1\"\n";
    }
    const CommandLine cl = parse_command_line({"--config", path, "--cache", "flag.db", "--windowed", "1080x1920",
                                               "--script", "s.txt", "--screenshot-dir", "shots", "--theme",
                                               "high_contrast"});
    ASSERT_TRUE(cl.options) << cl.message;
    EXPECT_EQ(cl.options->config.cache_path, "flag.db");
    EXPECT_EQ(cl.options->config.server_url, "https://file");
    EXPECT_EQ(cl.options->config.theme, ThemeMode::high_contrast);
    ASSERT_TRUE(cl.options->windowed);
    EXPECT_EQ(cl.options->windowed->width, 1080);
    EXPECT_EQ(cl.options->windowed->height, 1920);
    EXPECT_EQ(cl.options->script_path, "s.txt");
    EXPECT_EQ(cl.options->screenshot_dir, "shots");
}

TEST(KioskCommandLine, HelpVersionAndMistakes) {
    const CommandLine help = parse_command_line({"--help"});
    EXPECT_FALSE(help.options);
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.message.find("--windowed"), std::string::npos);
    const CommandLine version = parse_command_line({"--version"});
    EXPECT_EQ(version.exit_code, 0);
    EXPECT_NE(version.message.find(GONGSHI_VERSION), std::string::npos);
    EXPECT_NE(parse_command_line({"--windowed", "big"}).exit_code, 0);
    EXPECT_NE(parse_command_line({"--bogus"}).exit_code, 0);
    EXPECT_NE(parse_command_line({"--config", "/nonexistent.toml"}).exit_code, 0);
    EXPECT_NE(parse_command_line({"--text-size", "huge"}).exit_code, 0);
}

// The log folder follows the cache unless set (docs/OPERATIONS.md: /var/log/gongshi).
TEST(KioskConfig, LogDirDefaultsBesideTheCache) {
    auto beside = parse_config("cache = \"/var/lib/gongshi/cache.db\"\n", "k.toml");
    ASSERT_TRUE(beside.ok()) << beside.error();
    EXPECT_EQ(beside->effective_log_dir(), "/var/lib/gongshi/logs");
    auto set = parse_config("cache = \"/var/lib/gongshi/cache.db\"\nlog_dir = \"/var/log/gongshi\"\n", "k.toml");
    ASSERT_TRUE(set.ok()) << set.error();
    EXPECT_EQ(set->effective_log_dir(), "/var/log/gongshi");
    EXPECT_FALSE(parse_config("log_dir = 3\n", "k.toml").ok());
}

// --check-config exits 0 for a good file and 2, naming the problem, for a bad one.
TEST(KioskCommandLine, CheckConfigSaysWhetherTheFileIsValid) {
    const std::string good = ::testing::TempDir() + "kiosk-check-good.toml";
    const std::string bad = ::testing::TempDir() + "kiosk-check-bad.toml";
    std::ofstream(good) << "cache = \"/var/lib/gongshi/cache.db\"\n";
    std::ofstream(bad) << "cahce = \"/var/lib/gongshi/cache.db\"\n";
    const CommandLine ok = parse_command_line({"--config", good, "--check-config"});
    EXPECT_FALSE(ok.options);
    EXPECT_EQ(ok.exit_code, 0);
    EXPECT_NE(ok.message.find("settings OK"), std::string::npos);
    const CommandLine wrong = parse_command_line({"--config", bad, "--check-config"});
    EXPECT_FALSE(wrong.options);
    EXPECT_EQ(wrong.exit_code, 2);
    EXPECT_NE(wrong.message.find("cahce"), std::string::npos);
    const CommandLine run = parse_command_line({"--config", good, "--exit-after-first-frame"});
    ASSERT_TRUE(run.options) << run.message;
    EXPECT_TRUE(run.options->exit_after_first_frame);
}

TEST(KioskCommandLine, WindowSize) {
    EXPECT_TRUE(parse_window_size("1920x1080").ok());
    EXPECT_FALSE(parse_window_size("1920").ok());
    EXPECT_FALSE(parse_window_size("1920x1080x3").ok());
    EXPECT_FALSE(parse_window_size("10x10").ok());
}

}  // namespace
}  // namespace gongshi::kiosk
