// Every character the kiosk can draw from the UI table and the community demo data has a glyph
// in the atlas it builds; characters outside the BMP are drawn as the replacement mark and counted.
#include <nlohmann/json.hpp>

#include "kiosk_fixture.hpp"

namespace gongshi::kiosk::test {
namespace {

void collect_strings(const nlohmann::json& j, std::vector<std::string>& out) {
    if (j.is_string()) out.push_back(j.get<std::string>());
    if (j.is_array() || j.is_object())
        for (const auto& item : j) collect_strings(item, out);
}

std::vector<std::string> demo_texts(const DemoData& demo) {
    std::vector<std::string> out;
    for (const Entity& e : demo.entities) collect_strings(encode(e), out);
    return out;
}

TEST_F(KioskTest, EveryUiStringAndDemoTextHasAGlyph) {
    start_with_demo();
    const std::vector<std::string> texts = demo_texts(demo);
    // What later screens will do through the glyph hook when they load their view models.
    for (const std::string& t : texts) app->glyphs.add_text(t);
    ui->frame(std::nullopt);  // the atlas is rebuilt between frames

    std::size_t checked = 0, replaced = 0;
    auto check = [&](std::string_view s) {
        for_each_code_point(s, [&](char32_t c) {
            if (c < 0x20) return;
            ++checked;
            if (c > 0xFFFF) {
                ++replaced;
                // ImGui decodes it to U+FFFD, which must show the deliberate mark, not '?'.
                for (ImFont* font : {app->fonts.body(), app->fonts.title()})
                    EXPECT_EQ(font->FindGlyph(0xFFFD)->Codepoint, kNonBmpReplacement);
                return;
            }
            for (ImFont* font : {app->fonts.body(), app->fonts.title()})
                EXPECT_NE(font->FindGlyphNoFallback(static_cast<ImWchar>(c)), nullptr)
                    << "U+" << std::hex << static_cast<unsigned>(c) << " in \"" << s << "\"";
        });
    };
    for (int i = 0; i < static_cast<int>(Str::count_); ++i) check(text(static_cast<Str>(i)));
    for (const std::string& t : texts) check(t);
    EXPECT_GT(checked, 10000u);
    EXPECT_EQ(replaced > 0, app->glyphs.non_bmp_count() > 0);  // the set counted what the walk found
    std::cout << "glyph coverage: " << checked << " characters checked, " << app->glyphs.size()
              << " glyphs in the set, " << replaced << " outside the BMP drawn as 〓 ("
              << app->glyphs.non_bmp_count() << " distinct)\n";
}

TEST_F(KioskTest, MissingGlyphIsTheQuestionMarkAndNonBmpTheMark) {
    start();
    EXPECT_EQ(app->fonts.body()->FallbackChar, '?');  // a forgotten glyph is visible, and a bug
    app->glyphs.add_text("吉𠮷");
    EXPECT_EQ(app->glyphs.non_bmp_count(), 1u);
    ui->frame(std::nullopt);
    EXPECT_NE(app->fonts.body()->FindGlyphNoFallback(U'吉'), nullptr);
    EXPECT_EQ(app->fonts.body()->FindGlyph(0xFFFD)->Codepoint, kNonBmpReplacement);
}

TEST_F(KioskTest, NewTextRebuildsTheAtlasBetweenFrames) {
    start();
    EXPECT_EQ(app->fonts.body()->FindGlyphNoFallback(U'龘'), nullptr);
    app->glyphs.add_text("龘");
    ui->frame(std::nullopt);
    EXPECT_NE(app->fonts.body()->FindGlyphNoFallback(U'龘'), nullptr);
}

}  // namespace
}  // namespace gongshi::kiosk::test
