// A wish's public progress as a resident may see it by its tracking code (docs/API.md,
// GET /api/v1/track/{code}): status and dates only — never the text, name, phone or a
// rejection reason. The same struct whether it came from the server or from the cache.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gongshi/domain.hpp"

namespace gongshi {

struct TrackedWish {
    std::string tracking_code;
    WishStatus status = WishStatus::pending_review;
    std::string category;
    Timestamp submitted_at;
    std::optional<Timestamp> claimed_at;
    std::optional<Timestamp> fulfilled_at;
    bool operator==(const TrackedWish&) const = default;
};

// The server's 200 body; nullopt when it is not the documented shape.
std::optional<TrackedWish> parse_track_answer(std::string_view body);
// What a cached wish may show publicly.
TrackedWish tracked_from(const Wish& wish);

// What a resident typed, as a code to look up: upper-cased, spaces dropped, the dash optional
// ("aa7kq3m", "AA-7KQ3M", "aa 7kq3m" all give "AA-7KQ3M"). The last five characters must be of
// the code alphabet; the prefix is 2–4 letters or digits (demo codes start with D01). nullopt
// when it cannot be a code.
std::optional<std::string> normalize_tracking_code(std::string_view typed);

}  // namespace gongshi
