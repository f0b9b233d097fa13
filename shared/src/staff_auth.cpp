#include "gongshi/staff_auth.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <new>
#include <nlohmann/json.hpp>

namespace gongshi {

namespace {

// Made once with crypto_pwhash_str at the policy cost from 16 random bytes nobody kept. Embedded
// so no process spends a second making it; at_policy_cost() guards it when the cost changes.
constexpr const char* kDecoyHash =
    "$argon2id$v=19$m=262144,t=5,p=1$zUxWugS4WkaVbcyElK554A$tkt9zpVKxL86eRyRqlCcj8A7z5dbSnQMlNnc6gP6nvM";

void init_sodium() {
    if (sodium_init() < 0) throw std::bad_alloc();  // cannot happen on Linux
}

}  // namespace

bool well_formed_pin(std::string_view pin) {
    return pin.size() >= kMinPinDigits && pin.size() <= kMaxPinDigits &&
           std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<std::string> hash_pin(std::string_view pin) {
    init_sodium();
    char out[crypto_pwhash_STRBYTES] = {};
    if (crypto_pwhash_str(out, pin.data(), pin.size(), kPinHashOpsLimit, kPinHashMemLimit) != 0)
        return Result<std::string>::failure("not enough memory for argon2id");
    return std::string(out);
}

bool pin_matches(const std::string& hash, std::string_view pin) {
    init_sodium();
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

bool at_policy_cost(const std::string& hash) {
    init_sodium();
    return crypto_pwhash_str_needs_rehash(hash.c_str(), kPinHashOpsLimit, kPinHashMemLimit) == 0;
}

const std::string& decoy_pin_hash() {
    static const std::string hash = [] {
        std::string embedded = kDecoyHash;
        if (at_policy_cost(embedded)) return embedded;
        unsigned char secret[16];
        init_sodium();
        randombytes_buf(secret, sizeof secret);
        auto made = hash_pin(std::string_view(reinterpret_cast<const char*>(secret), sizeof secret));
        if (!made) throw std::bad_alloc();
        return made.value();
    }();
    return hash;
}

std::optional<StaffAccount> verify_staff_pin(const std::vector<StaffAccount>& accounts, std::string_view staff_id,
                                             std::string_view pin) {
    const auto it = std::find_if(accounts.begin(), accounts.end(), [&](const StaffAccount& a) { return a.id == staff_id; });
    if (it == accounts.end()) {
        (void)pin_matches(decoy_pin_hash(), pin);  // the same work as a wrong PIN
        return std::nullopt;
    }
    if (!pin_matches(it->pin_hash, pin)) return std::nullopt;
    return *it;
}

Inquiry login_inquiry(std::string_view community_id, std::string_view staff_id, std::string_view pin) {
    const nlohmann::json body = {{"staff_id", staff_id}, {"pin", pin}};
    return Inquiry{"POST", "/api/v1/communities/" + std::string(community_id) + "/staff/login", body.dump()};
}

std::optional<OnlineLogin> read_login_answer(const InquiryAnswer& answer) {
    // No answer, or a server in trouble: the offline check is all the kiosk can do.
    if (!answer.status || *answer.status >= 500) return std::nullopt;
    const nlohmann::json body = nlohmann::json::parse(answer.body, nullptr, false);
    OnlineLogin out;
    if (*answer.status == 200) {
        const nlohmann::json* staff = body.is_object() && body.contains("staff") ? &body["staff"] : nullptr;
        if (staff == nullptr || !staff->is_object() || !staff->value("id", nlohmann::json()).is_string())
            return std::nullopt;  // an answer we cannot read is no answer
        out.outcome = OnlineLogin::Outcome::ok;
        out.staff.id = (*staff)["id"].get<std::string>();
        out.staff.name = staff->value("name", "");
        out.staff.role = staff->value("role", "staff");
        return out;
    }
    if (*answer.status == 429) {
        out.outcome = OnlineLogin::Outcome::throttled;
        out.wait_s = 60;  // when the body does not say
        if (body.is_object() && body.contains("error") && body["error"].is_object())
            out.wait_s = std::max<std::int64_t>(1, body["error"].value("retry_after_s", out.wait_s));
        return out;
    }
    return out;  // 401 and any other refusal: the same "wrong id or PIN"
}

Result<LoginThrottle> LoginThrottle::open(sql::Db& db, ThrottlePolicy policy) {
    auto made = db.exec(
        "CREATE TABLE IF NOT EXISTS login_throttle("
        "  staff_id TEXT PRIMARY KEY,"    // as typed: unknown ids are throttled like known ones
        "  failures INTEGER NOT NULL,"    // consecutive
        "  blocked_until REAL NOT NULL)");  // unix seconds
    if (!made) return Result<LoginThrottle>::failure("cannot create the login throttle table: " + made.error());
    return LoginThrottle(db, policy);
}

double LoginThrottle::longest_wait() const {
    const double longest_delay = policy_.first_delay_s * std::ldexp(1.0, std::max(0, policy_.lock_after - 2));
    return std::max(policy_.lock_s, longest_delay);
}

int LoginThrottle::failures(std::string_view staff_id) const {
    auto s = db_->must_prepare("SELECT failures FROM login_throttle WHERE staff_id = ?");
    s.bind(1, staff_id);
    return s.step() ? s.integer(0) : 0;
}

std::optional<ThrottleBlock> LoginThrottle::blocked(std::string_view staff_id, double now) const {
    auto s = db_->must_prepare("SELECT failures, blocked_until FROM login_throttle WHERE staff_id = ?");
    s.bind(1, staff_id);
    if (!s.step()) return std::nullopt;
    const double left = std::min(s.real(1) - now, longest_wait());
    if (left <= 0) return std::nullopt;
    return ThrottleBlock{static_cast<std::int64_t>(std::ceil(left)), s.integer(0) >= policy_.lock_after};
}

Result<ThrottleBlock> LoginThrottle::record_failure(std::string_view staff_id, double now) {
    // A failure during a lock (an online attempt) leaves the lock as it is; an expired lock starts
    // the count over: a passer-by delays staff, never locks them out for good.
    if (const auto block = blocked(staff_id, now); block && block->locked) return *block;
    int count = failures(staff_id);
    if (count >= policy_.lock_after) count = 0;
    ++count;
    const bool locked = count >= policy_.lock_after;
    const double wait = locked ? policy_.lock_s : policy_.first_delay_s * std::ldexp(1.0, count - 1);
    auto s = db_->must_prepare(
        "INSERT INTO login_throttle(staff_id, failures, blocked_until) VALUES(?1, ?2, ?3) "
        "ON CONFLICT(staff_id) DO UPDATE SET failures = ?2, blocked_until = ?3");
    s.bind(1, staff_id).bind(2, count).bind(3, now + wait);
    // Ids left alone for a whole lock period are forgotten, so typing random ids cannot grow the file.
    auto prune = db_->must_prepare("DELETE FROM login_throttle WHERE blocked_until < ?");
    prune.bind(1, now - policy_.lock_s);
    if (!s.run() || !prune.run()) return Result<ThrottleBlock>::failure("cannot save a failed login: " + db_->error());
    return ThrottleBlock{static_cast<std::int64_t>(std::ceil(wait)), locked};
}

Status LoginThrottle::record_success(std::string_view staff_id) {
    auto s = db_->must_prepare("DELETE FROM login_throttle WHERE staff_id = ?");
    s.bind(1, staff_id);
    if (!s.run()) return Status::failure("cannot reset the login throttle: " + db_->error());
    return success();
}

}  // namespace gongshi
