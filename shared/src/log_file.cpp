#include "gongshi/log_file.hpp"

#include <spdlog/logger.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <filesystem>
#include <system_error>

#include "gongshi/log.hpp"

namespace gongshi {

namespace {

spdlog::level::level_enum level_of(LogLevel level) {
    switch (level) {
        case LogLevel::info: return spdlog::level::info;
        case LogLevel::warning: return spdlog::level::warn;
        case LogLevel::error: return spdlog::level::err;
    }
    return spdlog::level::err;
}

}  // namespace

Result<std::unique_ptr<LogFile>> LogFile::open(const std::string& dir, const std::string& name, LogFileLimits limits) {
    using R = Result<std::unique_ptr<LogFile>>;
    if (limits.files == 0 || limits.file_bytes < kMaxLineBytes * 2)
        return R::failure("log limits too small: files must be >= 1 and file_bytes >= 8 KB");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return R::failure("cannot create log folder " + dir + ": " + ec.message());
    try {
        const std::string path = (std::filesystem::path(dir) / (name + ".log")).string();
        auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path, limits.file_bytes, limits.files - 1);
        auto logger = std::make_shared<spdlog::logger>(name, file);
        if (limits.echo_to_stderr) logger->sinks().push_back(std::make_shared<spdlog::sinks::stderr_sink_mt>());
        logger->set_pattern("%Y-%m-%d %H:%M:%S.%e %l %v");
        logger->flush_on(spdlog::level::info);  // lines are rare; a crash must not lose the last ones
        return std::make_unique<LogFile>(std::move(logger));
    } catch (const spdlog::spdlog_ex& e) {
        return R::failure("cannot open log file in " + dir + ": " + e.what());
    }
}

LogFile::LogFile(std::shared_ptr<spdlog::logger> logger) : logger_(std::move(logger)) {
    set_log_sink([logger = logger_](LogLevel level, std::string_view message) {
        logger->log(level_of(level), "{}", message.substr(0, kMaxLineBytes));
    });
}

LogFile::~LogFile() { set_log_sink(nullptr); }

}  // namespace gongshi
