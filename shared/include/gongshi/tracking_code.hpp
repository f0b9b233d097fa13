// Tracking codes (docs/API.md, "Tracking codes"): `<kiosk code>-<5 random characters>`, made
// offline by the kiosk. The alphabet leaves out 0 O 1 I L so a code read aloud or copied from
// a slip of paper cannot be mistyped into another valid code.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gongshi {

inline constexpr std::string_view kCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";  // 31 characters
inline constexpr std::size_t kRandomPartLength = 5;

inline bool in_code_alphabet(std::string_view s) {
    return s.find_first_not_of(kCodeAlphabet) == std::string_view::npos;
}

// A kiosk code: 2 to 4 characters of the alphabet, unique per server.
inline bool valid_kiosk_code(std::string_view code) {
    return code.size() >= 2 && code.size() <= 4 && in_code_alphabet(code);
}

// True when `code` is a well-formed tracking code made by the kiosk whose code is `kiosk_code`.
inline bool valid_tracking_code(std::string_view code, std::string_view kiosk_code) {
    if (code.size() != kiosk_code.size() + 1 + kRandomPartLength) return false;
    if (code.substr(0, kiosk_code.size()) != kiosk_code || code[kiosk_code.size()] != '-') return false;
    return in_code_alphabet(code.substr(kiosk_code.size() + 1));
}

// The n-th kiosk code the server hands out: AA, AB, ... (two characters while they last).
inline std::string kiosk_code_for(std::int64_t n) {
    constexpr auto base = static_cast<std::int64_t>(kCodeAlphabet.size());
    std::int64_t v = n + kCodeAlphabet.find('A') * (base + 1);  // start at "AA"
    std::string code;
    do {
        code.insert(code.begin(), kCodeAlphabet[static_cast<std::size_t>(v % base)]);
        v /= base;
    } while (v > 0 || code.size() < 2);
    return code;
}

}  // namespace gongshi
