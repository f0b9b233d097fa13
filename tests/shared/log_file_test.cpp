#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "gongshi/log.hpp"
#include "gongshi/log_file.hpp"

using namespace gongshi;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const char* name) {
    const fs::path dir = fs::temp_directory_path() / ("gongshi-log-test-" + std::to_string(::getpid())) / name;
    fs::remove_all(dir);
    return dir;
}

std::uintmax_t total_bytes(const fs::path& dir, int& files) {
    std::uintmax_t total = 0;
    files = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        total += entry.file_size();
        ++files;
    }
    return total;
}

std::string read_all(const fs::path& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string numbered_line(int i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "line %06d ", i);
    return buf + std::string(80, 'x');
}

}  // namespace

// Fifty times the cap goes through; the folder stays within it and keeps the newest lines.
TEST(LogFile, WritingFarMoreThanTheCapStaysWithinItAndKeepsTheNewestLines) {
    const fs::path dir = fresh_dir("cap");
    const LogFileLimits limits{16 * 1024, 3, false};
    const std::uintmax_t cap = limits.file_bytes * limits.files;
    const int lines = 50 * static_cast<int>(cap) / 100;
    {
        auto file = LogFile::open(dir.string(), "kiosk", limits);
        ASSERT_TRUE(file) << file.error();
        for (int i = 0; i < lines; ++i) log(LogLevel::warning, numbered_line(i));
    }
    int files = 0;
    const std::uintmax_t total = total_bytes(dir, files);
    EXPECT_LE(total, cap);
    EXPECT_GT(total, cap / 2);  // it rotated rather than stopped writing
    EXPECT_EQ(files, 3);
    const std::string newest = read_all(dir / "kiosk.log");
    EXPECT_NE(newest.find(numbered_line(lines - 1)), std::string::npos);
    EXPECT_NE(newest.find(" warning "), std::string::npos);
    EXPECT_NE(read_all(dir / "kiosk.1.log").find(" line "), std::string::npos);
    for (const auto& entry : fs::directory_iterator(dir))
        EXPECT_EQ(read_all(entry.path()).find(numbered_line(0)), std::string::npos) << entry.path();
}

// A runaway message cannot push one file past its size.
TEST(LogFile, AHugeMessageIsCutToOneLine) {
    const fs::path dir = fresh_dir("huge");
    const LogFileLimits limits{16 * 1024, 2, false};
    {
        auto file = LogFile::open(dir.string(), "server", limits);
        ASSERT_TRUE(file) << file.error();
        for (int i = 0; i < 5; ++i) log(LogLevel::error, std::string(1024 * 1024, 'y'));
    }
    int files = 0;
    EXPECT_LE(total_bytes(dir, files), limits.file_bytes * limits.files);
    std::ifstream in(dir / "server.log");
    int lines = 0;
    for (std::string line; std::getline(in, line); ++lines) EXPECT_LE(line.size(), LogFile::kMaxLineBytes + 100);
    EXPECT_GE(lines, 1);
}

TEST(LogFile, AFolderThatCannotBeCreatedIsAnError) {
    const fs::path dir = fresh_dir("blocked");
    fs::create_directories(dir.parent_path());
    std::ofstream(dir) << "a file where the folder should be";
    const auto file = LogFile::open((dir / "logs").string(), "kiosk");
    EXPECT_FALSE(file);
}
