#include "gongshi/log.hpp"

#include <cstdio>
#include <mutex>

namespace gongshi {

namespace {
std::mutex sink_mutex;
LogSink& sink() {
    static LogSink s;
    return s;
}
}  // namespace

void set_log_sink(LogSink new_sink) {
    std::lock_guard lock(sink_mutex);
    sink() = std::move(new_sink);
}

void log(LogLevel level, std::string_view message) {
    std::lock_guard lock(sink_mutex);
    if (sink()) return sink()(level, message);
    static constexpr const char* kNames[] = {"info", "warning", "error"};
    std::fprintf(stderr, "gongshi %s: %.*s\n", kNames[static_cast<int>(level)], static_cast<int>(message.size()),
                 message.data());
}

}  // namespace gongshi
