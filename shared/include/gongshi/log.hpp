// Minimal logging hook for the libraries: they report, the program decides where lines go
// (the kiosk routes them to a bounded rotating log). Never log what a resident typed.
#pragma once

#include <functional>
#include <string_view>

namespace gongshi {

enum class LogLevel { info, warning, error };
using LogSink = std::function<void(LogLevel, std::string_view)>;

void set_log_sink(LogSink sink);  // default: stderr
void log(LogLevel level, std::string_view message);

}  // namespace gongshi
