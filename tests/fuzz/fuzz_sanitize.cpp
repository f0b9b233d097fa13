// Fuzz target: the free-text sanitiser every resident input goes through (shared/sanitize.hpp).
// Input: one flags byte (the character cap and keep_newlines), then the text as typed or pasted.
// Invariants: valid UTF-8 in, clean text out (valid UTF-8, NFC, no controls or bidi overrides,
// within the cap), clean_text and mask_identifiers idempotent, sensitive_matches exact.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "gongshi/codec.hpp"
#include "gongshi/sanitize.hpp"
#include "gongshi/text.hpp"

namespace {

using namespace gongshi;

bool is_nfc(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    const auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    const bool normalized = nfc->isNormalized(text, status);
    return U_SUCCESS(status) && normalized;
}

bool has_forbidden(const std::string& utf8, bool keep_newlines) {
    const auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        const UChar32 c = text.char32At(i);
        if (c == '\n' && keep_newlines) continue;
        const bool bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
                          c == 0x200F || c == 0x061C;
        if (u_iscntrl(c) || bidi || c == 0xFEFF) return true;
    }
    return false;
}

void check_clean_text(std::string_view input, std::size_t cap, bool keep_newlines) {
    const auto cleaned = clean_text(input, cap, keep_newlines);
    FUZZ_CHECK(cleaned.ok() == valid_utf8(input));
    if (!cleaned) {
        FUZZ_CHECK(!cleaned.error().empty());
        return;
    }
    const std::string& out = cleaned->text;
    FUZZ_CHECK(valid_utf8(out));
    FUZZ_CHECK(is_nfc(out));
    FUZZ_CHECK(!has_forbidden(out, keep_newlines));
    FUZZ_CHECK(utf8_length(out) <= cap);
    FUZZ_CHECK(!cleaned->truncated || utf8_length(out) == cap);
    const auto again = clean_text(out, cap, keep_newlines);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(again->text == out);
    FUZZ_CHECK(again->removed == 0 && !again->truncated);
}

void check_masking(const std::string& text) {
    const std::string masked = mask_identifiers(text);
    FUZZ_CHECK(valid_utf8(masked));
    FUZZ_CHECK(masked.size() == text.size());  // digits become '*', nothing else moves
    FUZZ_CHECK(mask_identifiers(masked) == masked);
}

void check_sensitive_words(const std::string& text) {
    // A prefix of the text itself must always be found; the others only when present.
    const std::size_t prefix = std::min<std::size_t>(text.size(), 6);
    const std::vector<std::string> words{"赌博", "诈骗", "a", "", text.substr(0, prefix), "13"};
    const auto found = sensitive_matches(text, words);
    std::size_t next = 0;  // found words come in list order, each once
    for (const auto& w : words) {
        const bool present = !w.empty() && text.find(w) != std::string::npos;
        if (!present) continue;
        FUZZ_CHECK(next < found.size() && found[next] == w);
        ++next;
    }
    FUZZ_CHECK(next == found.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static constexpr std::size_t kCaps[] = {0, 1, 5, 20, 200, 2000, 4, 64};
    const std::size_t cap = kCaps[data[0] & 7u];
    const bool keep_newlines = (data[0] & 8u) != 0;
    const std::string_view input(reinterpret_cast<const char*>(data + 1), size - 1);
    check_clean_text(input, cap, keep_newlines);
    if (auto cleaned = clean_text(input, 2000, true)) {
        check_masking(cleaned->text);
        check_sensitive_words(cleaned->text);
    }
    return 0;
}
