#include "gongshi/sanitize.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "gongshi/codec.hpp"
#include "gongshi/text.hpp"

namespace gongshi {

namespace {

bool is_bidi_control(UChar32 c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
           c == 0x061C;
}

bool is_stripped(UChar32 c, bool keep_newlines) {
    if (c == '\n') return !keep_newlines;
    return u_iscntrl(c) || is_bidi_control(c) || c == 0xFEFF;  // also a stray byte-order mark
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of the run of ASCII digits starting at `i`.
std::size_t digit_run(std::string_view s, std::size_t i) {
    std::size_t n = 0;
    while (i + n < s.size() && is_digit(s[i + n])) ++n;
    return n;
}

}  // namespace

Result<CleanText> clean_text(std::string_view input, std::size_t max_chars, bool keep_newlines) {
    if (!valid_utf8(input)) return Result<CleanText>::failure("not valid UTF-8");
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(input.data(), static_cast<int32_t>(input.size())));

    // Strip before normalising: a control between a letter and its combining mark keeps them
    // apart during NFC, and removing it afterwards would leave the text unnormalised.
    CleanText out;
    icu::UnicodeString kept;
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        const UChar32 c = text.char32At(i);
        if (is_stripped(c, keep_newlines)) ++out.removed;
        else kept.append(c);
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status)) kept = nfc->normalize(kept, status);
    if (U_FAILURE(status)) return Result<CleanText>::failure(std::string("ICU normalisation failed: ") + u_errorName(status));

    // The cap counts characters of the normalised text; a prefix of NFC text is still NFC.
    int32_t end = 0;
    for (std::size_t count = 0; end < kept.length() && count < max_chars; ++count) end = kept.moveIndex32(end, 1);
    if (end < kept.length()) {
        out.truncated = true;
        kept.truncate(end);
    }
    kept.toUTF8String(out.text);
    return out;
}

std::string mask_identifiers(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t run = digit_run(s, i);
        if (run == 0) {
            out += s[i++];
            continue;
        }
        const std::string_view digits = s.substr(i, run);
        const bool id_with_x = run == 17 && i + run < s.size() && (s[i + run] == 'X' || s[i + run] == 'x');
        if (run == 11 && valid_mainland_mobile(digits)) {
            out += mask_phone(digits);
        } else if (run == 18 || id_with_x) {
            const std::string_view id = s.substr(i, 18);
            out += std::string(id.substr(0, 6)) + std::string(8, '*') + std::string(id.substr(14));
            i += 18;
            continue;
        } else {
            out += digits;
        }
        i += run;
    }
    return out;
}

bool valid_mainland_mobile(std::string_view d) {
    return d.size() == 11 && digit_run(d, 0) == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

std::vector<std::string> sensitive_matches(std::string_view text, const std::vector<std::string>& words) {
    std::vector<std::string> found;
    for (const auto& w : words)
        if (!w.empty() && text.find(w) != std::string_view::npos) found.push_back(w);
    return found;
}

}  // namespace gongshi
