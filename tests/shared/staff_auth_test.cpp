// Staff PIN checks and the login throttle: hashing at the policy cost, a vector made with
// libsodium's API, unknown id vs wrong PIN, answers of the login route, throttle timing on an
// injected clock and its survival in outbox.db.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "gongshi/demo_data.hpp"
#include "gongshi/outbox.hpp"
#include "gongshi/staff_auth.hpp"

namespace gongshi {
namespace {

// Made once with crypto_pwhash_str(out, "246810", 6, 5, 256 << 20) (libsodium 1.0.18).
constexpr const char* kVectorPin = "246810";
constexpr const char* kVectorHash =
    "$argon2id$v=19$m=262144,t=5,p=1$FuaR7i79M6hU62o44nCeQQ$ESD0V81I0IaFcqlL3myrjk1iDimVI/7lAfrWgPcaq3Y";

TEST(StaffPin, VectorFromLibsodiumVerifies) {
    EXPECT_TRUE(pin_matches(kVectorHash, kVectorPin));
    EXPECT_FALSE(pin_matches(kVectorHash, "246811"));
    EXPECT_FALSE(pin_matches(kVectorHash, ""));
    EXPECT_FALSE(pin_matches("not a hash", kVectorPin));
}

TEST(StaffPin, EmbeddedHashesAreAtThePolicyCost) {
    EXPECT_TRUE(at_policy_cost(kVectorHash));
    EXPECT_TRUE(at_policy_cost(decoy_pin_hash()));
    // The demo's embedded hashes: a cost change without remaking them would slow every test.
    const DemoData demo = generate_demo(DemoPreset::community, Date{2026, 3, 5});
    ASSERT_EQ(demo.staff.size(), 3u);
    for (const Entity& e : demo.entities) {
        if (const auto* s = std::get_if<StaffAccount>(&e)) {
            EXPECT_TRUE(at_policy_cost(s->pin_hash)) << s->id;
        }
    }
}

TEST(StaffPin, FreshHashUsesThePolicyAndVerifies) {
    auto hash = hash_pin("135790");
    ASSERT_TRUE(hash.ok()) << hash.error();
    EXPECT_NE(hash->find("m=262144,t=5,p=1"), std::string::npos) << hash.value();
    EXPECT_TRUE(at_policy_cost(hash.value()));
    EXPECT_TRUE(pin_matches(hash.value(), "135790"));
    EXPECT_FALSE(at_policy_cost("$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG"));
}

TEST(StaffPin, ShapeIsSixToTwelveDigits) {
    EXPECT_TRUE(well_formed_pin("123456"));
    EXPECT_TRUE(well_formed_pin("123456789012"));
    EXPECT_FALSE(well_formed_pin("12345"));
    EXPECT_FALSE(well_formed_pin("1234567890123"));
    EXPECT_FALSE(well_formed_pin("12345a"));
    EXPECT_FALSE(well_formed_pin(""));
}

double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Runs `check` and returns the CPU seconds it took (not wall time: a busy machine must not decide).
template <class F>
double cpu_time_of(F check) {
    const double start = cpu_seconds();
    check();
    return cpu_seconds() - start;
}

TEST(StaffPin, UnknownIdAndWrongPinLookAlike) {
    const std::vector<StaffAccount> accounts{{"1001", "c1", "王", "admin", kVectorHash}};
    std::optional<StaffAccount> right, wrong, unknown;
    cpu_time_of([&] { right = verify_staff_pin(accounts, "1001", kVectorPin); });
    const double wrong_s = cpu_time_of([&] { wrong = verify_staff_pin(accounts, "1001", "999999"); });
    const double unknown_s = cpu_time_of([&] { unknown = verify_staff_pin(accounts, "4242", kVectorPin); });
    ASSERT_TRUE(right);
    EXPECT_EQ(right->name, "王");
    // The same answer...
    EXPECT_EQ(wrong, std::nullopt);
    EXPECT_EQ(unknown, std::nullopt);
    // ...after the same work: one argon2id verification at the same cost (the real ratio is
    // about 1; the bound is generous).
    EXPECT_GT(unknown_s, wrong_s * 0.5) << "unknown " << unknown_s << " s, wrong " << wrong_s << " s";
    EXPECT_LT(unknown_s, wrong_s * 2.0) << "unknown " << unknown_s << " s, wrong " << wrong_s << " s";
}

TEST(StaffLoginAnswer, ReadsTheRouteAnswers) {
    EXPECT_EQ(read_login_answer({std::nullopt, "", "timeout"}), std::nullopt);
    EXPECT_EQ(read_login_answer({503, "", ""}), std::nullopt);
    auto ok = read_login_answer({200, R"({"staff":{"id":"1001","name":"王","role":"admin"}})", ""});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->outcome, OnlineLogin::Outcome::ok);
    EXPECT_EQ(ok->staff.id, "1001");
    EXPECT_EQ(ok->staff.role, "admin");
    EXPECT_EQ(read_login_answer({200, "garbage", ""}), std::nullopt);
    auto bad = read_login_answer({401, R"({"error":{"code":"invalid_credentials"}})", ""});
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->outcome, OnlineLogin::Outcome::invalid);
    auto busy = read_login_answer({429, R"({"error":{"code":"too_many_attempts","retry_after_s":42}})", ""});
    ASSERT_TRUE(busy);
    EXPECT_EQ(busy->outcome, OnlineLogin::Outcome::throttled);
    EXPECT_EQ(busy->wait_s, 42);
    EXPECT_EQ(login_inquiry("c1", "1001", "123456").path, "/api/v1/communities/c1/staff/login");
}

