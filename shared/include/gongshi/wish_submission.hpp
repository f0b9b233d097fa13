// A resident's micro-wish, from the kiosk's form to a durable outbox row (docs/API.md "Wishes").
// The one place that validates, cleans and masks what was typed before it is queued, so the UI
// flow, tests and tools cannot queue a wish the server or the public board should not see.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "gongshi/outbox.hpp"
#include "gongshi/result.hpp"
#include "gongshi/time.hpp"

namespace gongshi {

inline constexpr std::size_t kWishTextMin = 5;
inline constexpr std::size_t kWishTextMax = 200;
inline constexpr std::size_t kWishNameMax = 20;

struct WishDraft {
    std::string category;      // one of the community's categories
    std::string text;          // as typed; cleaned here (NFC, control/bidi stripped) and phone/ID-looking runs masked
    std::string grid_id;       // estate or building (a grid of the community)
    std::string display_name;  // optional; sent privately, the server publishes it only masked
    std::string phone;         // optional; digits, valid_mainland_mobile(); never shown publicly
};

struct SubmittedWish {
    std::string tracking_code;
    std::int64_t outbox_id = 0;
};

// Why a wish was not queued. The kiosk words each one for the resident (ui_strings); shared/
// carries no UI text.
enum class WishProblem {
    none, no_kiosk_code, no_category, no_grid, bad_phone, unreadable_text, text_too_short, text_too_long,
    name_too_long, no_free_code, not_saved
};
const char* describe(WishProblem problem);  // English, for logs and test messages

struct WishOutcome {
    std::optional<SubmittedWish> submitted;
    WishProblem problem = WishProblem::none;
    explicit operator bool() const { return submitted.has_value(); }
    const SubmittedWish* operator->() const { return &*submitted; }
    const char* error() const { return describe(problem); }
};

// Validates (5..200 characters of text after cleaning — a longer text is refused, not cut, so
// nothing the resident wrote is silently lost; category/grid not empty; phone empty or a valid
// mainland mobile; name <= 20 characters), draws a tracking code "<kiosk_code>-<5 random chars>"
// with a CSPRNG, redraws while `taken(code)` says the code is used, builds the POST body and
// enqueues it in `outbox` (kind "wish") — one durable insert. A failure (invalid input, disk
// full, no kiosk code) comes back as a WishProblem; nothing is half-written.
WishOutcome submit_wish(Outbox& outbox, const WishDraft& draft, std::string_view community_id,
                                  std::string_view kiosk_code, Timestamp now,
                                  const std::function<bool(std::string_view)>& taken);

}  // namespace gongshi
