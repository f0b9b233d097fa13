// gongshi-kiosk: parse the command line, then hand over to the GLFW runner.
#include <iostream>
#include <string>
#include <vector>

#include "config.hpp"
#include "glfw_runner.hpp"
#include "gongshi/log_file.hpp"
#include "gongshi/sync/http_client.hpp"

int main(int argc, char** argv) {
    const gongshi::kiosk::CommandLine command_line =
        gongshi::kiosk::parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
    if (!command_line.options) {
        (command_line.exit_code == 0 ? std::cout : std::cerr) << command_line.message;
        return command_line.exit_code;
    }
    // Bounded and rotated (2 MB x 5 files): a week offline cannot fill the disk. A kiosk that
    // cannot write its log still runs, logging to stderr.
    const auto log_file = gongshi::LogFile::open(command_line.options->config.effective_log_dir(), "kiosk");
    if (!log_file) std::cerr << log_file.error() << " (logging to stderr only)\n";
    const gongshi::sync::CurlGlobal curl;  // before any thread starts
    return gongshi::kiosk::run_kiosk(*command_line.options);
}