struct ScratchFile {
    std::filesystem::path path = std::filesystem::temp_directory_path() /
                                 ("gongshi-throttle-" + std::to_string(::getpid()) + ".db");
    ScratchFile() { std::filesystem::remove(path); }
    ~ScratchFile() {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
    }
};

class ThrottleTest : public ::testing::Test {
protected:
    void SetUp() override { reopen(); }
    void reopen() {
        throttle.reset();
        outbox.reset();
        auto opened = Outbox::open(file.path.string());
        ASSERT_TRUE(opened.ok()) << opened.error();
        outbox.emplace(std::move(opened.value()));
        auto t = LoginThrottle::open(outbox->db(), ThrottlePolicy{});
        ASSERT_TRUE(t.ok()) << t.error();
        throttle.emplace(std::move(t.value()));
    }
    ThrottleBlock fail(double at) {
        auto b = throttle->record_failure("1001", at);
        EXPECT_TRUE(b.ok()) << b.error();
        return b.ok() ? b.value() : ThrottleBlock{};
    }

    ScratchFile file;
    std::optional<Outbox> outbox;
    std::optional<LoginThrottle> throttle;
    double now = 1'700'000'000;
};

TEST_F(ThrottleTest, DelaysDoubleThenLockAtTen) {
    EXPECT_EQ(throttle->blocked("1001", now), std::nullopt);
    std::int64_t expected = 1;
    for (int failure = 1; failure <= 9; ++failure, expected *= 2) {
        const ThrottleBlock b = fail(now);
        EXPECT_EQ(b.wait_s, expected) << "failure " << failure;
        EXPECT_FALSE(b.locked);
        // Refused until the delay is over, accepted from then on.
        ASSERT_TRUE(throttle->blocked("1001", now + static_cast<double>(expected) - 0.5));
        EXPECT_FALSE(throttle->blocked("1001", now + static_cast<double>(expected) - 0.5)->locked);
        now += static_cast<double>(expected);
        EXPECT_EQ(throttle->blocked("1001", now), std::nullopt) << "failure " << failure;
    }
    const ThrottleBlock lock = fail(now);
    EXPECT_TRUE(lock.locked);
    EXPECT_EQ(lock.wait_s, 15 * 60);
    EXPECT_TRUE(throttle->blocked("1001", now + 14 * 60)->locked);
    EXPECT_EQ(throttle->blocked("1001", now + 15 * 60), std::nullopt);  // the lock expires
    // and the count starts over: the next failure costs one second again.
    EXPECT_EQ(fail(now + 15 * 60).wait_s, 1);
    // Other ids are not touched.
    EXPECT_EQ(throttle->blocked("1002", now), std::nullopt);
}

TEST_F(ThrottleTest, SuccessResets) {
    fail(now);
    fail(now + 1);
    EXPECT_EQ(throttle->failures("1001"), 2);
    ASSERT_TRUE(throttle->record_success("1001").ok());
    EXPECT_EQ(throttle->failures("1001"), 0);
    EXPECT_EQ(throttle->blocked("1001", now + 1), std::nullopt);
    EXPECT_EQ(fail(now + 2).wait_s, 1);
}

TEST_F(ThrottleTest, AFailureDuringTheLockLeavesIt) {
    for (int i = 0; i < 10; ++i) fail(now + 1000.0 * i);
    now += 9000;
    ASSERT_TRUE(throttle->blocked("1001", now)->locked);
    const ThrottleBlock b = fail(now + 60);
    EXPECT_TRUE(b.locked);
    EXPECT_EQ(b.wait_s, 14 * 60);
}

TEST_F(ThrottleTest, SurvivesReopeningTheFile) {
    for (int i = 0; i < 10; ++i) fail(now + 1000.0 * i);
    now += 9000;
    reopen();  // a power cycle
    const auto block = throttle->blocked("1001", now + 60);
    ASSERT_TRUE(block);
    EXPECT_TRUE(block->locked);
    EXPECT_EQ(block->wait_s, 14 * 60);
    EXPECT_EQ(throttle->failures("1001"), 10);
}

TEST_F(ThrottleTest, AClockSetBackCannotStretchTheWait) {
    fail(now);
    const auto block = throttle->blocked("1001", now - 86400 * 365.0);
    ASSERT_TRUE(block);
    EXPECT_LE(block->wait_s, 15 * 60);
}

TEST_F(ThrottleTest, ConfiguredPolicy) {
    auto t = LoginThrottle::open(outbox->db(), ThrottlePolicy{2, 3, 60});
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(t->record_failure("7", now)->wait_s, 2);
    EXPECT_EQ(t->record_failure("7", now + 2)->wait_s, 4);
    const auto lock = t->record_failure("7", now + 6);
    EXPECT_TRUE(lock->locked);
    EXPECT_EQ(lock->wait_s, 60);
}

TEST_F(ThrottleTest, QuietIdsAreForgotten) {
    fail(now);
    ASSERT_TRUE(throttle->record_failure("other", now + 16 * 60).ok());  // prunes on write
    EXPECT_EQ(throttle->failures("1001"), 0);
    EXPECT_EQ(throttle->failures("other"), 1);
}

}  // namespace
}  // namespace gongshi
