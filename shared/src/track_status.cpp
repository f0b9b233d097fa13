#include "gongshi/track_status.hpp"

#include <nlohmann/json.hpp>

#include "gongshi/codec.hpp"
#include "gongshi/time.hpp"
#include "gongshi/tracking_code.hpp"

namespace gongshi {

namespace {

std::optional<Timestamp> timestamp_member(const nlohmann::json& j, const char* key) {
    if (!j.contains(key) || !j[key].is_string()) return std::nullopt;
    return parse_timestamp(j[key].get<std::string>());
}

}  // namespace

std::optional<TrackedWish> parse_track_answer(std::string_view body) {
    const auto j = nlohmann::json::parse(body, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    for (const char* key : {"tracking_code", "status", "category", "submitted_at"})
        if (!j.contains(key) || !j[key].is_string()) return std::nullopt;
    const auto status = enum_from_string<WishStatus>(j["status"].get<std::string>());
    const auto submitted = timestamp_member(j, "submitted_at");
    if (!status || !submitted) return std::nullopt;
    return TrackedWish{j["tracking_code"].get<std::string>(), *status, j["category"].get<std::string>(), *submitted,
                       timestamp_member(j, "claimed_at"), timestamp_member(j, "fulfilled_at")};
}

TrackedWish tracked_from(const Wish& wish) {
    return TrackedWish{wish.tracking_code, wish.status,     wish.category,
                       wish.submitted_at,  wish.claimed_at, wish.fulfilled_at};
}

std::optional<std::string> normalize_tracking_code(std::string_view typed) {
    std::string code;
    for (const char c : typed) {
        if (c == ' ' || c == '-') continue;
        const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        if (!((upper >= 'A' && upper <= 'Z') || (upper >= '0' && upper <= '9'))) return std::nullopt;
        code += upper;
    }
    if (code.size() < 2 + kRandomPartLength || code.size() > 4 + kRandomPartLength) return std::nullopt;
    const std::size_t prefix = code.size() - kRandomPartLength;
    if (!in_code_alphabet(std::string_view(code).substr(prefix))) return std::nullopt;
    return code.substr(0, prefix) + "-" + code.substr(prefix);
}

}  // namespace gongshi
