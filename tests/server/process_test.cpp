// The server as a process: start-up files, restart on the same data, stopping on a signal.
#include <sys/wait.h>

#include <cstdlib>

#include "api_test_util.hpp"

namespace gongshi::test {
namespace {

class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "gongshi-restart-XXXXXX").string();
        path_ = mkdtemp(pattern.data());
    }
    ~TempDir() { std::filesystem::remove_all(path_); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

TEST(ServerProcessTest, FaultRoutesAreOffByDefault) {
    ServerProcess server;
    auto cli = server.client();
    auto res = post_json(cli, "/admin/faults", server.admin_headers(), {{"route", "*"}, {"kind", "status_5xx"}});
    EXPECT_EQ(res->status, 404);
}

TEST(ServerProcessTest, StopsCleanlyOnSigterm) {
    ServerProcess server;
    const int status = server.stop();
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(ServerProcessTest, RestartKeepsDataTokensAndIdempotencyRecords) {
    TempDir dir;
    std::string token, cursor, first_body;
    const json wish = wish_request("AA-23456");
    {
        ServerProcess server(ServerConfig().in_dir(dir.path()));
        auto cli = server.client();
        token = server.kiosk_token();
        auto res = post_json(cli, community_path("/wishes"), with(server.kiosk_headers(), "Idempotency-Key", "k"), wish);
        ASSERT_EQ(res->status, 201);
        first_body = res->body;
        cursor = read_feed(cli, server.kiosk_headers()).cursor;
        server.kill_hard();  // as a crash would: committed data must survive
    }
    ServerProcess server(ServerConfig().in_dir(dir.path()));
    auto cli = server.client();
    EXPECT_EQ(server.kiosk_token(), token);
    EXPECT_EQ(read_feed(cli, server.kiosk_headers()).cursor, cursor) << "not seeded again";
    auto replay = post_json(cli, community_path("/wishes"), with(server.kiosk_headers(), "Idempotency-Key", "k"), wish);
    EXPECT_EQ(replay->body, first_body);
    EXPECT_EQ(replay->get_header_value("Idempotent-Replayed"), "true");
}

TEST(ServerProcessTest, ServesHttpsWithACertificate) {
    TempDir dir;
    const auto cert = dir.path() / "cert.pem", key = dir.path() / "key.pem";
    const std::string openssl = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout " +
                                key.string() + " -out " + cert.string() + " 2>/dev/null";
    ASSERT_EQ(std::system(openssl.c_str()), 0);
    ServerProcess server(ServerConfig().in_dir(dir.path() / "data").with_tls(cert, key));
    EXPECT_EQ(server.base_url().substr(0, 8), "https://");
    auto cli = server.client();
    auto res = cli.Get("/api/v1/kiosk", server.kiosk_headers());
    ASSERT_TRUE(res) << httplib::to_string(res.error());
    EXPECT_EQ(res->status, 200);
    // A client that verifies certificates refuses this one: nobody vouches for it.
    httplib::Client strict(server.base_url());
    strict.set_connection_timeout(std::chrono::seconds(5));
    auto refused = strict.Get("/api/v1/kiosk", server.kiosk_headers());
    EXPECT_FALSE(refused);
}

}  // namespace
}  // namespace gongshi::test
