// gongshi-sync --once from a shell: what it prints and how it exits.
#include <cstdio>
#include <fstream>

#include "sync_test_util.hpp"

namespace gongshi::test {
namespace {

struct CliRun {
    int exit_code = -1;
    std::string output;  // stdout and stderr
};

CliRun run(const std::string& args) {
    const std::string command = std::string(GONGSHI_SYNC_BINARY) + " " + args + " 2>&1";
    CliRun r;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return r;
    char buffer[4096];
    while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) r.output.append(buffer, n);
    const int status = pclose(pipe);
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

class CliTest : public ServerSuite {
protected:
    std::string args(const std::string& token_file) const {
        return "--server " + server().base_url() + " --community " + kCommunity + " --token-file " + token_file +
               " --cache " + (dir_ / "cache.db") + " --outbox " + (dir_ / "outbox.db") + " --media-dir " +
               (dir_ / "media") + " --once";
    }
    std::string token_file(const std::string& token) const {
        const std::string path = dir_ / "token";
        std::ofstream(path) << token << "\n";
        return path;
    }
};

TEST_F(CliTest, OneCycleSaysWhatItDid) {
    auto outbox = take(Outbox::open(dir_ / "outbox.db"));
    ASSERT_TRUE(outbox.enqueue(wish_outbox_request(fresh_tracking_code()), clock_.unix_now()));
    const CliRun r = run(args(token_file(server().kiosk_token())));
    EXPECT_EQ(r.exit_code, 0) << r.output;
    EXPECT_NE(r.output.find("(full resync)"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("push: 1 delivered"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("fetched"), std::string::npos) << r.output;

    // A cycle that delivered something pulls again: the wish is already back down, and the next
    // cycle has nothing new.
    EXPECT_EQ(state_diff(server_state(server()), cache_state(dir_ / "cache.db")), "");
    const CliRun again = run(args(token_file(server().kiosk_token())));
    EXPECT_EQ(again.exit_code, 0) << again.output;
    EXPECT_NE(again.output.find("pull: 0 pages, 0 changes"), std::string::npos) << again.output;
}

TEST_F(CliTest, ARefusedTokenExitsNonZeroWithTheReason) {
    const CliRun r = run(args(token_file("wrong-token")));
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.output.find("failed (unauthorized)"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("401"), std::string::npos) << r.output;
}

TEST_F(CliTest, AnUnreachableServerExitsNonZero) {
    const CliRun r = run("--server http://127.0.0.1:1 --community c-demo --token-file " + token_file("t") + " --cache " +
                      (dir_ / "cache.db") + " --once");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.output.find("failed (network)"), std::string::npos) << r.output;
}

TEST_F(CliTest, AMissingTokenFileIsAUsageError) {
    const CliRun r = run(args((dir_ / "no-such-file")));
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.output.find("token"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace gongshi::test
