// Staff PINs: the argon2id cost every PIN hash is made with (demo data, the server's decoy, the
// kiosk's check), the offline check against the hashes the server syncs down, and the per-account
// throttle that keeps a passer-by from guessing PINs at a kiosk (docs/SECURITY.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongshi/domain.hpp"
#include "gongshi/inquiry.hpp"
#include "gongshi/result.hpp"
#include "gongshi/sqlite.hpp"

namespace gongshi {

// The one place the hash cost is set. Measured in docs/SECURITY.md: ≥ 0.61 s of one core per
// guess (10^6 six-digit PINs then take over a week), one check well under a second here.
inline constexpr unsigned long long kPinHashOpsLimit = 5;
inline constexpr std::size_t kPinHashMemLimit = std::size_t{256} << 20;
inline constexpr std::size_t kMinPinDigits = 6;
inline constexpr std::size_t kMaxPinDigits = 12;

// Digits only, kMinPinDigits..kMaxPinDigits of them.
bool well_formed_pin(std::string_view pin);
// A fresh crypto_pwhash_str at the policy cost (random salt). Fails only without memory.
Result<std::string> hash_pin(std::string_view pin);
bool pin_matches(const std::string& hash, std::string_view pin);
// True when `hash` is an argon2id string made at exactly the policy cost.
bool at_policy_cost(const std::string& hash);
// A hash of a random secret at the policy cost: what an unknown staff id is checked against, so
// it costs the same time as a wrong PIN and says nothing about which ids exist.
const std::string& decoy_pin_hash();

// The offline check: exactly one argon2id verification whether or not `staff_id` exists.
std::optional<StaffAccount> verify_staff_pin(const std::vector<StaffAccount>& accounts, std::string_view staff_id,
                                             std::string_view pin);

// What POST …/staff/login answered (docs/API.md). Empty: no usable answer (no server, network,
// 5xx), and the kiosk checks offline.
struct OnlineLogin {
    enum class Outcome { ok, invalid, throttled };
    Outcome outcome = Outcome::invalid;
    StaffAccount staff;        // ok: id, name, role
    std::int64_t wait_s = 0;   // throttled: the server's retry_after_s
};
std::optional<OnlineLogin> read_login_answer(const InquiryAnswer& answer);
Inquiry login_inquiry(std::string_view community_id, std::string_view staff_id, std::string_view pin);

// Per staff id typed at this kiosk: after each failure the next attempt waits first_delay_s,
// doubling; the lock_after-th consecutive failure locks the id for lock_s. A lock expires (and
// the count starts over), and a success anywhere resets it.
struct ThrottlePolicy {
    double first_delay_s = 1;
    int lock_after = 10;
    double lock_s = 15 * 60;
};

struct ThrottleBlock {
    std::int64_t wait_s = 0;  // whole seconds, rounded up
    bool locked = false;      // the lock, not a delay
};

// Kept in outbox.db (table login_throttle), the file that survives a wiped cache: a power cycle
// must not lift a lock. Times are wall-clock unix seconds; a clock set back cannot stretch a wait
// beyond the policy's longest.
class LoginThrottle {
public:
    // Creates the table if needed. `db` must outlive the throttle.
    static Result<LoginThrottle> open(sql::Db& db, ThrottlePolicy policy);

    std::optional<ThrottleBlock> blocked(std::string_view staff_id, double now) const;
    // Counts a failure and returns the wait it starts.
    Result<ThrottleBlock> record_failure(std::string_view staff_id, double now);
    Status record_success(std::string_view staff_id);
    int failures(std::string_view staff_id) const;

private:
    LoginThrottle(sql::Db& db, ThrottlePolicy policy) : db_(&db), policy_(policy) {}
    double longest_wait() const;

    sql::Db* db_;
    ThrottlePolicy policy_;
};

}  // namespace gongshi
