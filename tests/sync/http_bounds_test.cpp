// The HTTP client's bounds against a misbehaving server (each cut off within its configured
// bound), gzip, and TLS verification against a server with a self-signed certificate.
#include <cstdlib>
#include <fstream>
#include <thread>

#include "gongshi/server/server.hpp"
#include "sync_test_util.hpp"

namespace gongshi::test {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

class HttpBoundsTest : public ServerSuite {
protected:
    static sync::HttpConfig tight() {
        sync::HttpConfig c = test_http();
        c.total_timeout = 3s;
        c.low_speed_bytes_per_s = 1024;
        c.low_speed_time = 1s;
        c.max_body_bytes = 1u << 20;
        c.max_redirects = 3;
        return c;
    }

    struct Outcome {
        Result<sync::HttpResponse> result;
        Clock::duration took;
    };

    // GET /api/v1/kiosk (a small JSON answer) through a fault.
    Outcome get_through(const json& rule, const sync::HttpConfig& config = tight()) {
        add_fault(server(), rule);
        sync::HttpClient http(config);
        const sync::ServerApi api(server().base_url(), kCommunity, server().kiosk_token());
        const auto started = Clock::now();
        auto result = http.perform(api.request("GET", "/api/v1/kiosk"));
        return {std::move(result), Clock::now() - started};
    }

    static void expect_cut_off(const Outcome& o, const std::string& words, Clock::duration bound) {
        ASSERT_FALSE(o.result) << "answered " << o.result->status;
        EXPECT_NE(o.result.error().find(words), std::string::npos) << o.result.error();
        EXPECT_LT(o.took, bound) << o.result.error();
    }
};

TEST_F(HttpBoundsTest, AnOversizedBodyIsRefusedBeforeItIsRead) {
    const auto o = get_through({{"route", "kiosk"}, {"kind", "oversized"}, {"params", {{"bytes", 64 << 20}}}});
    expect_cut_off(o, "exceeds the limit of 1048576 bytes", 2s);
}

TEST_F(HttpBoundsTest, AnEndlessBodyIsCutOffAtTheCap) {
    const auto o = get_through({{"route", "kiosk"}, {"kind", "endless"}});
    expect_cut_off(o, "exceeds the limit of 1048576 bytes", 3s);
}

TEST_F(HttpBoundsTest, ARedirectLoopStopsAtMaxRedirects) {
    const auto o = get_through({{"route", "kiosk"}, {"kind", "redirect_loop"}});
    expect_cut_off(o, "redirect", 2s);
}

TEST_F(HttpBoundsTest, ASlowDripIsCutOffByTheLowSpeedLimit) {
    auto config = tight();
    config.total_timeout = 30s;  // so that the low-speed limit is what acts
    const auto o = get_through({{"route", "kiosk"}, {"kind", "trickle"}, {"params", {{"interval_ms", 200}, {"bytes", 1}}}},
                               config);
    expect_cut_off(o, "too slow", 4s);
    EXPECT_GE(o.took, 900ms);
}

TEST_F(HttpBoundsTest, AStalledAnswerIsCutOffByTheTotalTimeout) {
    auto config = tight();
    config.low_speed_time = 30s;  // so that the total timeout is what acts
    const auto o = get_through({{"route", "kiosk"}, {"kind", "delay"}, {"params", {{"ms", 10000}}}}, config);
    expect_cut_off(o, "timed out", 5s);
    EXPECT_GE(o.took, 2900ms);
}

TEST_F(HttpBoundsTest, PagesComeGzipped) {
    sync::HttpClient http(test_http());
    const sync::ServerApi api(server().base_url(), kCommunity, server().kiosk_token());
    const auto r = http.perform(api.request("GET", community_path("/changes?since=0&limit=1000")));
    ASSERT_TRUE(r) << r.error();
    EXPECT_EQ(r->header("content-encoding"), "gzip");
    EXPECT_LT(r->bytes_received * 4, r->body.size()) << "JSON pages compress well";
    EXPECT_TRUE(decode_page(r->body));
}

// ---- TLS ----------------------------------------------------------------------------------

// The real server, in this process, serving HTTPS with a certificate made for this test.
class TlsServer {
public:
    TlsServer(const TempDir& dir, const std::string& subject_alt_name) {
        cert_ = dir / "cert.pem";
        const std::string key = dir / "key.pem";
        const std::string command = "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=gongshi-test -addext "
                                    "subjectAltName=" + subject_alt_name + " -keyout " + key + " -out " + cert_ +
                                    " >/dev/null 2>&1";
        if (std::system(command.c_str()) != 0) throw std::runtime_error("openssl could not make a certificate");
        server::Options options;
        options.demo = {DemoPreset::community};
        options.data_dir = dir.path() / "server";
        options.cert_file = cert_;
        options.key_file = key;
        auto started = server::Server::start(options);
        if (!started) throw std::runtime_error(started.error());
        server_ = std::move(started.value());
        thread_ = std::thread([this] { server_->run(); });
        std::ifstream token(options.data_dir / "demo-kiosk.token");
        token >> token_;
    }
    ~TlsServer() {
        server_->stop();
        thread_.join();
    }

    std::string url() const { return "https://127.0.0.1:" + std::to_string(server_->port()); }
    const std::string& cert() const { return cert_; }
    const std::string& token() const { return token_; }

private:
    std::string cert_, token_;
    std::unique_ptr<server::Server> server_;
    std::thread thread_;
};

Result<sync::HttpResponse> whoami(const TlsServer& tls, const std::string& ca_file) {
    auto config = test_http();
    config.ca_file = ca_file;
    sync::HttpClient http(config);
    return http.perform(sync::ServerApi(tls.url(), kCommunity, tls.token()).request("GET", "/api/v1/kiosk"));
}

TEST(Tls, ASelfSignedServerIsRefusedUnlessItsCaIsConfigured) {
    TempDir dir;
    TlsServer tls(dir, "IP:127.0.0.1");
    const auto refused = whoami(tls, "");
    ASSERT_FALSE(refused) << "a self-signed certificate must not be trusted by default";
    EXPECT_NE(refused.error().find("certificate"), std::string::npos) << refused.error();

    const auto trusted = whoami(tls, tls.cert());
    ASSERT_TRUE(trusted) << trusted.error();
    EXPECT_EQ(trusted->status, 200);
}

TEST(Tls, ATrustedCertificateForAnotherHostIsRefused) {
    TempDir dir;
    TlsServer tls(dir, "DNS:elsewhere.example");
    const auto refused = whoami(tls, tls.cert());
    ASSERT_FALSE(refused) << "the certificate does not name 127.0.0.1";
    EXPECT_NE(refused.error().find("127.0.0.1"), std::string::npos) << refused.error();
}

}  // namespace
}  // namespace gongshi::test
