// CJK text for Dear ImGui 1.86: a glyph set built from the text the app will draw (UI strings,
// cached data, later input-method candidates), and an atlas rebuilt between frames when that
// set grows. A full CJK atlas would cost 64-128 MB; the drawn text needs a few thousand glyphs.
//
// Debian's ImGui stores characters in 16 bits, so characters outside the Basic Multilingual
// Plane (CJK Extension B names, emoji) cannot be drawn: ImGui decodes them as U+FFFD, which the
// atlas maps to kNonBmpReplacement, a visible mark. GlyphSet counts them.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gongshi/result.hpp"

namespace gongshi::kiosk {

inline constexpr char32_t kNonBmpReplacement = U'〓';

// Calls fn(code point) for each character of UTF-8 text; malformed bytes come out as U+FFFD.
template <class Fn>
void for_each_code_point(std::string_view utf8, Fn&& fn);

class GlyphSet {
public:
    GlyphSet();  // printable ASCII (so '?' is the fallback for a missing glyph) plus the replacement mark

    void add_text(std::string_view utf8);
    bool contains(char32_t c) const { return c < bmp_.size() && bmp_[c]; }
    std::size_t size() const { return count_; }
    // Distinct characters outside the BMP seen so far: each is drawn as kNonBmpReplacement.
    std::size_t non_bmp_count() const { return non_bmp_.size(); }
    // Grows each time a new character arrives; the atlas compares it to what it was built from.
    std::uint64_t generation() const { return generation_; }
    std::vector<ImWchar> ranges() const;

private:
    void add(char32_t c);
    std::vector<bool> bmp_;
    std::vector<char32_t> non_bmp_;
    std::size_t count_ = 0;
    std::uint64_t generation_ = 0;
};

// A font file and the face inside it (a .ttc holds several; Noto Sans CJK SC is face 2).
struct FontFace {
    std::string path;
    int index = 0;
};

// Asks fontconfig for a Simplified Chinese face (Noto Sans CJK SC, then WenQuanYi Micro Hei) and
// checks that it really covers CJK, since fontconfig always answers with some font.
Result<FontFace> find_cjk_font();

struct FontSizes {
    float body_px = 0;
    float title_px = 0;
    bool operator==(const FontSizes&) const = default;
};

// A font file mapped read-only, so the 20 MB of a CJK collection stay clean page cache the
// kernel can reclaim, instead of heap the kiosk holds for its whole life.
class MappedFile {
public:
    static Result<MappedFile> open(const std::string& path);
    ~MappedFile();
    MappedFile(MappedFile&& other) noexcept
        : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
    MappedFile& operator=(MappedFile&&) = delete;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    const unsigned char* data() const { return data_; }
    std::size_t size() const { return size_; }

private:
    MappedFile(const unsigned char* data, std::size_t size) : data_(data), size_(size) {}
    const unsigned char* data_;
    std::size_t size_;
};

// The atlas's fonts. Keeps the font file (mapped once, shared by copies) and the glyph ranges,
// which ImGui reads during a build and must outlive it.
class FontSet {
public:
    static Result<FontSet> load(const FontFace& face);

    bool needs_build(const GlyphSet& glyphs, FontSizes sizes) const;
    // Clears and rebuilds the atlas. Call between frames only: ImFont pointers die with Clear().
    // A GPU renderer must re-upload the texture afterwards.
    void build(ImFontAtlas& atlas, const GlyphSet& glyphs, FontSizes sizes);

    ImFont* body() const { return body_; }
    ImFont* title() const { return title_; }

private:
    FontSet(FontFace face, std::shared_ptr<const MappedFile> file) : face_(std::move(face)), file_(std::move(file)) {}
    ImFont* add_font(ImFontAtlas& atlas, float px);

    FontFace face_;
    std::shared_ptr<const MappedFile> file_;
    // std::vector, not ImVector: ImVector has no move, and its copy memcpy()s from a null pointer
    // when empty (UBSan flags it in Debian's 1.86 header).
    std::vector<ImWchar> ranges_;
    FontSizes sizes_;
    std::uint64_t built_generation_ = 0;
    ImFont* body_ = nullptr;
    ImFont* title_ = nullptr;
};

// ---- implementation of the template ----

template <class Fn>
void for_each_code_point(std::string_view s, Fn&& fn) {
    constexpr char32_t kInvalid = 0xFFFD;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        const int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
            fn(kInvalid);
            ++i;
            continue;
        }
        char32_t c = len == 1 ? b0 : b0 & (0x7F >> len);
        bool ok = true;
        for (int k = 1; k < len; ++k) {
            const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            ok = ok && (b & 0xC0) == 0x80;
            c = (c << 6) | (b & 0x3F);
        }
        fn(ok ? c : kInvalid);
        i += ok ? static_cast<std::size_t>(len) : 1;
    }
}

}  // namespace gongshi::kiosk
