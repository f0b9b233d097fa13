#include "gongshi/text.hpp"

#include <sodium.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

namespace gongshi {

namespace {

// ICU transliterators are expensive to create and not thread-safe to share: one per thread.
icu::Transliterator* han_to_latin() {
    thread_local std::unique_ptr<icu::Transliterator> t = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
            "Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(made) : nullptr;
    }();
    return t.get();
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The transliterator costs tens of microseconds a call, and names reuse a few thousand
// characters: transliterate each character once per thread and remember it.
const std::string& syllable_of(UChar32 c) {
    thread_local std::unordered_map<UChar32, std::string> memo;
    auto [it, inserted] = memo.try_emplace(c);
    if (inserted) {
        icu::UnicodeString text(c);
        if (auto* t = han_to_latin()) t->transliterate(text);
        std::string latin;
        text.toUTF8String(latin);
        for (char ch : latin)
            if (is_ascii_letter(ch)) it->second += static_cast<char>(ch | 0x20);
    }
    return it->second;
}

}  // namespace

PinyinKeys pinyin_keys(std::string_view utf8_name) {
    const icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8_name.data(), static_cast<int32_t>(utf8_name.size())));
    PinyinKeys keys;
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        const std::string& syllable = syllable_of(text.char32At(i));
        keys.full += syllable;
        if (!syllable.empty()) keys.initials += syllable.front();
    }
    return keys;
}

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

namespace {
// Byte length of the UTF-8 sequence starting with `lead` (1 for anything malformed).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}
}  // namespace

std::string mask_name(std::string_view name) {
    if (name.empty()) return {};
    const std::size_t first = std::min(sequence_length(static_cast<unsigned char>(name[0])), name.size());
    const std::size_t rest = utf8_length(name.substr(first));
    return std::string(name.substr(0, first)) + std::string(rest == 0 ? 1 : rest, '*');
}

std::string mask_phone(std::string_view digits) {
    if (digits.size() < 7) return std::string(digits.size(), '*');
    return std::string(digits.substr(0, 3)) + std::string(digits.size() - 7, '*') +
           std::string(digits.substr(digits.size() - 4));
}

std::string sha256_hex(std::string_view bytes) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(sizeof digest * 2);
    for (unsigned char b : digest) {
        out += kHex[b >> 4];
        out += kHex[b & 0xF];
    }
    return out;
}

std::string lowercase_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
    return out;
}

}  // namespace gongshi
