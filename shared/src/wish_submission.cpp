#include "gongshi/wish_submission.hpp"

#include <variant>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "gongshi/log.hpp"
#include "gongshi/sanitize.hpp"
#include "gongshi/text.hpp"
#include "gongshi/tracking_code.hpp"

namespace gongshi {

namespace {

// 31^5 codes per kiosk: a hundred collisions in a row means `taken` is broken, not bad luck.
constexpr int kMaxDraws = 100;

WishOutcome refused(WishProblem problem) { return {std::nullopt, problem}; }

// Cleans a free-text field, refusing (not cutting) what is over the cap.
std::variant<std::string, WishProblem> cleaned(std::string_view input, std::size_t max_chars, WishProblem too_long) {
    auto clean = clean_text(input, max_chars);
    if (!clean) return WishProblem::unreadable_text;
    if (clean->truncated) return too_long;
    return std::move(clean->text);
}

// libsodium randombytes_uniform over the code alphabet: unbiased, from the OS CSPRNG.
std::string draw_tracking_code(std::string_view kiosk_code) {
    if (sodium_init() < 0) return {};  // cannot happen on Linux; an empty code is refused by the caller
    std::string code(kiosk_code);
    code += '-';
    for (std::size_t i = 0; i < kRandomPartLength; ++i)
        code += kCodeAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kCodeAlphabet.size()))];
    return code;
}

std::string fresh_code(std::string_view kiosk_code, const std::function<bool(std::string_view)>& taken) {
    for (int i = 0; i < kMaxDraws; ++i) {
        std::string code = draw_tracking_code(kiosk_code);
        if (!taken || !taken(code)) return code;
    }
    return {};
}

}  // namespace

const char* describe(WishProblem problem) {
    switch (problem) {
    case WishProblem::none: return "no problem";
    case WishProblem::no_kiosk_code: return "this kiosk has no kiosk code yet (never reached the server)";
    case WishProblem::no_category: return "no category";
    case WishProblem::no_grid: return "no estate or building";
    case WishProblem::bad_phone: return "not an 11-digit mainland mobile number";
    case WishProblem::unreadable_text: return "text is not valid UTF-8";
    case WishProblem::text_too_short: return "text shorter than 5 characters";
    case WishProblem::text_too_long: return "text longer than 200 characters";
    case WishProblem::name_too_long: return "name longer than 20 characters";
    case WishProblem::no_free_code: return "no free tracking code after 100 draws";
    case WishProblem::not_saved: return "the outbox could not be written";
    }
    return "unknown problem";
}

WishOutcome submit_wish(Outbox& outbox, const WishDraft& draft, std::string_view community_id,
                                  std::string_view kiosk_code, Timestamp now,
                                  const std::function<bool(std::string_view)>& taken) {
    if (!valid_kiosk_code(kiosk_code) || community_id.empty()) return refused(WishProblem::no_kiosk_code);
    if (draft.category.empty()) return refused(WishProblem::no_category);
    if (draft.grid_id.empty()) return refused(WishProblem::no_grid);
    if (!draft.phone.empty() && !valid_mainland_mobile(draft.phone)) return refused(WishProblem::bad_phone);

    auto text = cleaned(draft.text, kWishTextMax, WishProblem::text_too_long);
    if (auto* problem = std::get_if<WishProblem>(&text)) return refused(*problem);
    const std::string& wish_text = std::get<std::string>(text);
    if (utf8_length(wish_text) < kWishTextMin) return refused(WishProblem::text_too_short);
    auto name = cleaned(draft.display_name, kWishNameMax, WishProblem::name_too_long);
    if (auto* problem = std::get_if<WishProblem>(&name)) return refused(*problem);
    const std::string& display_name = std::get<std::string>(name);

    const std::string code = fresh_code(kiosk_code, taken);
    if (code.empty()) return refused(WishProblem::no_free_code);

    // Field order as in docs/API.md; optional fields are left out rather than sent empty.
    nlohmann::ordered_json body = {{"tracking_code", code},
                                   {"category", draft.category},
                                   {"text", mask_identifiers(wish_text)},
                                   {"grid_id", draft.grid_id}};
    if (!display_name.empty()) body["display_name"] = display_name;
    if (!draft.phone.empty()) body["phone"] = draft.phone;
    body["submitted_at"] = format_timestamp(now);

    const OutboxRequest request{"wish", "POST",
                                "/api/v1/communities/" + std::string(community_id) + "/wishes", body.dump()};
    auto item = outbox.enqueue(request, now.unix_seconds);
    if (!item) {
        log(LogLevel::error, "wish not saved: " + item.error());  // SQLite's message; no resident text
        return refused(WishProblem::not_saved);
    }
    return {SubmittedWish{code, item->id}, WishProblem::none};
}

}  // namespace gongshi
