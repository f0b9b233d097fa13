// Text utilities over UTF-8: pinyin keys for search, masking of personal data, hashing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gongshi {

// Search keys computed when a name is written, never per keystroke.
struct PinyinKeys {
    std::string full;      // "zhangsanfeng" (lowercase ASCII, no spaces or tones)
    std::string initials;  // "zsf"
};
PinyinKeys pinyin_keys(std::string_view utf8_name);

std::size_t utf8_length(std::string_view s);              // characters (code points), not bytes
std::string mask_name(std::string_view utf8_name);        // 王小明 -> 王**
std::string mask_phone(std::string_view digits);          // 13812341234 -> 138****1234
std::string sha256_hex(std::string_view bytes);           // lowercase hex
std::string lowercase_ascii(std::string_view s);

}  // namespace gongshi
