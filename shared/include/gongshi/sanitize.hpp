// What a resident types, made safe to store, show and send: used by every free-text field of the
// kiosk (wishes, search, staff notices) and fuzzed on its own.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "gongshi/result.hpp"

namespace gongshi {

struct CleanText {
    std::string text;             // NFC, no control or bidirectional-override characters
    std::size_t removed = 0;      // characters stripped
    bool truncated = false;       // the input was longer than the cap
};

// Rejects invalid UTF-8 (with a message fit for the resident); otherwise normalises to NFC,
// strips C0/C1 controls (keeping newlines when `keep_newlines`), bidirectional embeddings,
// overrides and isolates, and caps the result at `max_chars` characters (not bytes). The cap
// applies to a paste as much as to typing.
Result<CleanText> clean_text(std::string_view input, std::size_t max_chars, bool keep_newlines = false);

// Masks what looks like a mainland mobile number (11 digits from 1[3-9]) or a resident ID number
// (17 digits and a check character) so it is never queued in a public text: 138****1234,
// 110105********123X.
std::string mask_identifiers(std::string_view text);

// 11 digits, starting 13–19: what the phone field accepts.
bool valid_mainland_mobile(std::string_view digits);

// The configured words found in `text` (each once, in list order): they only mark a wish for the
// reviewer, never drop it.
std::vector<std::string> sensitive_matches(std::string_view text, const std::vector<std::string>& words);

}  // namespace gongshi
