// The real kiosk under Xvfb speaks systemd's notify protocol the way gongshi-kiosk.service needs
// (Type=notify, WatchdogSec=): READY=1 once its first frame is up, then WATCHDOG=1 often enough
// even while it sleeps on events, untouched on the home screen. This test plays systemd: it owns
// the NOTIFY_SOCKET and sets WATCHDOG_USEC.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

class NotifySocket {
public:
    explicit NotifySocket(const fs::path& path) : path_(path) {
        fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        path.string().copy(addr.sun_path, sizeof addr.sun_path - 1);
        bound_ = bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
        timeval tv{0, 200'000};
        setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }
    ~NotifySocket() {
        close(fd_);
        fs::remove(path_);
    }
    bool bound() const { return bound_; }
    // The next message, or "" after 0.2 s of silence.
    std::string receive() const {
        char buf[256];
        const ssize_t n = recv(fd_, buf, sizeof buf, 0);
        return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
    }

private:
    fs::path path_;
    int fd_ = -1;
    bool bound_ = false;
};

// xvfb-run and everything under it, in its own process group so the whole group can be stopped.
class Spawned {
public:
    explicit Spawned(const std::vector<std::string>& command) {
        std::vector<char*> argv;
        for (const auto& a : command) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        posix_spawnattr_t attr;
        posix_spawnattr_init(&attr);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
        posix_spawnattr_setpgroup(&attr, 0);
        if (posix_spawnp(&pid_, argv[0], nullptr, &attr, argv.data(), environ) != 0) pid_ = 0;
        posix_spawnattr_destroy(&attr);
    }
    ~Spawned() {
        if (pid_ <= 0) return;
        kill(-pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
    }
    bool started() const { return pid_ > 0; }

private:
    pid_t pid_ = 0;
};

TEST(KioskServiceNotify, ReadyAfterTheFirstFrameThenTheWatchdogWhileIdle) {
    const fs::path dir = fs::temp_directory_path() / ("gongshi-notify-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const NotifySocket notify(dir / "notify");
    ASSERT_TRUE(notify.bound());
    // A 0.6 s watchdog: the kiosk must wake every 0.2 s, although nothing moves on its screen.
    const Spawned kiosk({"xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", "env",
                         "NOTIFY_SOCKET=" + (dir / "notify").string(), "WATCHDOG_USEC=600000",
                         GONGSHI_BINARY_DIR "/kiosk/gongshi-kiosk", "--windowed", "1280x1024", "--cache",
                         (dir / "cache.db").string()});
    ASSERT_TRUE(kiosk.started());

    std::string first;
    for (const auto deadline = Clock::now() + std::chrono::seconds(60); first.empty() && Clock::now() < deadline;)
        first = notify.receive();
    ASSERT_EQ(first, "READY=1") << "no READY=1 within 60 s";

    int pings = 0;
    for (const auto until = Clock::now() + std::chrono::seconds(3); Clock::now() < until;) {
        const std::string message = notify.receive();
        if (message == "WATCHDOG=1") ++pings;
        else EXPECT_TRUE(message.empty()) << "unexpected: " << message;
    }
    EXPECT_GE(pings, 3) << "the idle loop slept through the watchdog interval";
    fs::remove_all(dir);
}

}  // namespace
