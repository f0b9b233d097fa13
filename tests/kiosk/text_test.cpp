#include <gtest/gtest.h>

#include "fonts.hpp"
#include "ui_strings.hpp"

namespace gongshi::kiosk {
namespace {

TEST(KioskUiStrings, EveryEntryHasText) {
    for (int i = 0; i < static_cast<int>(Str::count_); ++i) EXPECT_STRNE(text(static_cast<Str>(i)), "") << i;
}

TEST(KioskUiStrings, FormatFillsHolesInOrder) {
    EXPECT_EQ(format(Str::attract_members_registered, {"12", "30"}), "已报到党员 12 / 30 人");
    EXPECT_EQ(format(Str::updated_at, {}), "更新于 ");
    EXPECT_EQ(format(Str::offline, {"ignored"}), "离线");
}

TEST(KioskUtf8, DecodesAndReplacesMalformedBytes) {
    std::u32string out;
    for_each_code_point("a中\xF0\x9F\x98\x80\xFFz", [&](char32_t c) { out += c; });
    EXPECT_EQ(out, U"a中\U0001F600\uFFFDz");
    out.clear();
    for_each_code_point("\xE4\xB8", [&](char32_t c) { out += c; });  // cut short
    EXPECT_EQ(out, U"\uFFFD\uFFFD");
}

TEST(KioskGlyphSet, GrowsAndCountsCharactersOutsideTheBmp) {
    GlyphSet g;
    EXPECT_TRUE(g.contains('?'));
    EXPECT_TRUE(g.contains(kNonBmpReplacement));
    const auto before = g.generation();
    g.add_text("承诺");
    EXPECT_TRUE(g.contains(U'诺'));
    EXPECT_GT(g.generation(), before);
    const auto after = g.generation();
    g.add_text("承诺承诺");
    EXPECT_EQ(g.generation(), after);  // nothing new: no atlas rebuild
    g.add_text("𠮷𠮷😀");
    EXPECT_EQ(g.non_bmp_count(), 2u);
    EXPECT_EQ(g.generation(), after);
    const std::vector<ImWchar> ranges = g.ranges();
    ASSERT_GE(ranges.size(), 3u);
    EXPECT_EQ(ranges[0], 0x20);
    EXPECT_EQ(ranges[1], 0x7E);
    EXPECT_EQ(ranges.back(), 0);
}

}  // namespace
}  // namespace gongshi::kiosk
