#include <gtest/gtest.h>

#include "theme.hpp"

namespace gongshi::kiosk {
namespace {

TEST(KioskTheme, ContrastFormulaMatchesWcag) {
    EXPECT_NEAR(contrast_ratio({0, 0, 0}, {255, 255, 255}), 21.0, 1e-9);
    EXPECT_NEAR(contrast_ratio({0x77, 0x77, 0x77}, {255, 255, 255}), 4.48, 0.01);
    EXPECT_NEAR(contrast_ratio({10, 20, 30}, {10, 20, 30}), 1.0, 1e-9);
}

TEST(KioskTheme, EveryTextColourReadsOnItsBackground) {
    for (ThemeMode mode : {ThemeMode::standard, ThemeMode::high_contrast}) {
        const Theme t = make_theme(mode, TextSize::normal, ImVec2(1920, 1080));
        for (const ColorPair& pair : text_color_pairs(t.colors))
            EXPECT_GE(contrast_ratio(pair.text, pair.background), mode == ThemeMode::high_contrast ? 7.0 : 4.5)
                << pair.what << (mode == ThemeMode::high_contrast ? " (high contrast)" : "");
    }
}

TEST(KioskTheme, PartyRedIsTheAccent) {
    const Theme t = make_theme(ThemeMode::standard, TextSize::normal, ImVec2(1920, 1080));
    EXPECT_EQ(t.colors.accent.r, 0xC8);
    EXPECT_EQ(t.colors.accent.g, 0x16);
    EXPECT_EQ(t.colors.accent.b, 0x1D);
    // An accent, not a flood: no large surface is red.
    for (Rgb fill : {t.colors.background, t.colors.surface, t.colors.bar}) EXPECT_NE(fill, t.colors.accent);
}

TEST(KioskTheme, TouchSizesAtTenEightyLines) {
    for (ImVec2 size : {ImVec2(1920, 1080), ImVec2(1080, 1920)})
        for (TextSize text : {TextSize::normal, TextSize::large}) {
            const Theme t = make_theme(ThemeMode::standard, text, size);
            EXPECT_GE(t.body_px, 28.0f);
            EXPECT_GE(t.min_target_px, 64.0f);
            EXPECT_GT(t.title_px, t.body_px);
            EXPECT_EQ(t.em(2.0f), 2.0f * t.body_px);
        }
    const Theme normal = make_theme(ThemeMode::standard, TextSize::normal, ImVec2(1920, 1080));
    const Theme large = make_theme(ThemeMode::standard, TextSize::large, ImVec2(1920, 1080));
    EXPECT_GE(large.body_px, normal.body_px * 1.2f);
    // Orientation does not change the sizes: they follow the short side.
    EXPECT_EQ(make_theme(ThemeMode::standard, TextSize::normal, ImVec2(1080, 1920)).body_px, normal.body_px);
}

}  // namespace
}  // namespace gongshi::kiosk
