// The bounded log file a program installs as the log sink (gongshi/log.hpp): rotated by size, so
// a week offline cannot fill the disk. At most `files` files of `file_bytes` each (a line longer
// than kMaxLineBytes is cut), newest in <dir>/<name>.log, older ones <name>.1.log … <name>.N.log.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "gongshi/result.hpp"

namespace spdlog {
class logger;
}

namespace gongshi {

struct LogFileLimits {
    std::size_t file_bytes = 2 * 1024 * 1024;
    std::size_t files = 5;  // the current file and the rotated ones
    bool echo_to_stderr = true;
};

// Routes `gongshi::log` to the file (and, unless told not to, to stderr, which systemd's journal
// bounds on its own) while it lives; the destructor puts the stderr default back.
class LogFile {
public:
    static constexpr std::size_t kMaxLineBytes = 4096;

    // Creates `dir` if needed.
    static Result<std::unique_ptr<LogFile>> open(const std::string& dir, const std::string& name,
                                                 LogFileLimits limits = {});
    explicit LogFile(std::shared_ptr<spdlog::logger> logger);
    ~LogFile();
    LogFile(const LogFile&) = delete;
    LogFile& operator=(const LogFile&) = delete;

private:
    std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace gongshi
