// The sync engine's rules that need no server: backoff, push verdicts, Retry-After, the image
// gate and the heartbeat body.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "gongshi/sync/backoff.hpp"
#include "gongshi/sync/heartbeat.hpp"
#include "gongshi/sync/media.hpp"
#include "gongshi/sync/pusher.hpp"
#include "sync_test_util.hpp"

namespace gongshi::test {
namespace {

using namespace std::chrono_literals;
using sync::PushVerdict;

TEST(Backoff, FullJitterUnderADoublingCeilingCappedAtTheCap) {
    sync::Backoff backoff({.base = 1000ms, .cap = 10min, .seed = 7});
    for (int failures = 1; failures <= 40; ++failures) {
        const auto ceiling = std::min<std::chrono::milliseconds>(1000ms * (1ll << std::min(failures - 1, 30)), 10min);
        for (int i = 0; i < 50; ++i) {
            const auto d = backoff.delay(failures, std::nullopt);
            EXPECT_GE(d, 0ms);
            EXPECT_LE(d, ceiling) << failures;
        }
    }
}

TEST(Backoff, JitterSpreadsRetries) {
    sync::Backoff backoff({.base = 1000ms, .cap = 10min, .seed = 1});
    std::set<std::int64_t> seen;
    for (int i = 0; i < 100; ++i) seen.insert(backoff.delay(10, std::nullopt).count());
    EXPECT_GT(seen.size(), 90u);
}

TEST(Backoff, RetryAfterIsAFloorButNotBeyondTheCap) {
    sync::Backoff backoff({.base = 10ms, .cap = 60s, .seed = 3});
    EXPECT_GE(backoff.delay(1, 5s), 5000ms);
    EXPECT_EQ(backoff.delay(1, 3600s), 60s);
}

TEST(PushVerdicts, FollowTheContract) {
    EXPECT_EQ(sync::classify_response(201, std::nullopt), PushVerdict::delivered);
    EXPECT_EQ(sync::classify_response(200, std::nullopt), PushVerdict::delivered);
    EXPECT_EQ(sync::classify_response(401, true), PushVerdict::unauthorized);
    for (long status : {408L, 409L, 429L, 500L, 502L, 503L, 504L})
        EXPECT_EQ(sync::classify_response(status, std::nullopt), PushVerdict::retry) << status;
    for (long status : {400L, 403L, 404L, 412L, 413L, 415L, 422L})
        EXPECT_EQ(sync::classify_response(status, std::nullopt), PushVerdict::dead) << status;
    // The error body's own word wins: a tracking code taken by another wish never frees up.
    EXPECT_EQ(sync::classify_response(409, false), PushVerdict::dead);
    EXPECT_EQ(sync::classify_response(503, true), PushVerdict::retry);
}

TEST(RetryAfter, SecondsOrAnHttpDate) {
    EXPECT_EQ(sync::parse_retry_after("120", 0), 120s);
    EXPECT_EQ(sync::parse_retry_after(" 0 ", 0), 0s);
    // 784111777 is Sun, 06 Nov 1994 08:49:37 GMT
    EXPECT_EQ(sync::parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", 784111777 - 30), 30s);
    EXPECT_EQ(sync::parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", 784111777 + 30), 0s);
    EXPECT_FALSE(sync::parse_retry_after("soon", 0));
    EXPECT_FALSE(sync::parse_retry_after("", 0));
}

TEST(ImageGate, AcceptsOnlySmallEnoughPngAndJpeg) {
    EXPECT_FALSE(sync::image_problem(png_bytes(16, 16), 4096));
    EXPECT_TRUE(sync::image_problem(png_bytes(64, 8), 32));  // too wide
    EXPECT_TRUE(sync::image_problem("GIF89a....", 4096));
    EXPECT_TRUE(sync::image_problem("<svg xmlns=...>", 4096));
    EXPECT_TRUE(sync::image_problem(std::string("\x89PNG\r\n\x1a\n", 8) + "garbage", 4096));
}

TEST(MediaIds, OnlyHashesBecomePaths) {
    EXPECT_TRUE(sync::valid_media_id(std::string(64, 'a')));
    EXPECT_FALSE(sync::valid_media_id(std::string(64, 'A')));
    EXPECT_FALSE(sync::valid_media_id("../../etc/passwd"));
    EXPECT_FALSE(sync::valid_media_id(std::string(63, 'a') + "/"));
}

TEST(Heartbeat, CarriesCountsAndTimesOnly) {
    const auto body = nlohmann::json::parse(sync::heartbeat_body({"0.1.0", 1700000000, 3, 1, 42, 1234}));
    EXPECT_EQ(body["version"], "0.1.0");
    EXPECT_EQ(body["last_sync_at"], "2023-11-14T22:13:20Z");
    EXPECT_EQ(body["outbox_depth"], 3);
    EXPECT_EQ(body["dead_letters"], 1);
    EXPECT_EQ(body["uptime_s"], 42);
    EXPECT_EQ(body["free_disk_bytes"], 1234);
    EXPECT_TRUE(nlohmann::json::parse(sync::heartbeat_body({"0.1.0", std::nullopt, 0, 0, 0, 0}))["last_sync_at"].is_null());
}

}  // namespace
}  // namespace gongshi::test
