#include "fonts.hpp"

#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <malloc.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>

namespace gongshi::kiosk {

namespace {

constexpr char32_t kBmpEnd = 0x10000;

struct FcPatternDeleter {
    void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using FcPatternPtr = std::unique_ptr<FcPattern, FcPatternDeleter>;

std::optional<FontFace> match_font(const char* pattern_text) {
    FcPatternPtr pattern(FcNameParse(reinterpret_cast<const FcChar8*>(pattern_text)));
    if (!pattern) return std::nullopt;
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    FcPatternPtr match(FcFontMatch(nullptr, pattern.get(), &result));
    if (!match || result != FcResultMatch) return std::nullopt;
    // fontconfig always answers with its best guess; make sure that one draws 中文.
    FcCharSet* charset = nullptr;
    if (FcPatternGetCharSet(match.get(), FC_CHARSET, 0, &charset) != FcResultMatch ||
        !FcCharSetHasChar(charset, U'中') || !FcCharSetHasChar(charset, U'诺'))
        return std::nullopt;
    FcChar8* file = nullptr;
    int index = 0;
    if (FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch) return std::nullopt;
    FcPatternGetInteger(match.get(), FC_INDEX, 0, &index);
    return FontFace{reinterpret_cast<const char*>(file), index};
}

}  // namespace

GlyphSet::GlyphSet() : bmp_(kBmpEnd, false) {
    for (char32_t c = 0x20; c < 0x7F; ++c) add(c);
    add(kNonBmpReplacement);
}

void GlyphSet::add(char32_t c) {
    if (c >= kBmpEnd) {
        for (char32_t seen : non_bmp_)
            if (seen == c) return;
        non_bmp_.push_back(c);
        return;
    }
    if (c < 0x20 || bmp_[c]) return;
    bmp_[c] = true;
    ++count_;
    ++generation_;
}

void GlyphSet::add_text(std::string_view utf8) {
    for_each_code_point(utf8, [this](char32_t c) { add(c); });
}

std::vector<ImWchar> GlyphSet::ranges() const {
    std::vector<ImWchar> out;
    for (char32_t c = 0; c < kBmpEnd; ++c) {
        if (!bmp_[c]) continue;
        char32_t last = c;
        while (last + 1 < kBmpEnd && bmp_[last + 1]) ++last;
        out.push_back(static_cast<ImWchar>(c));
        out.push_back(static_cast<ImWchar>(last));
        c = last;
    }
    out.push_back(0);
    return out;
}

Result<FontFace> find_cjk_font() {
    if (!FcInit()) return Result<FontFace>::failure("fontconfig failed to initialise");
    for (const char* pattern : {"Noto Sans CJK SC:lang=zh-cn", "WenQuanYi Micro Hei:lang=zh-cn", "sans-serif:lang=zh-cn"})
        if (auto face = match_font(pattern)) return *face;
    return Result<FontFace>::failure("no Chinese font found: install fonts-noto-cjk (or fonts-wqy-microhei)");
}

Result<MappedFile> MappedFile::open(const std::string& path) {
    using R = Result<MappedFile>;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return R::failure("cannot open " + path);
    struct stat st {};
    void* p = MAP_FAILED;
    if (::fstat(fd, &st) == 0 && st.st_size > 0)
        p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);  // the mapping keeps the file
    if (p == MAP_FAILED) return R::failure("cannot map " + path);
    return MappedFile(static_cast<const unsigned char*>(p), static_cast<std::size_t>(st.st_size));
}

MappedFile::~MappedFile() {
    if (data_ != nullptr) ::munmap(const_cast<unsigned char*>(data_), size_);
}

Result<FontSet> FontSet::load(const FontFace& face) {
    auto file = MappedFile::open(face.path);
    if (!file) return Result<FontSet>::failure("font: " + file.error());
    return FontSet(face, std::make_shared<const MappedFile>(std::move(file.value())));
}

bool FontSet::needs_build(const GlyphSet& glyphs, FontSizes sizes) const {
    return body_ == nullptr || sizes != sizes_ || glyphs.generation() != built_generation_;
}

ImFont* FontSet::add_font(ImFontAtlas& atlas, float px) {
    ImFontConfig config;
    config.FontNo = face_.index;
    // ImGui 1.86 copies the bytes when it does not own them; the copy is dropped after the build
    // (ClearInputData) and the mapping stays for the next rebuild.
    config.FontDataOwnedByAtlas = false;
    // Horizontal oversampling triples the atlas; at 28 px and above CJK strokes do not need it.
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(file_->data()), static_cast<int>(file_->size()), px,
                                      &config, ranges_.data());
}

void FontSet::build(ImFontAtlas& atlas, const GlyphSet& glyphs, FontSizes sizes) {
    atlas.Clear();
    ranges_ = glyphs.ranges();
    body_ = add_font(atlas, sizes.body_px);
    title_ = add_font(atlas, sizes.title_px);
    atlas.Build();
    // ImGui decodes non-BMP characters to U+FFFD; draw that as the deliberate replacement mark
    // rather than the '?' that signals a glyph we forgot.
    for (ImFont* font : {body_, title_}) font->AddRemapChar(0xFFFD, static_cast<ImWchar>(kNonBmpReplacement));
    // The glyphs are baked: free the two 20 MB copies of the font file the build worked from, and
    // hand the pages back (malloc would keep them resident until the next rebuild).
    atlas.ClearInputData();
    malloc_trim(0);
    sizes_ = sizes;
    built_generation_ = glyphs.generation();
}

}  // namespace gongshi::kiosk
