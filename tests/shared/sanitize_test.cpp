#include <gtest/gtest.h>

#include "gongshi/sanitize.hpp"
#include "gongshi/text.hpp"

using namespace gongshi;

TEST(Sanitize, APasteOf5000CharactersIsCappedByCharacters) {
    std::string paste;
    for (int i = 0; i < 5000; ++i) paste += "修";
    auto r = clean_text(paste, 200);
    ASSERT_TRUE(r) << r.error();
    EXPECT_EQ(utf8_length(r->text), 200u);
    EXPECT_EQ(r->text.size(), 600u);  // three bytes each: characters were counted, not bytes
    EXPECT_TRUE(r->truncated);
    auto short_text = clean_text("修理水龙头", 200);
    EXPECT_FALSE(short_text->truncated);
    EXPECT_EQ(short_text->text, "修理水龙头");
}

TEST(Sanitize, ControlAndBidiCharactersAreStripped) {
    // U+202E (right-to-left override), U+2066 (isolate), a BEL, a tab, a NUL and a zero-width no-break space.
    const std::string hostile = std::string("修理\u202E水龙头\u2066\a\t") + '\0' + "\uFEFF谢谢";
    auto r = clean_text(hostile, 200);
    ASSERT_TRUE(r) << r.error();
    EXPECT_EQ(r->text, "修理水龙头谢谢");
    EXPECT_EQ(r->removed, 6u);
    auto lines = clean_text("第一行\n第二行\r", 200, /*keep_newlines=*/true);
    EXPECT_EQ(lines->text, "第一行\n第二行");
    EXPECT_EQ(clean_text("第一行\n第二行", 200)->text, "第一行第二行");
}

TEST(Sanitize, InvalidUtf8IsRejectedWithAClearMessage) {
    auto r = clean_text(std::string("修理\xff\xfe"), 200);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().find("not valid UTF-8"), std::string::npos);
    EXPECT_FALSE(clean_text(std::string("\xe4\xbf"), 200));  // a truncated sequence
}

TEST(Sanitize, TextIsNormalisedToNfc) {
    // "é" as e + combining acute becomes one character; full-width stays as typed (NFC, not NFKC).
    auto r = clean_text("Cafe\u0301 ＡＢ", 200);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->text, "Caf\u00e9 ＡＢ");
    EXPECT_EQ(utf8_length(r->text), 7u);
}

TEST(Sanitize, AStrippedControlDoesNotLeaveTheTextUnnormalised) {
    // Found by fuzz_sanitize: a BEL between "e" and a combining acute blocked NFC's composition,
    // and stripping it afterwards left "e" + U+0301. Cleaning again must change nothing.
    auto r = clean_text("Cafe\a\u0301", 200);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->text, "Caf\u00e9");
    EXPECT_EQ(r->removed, 1u);
    EXPECT_EQ(clean_text(r->text, 200)->text, r->text);
}

TEST(Sanitize, PhoneAndIdNumbersAreMasked) {
    EXPECT_EQ(mask_identifiers("请打13812345678联系"), "请打138****5678联系");
    EXPECT_EQ(mask_identifiers("身份证110105199001011234"), "身份证110105********1234");
    EXPECT_EQ(mask_identifiers("身份证11010519900101123X号"), "身份证110105********123X号");
    EXPECT_EQ(mask_identifiers("3号楼502室，2人"), "3号楼502室，2人");
    EXPECT_EQ(mask_identifiers("12345678901"), "12345678901") << "not a mobile prefix";
    EXPECT_EQ(mask_identifiers("1381234567890"), "1381234567890") << "13 digits is neither";
}

TEST(Sanitize, MobileNumbersAreElevenDigitsFrom13To19) {
    EXPECT_TRUE(valid_mainland_mobile("13812345678"));
    EXPECT_TRUE(valid_mainland_mobile("19912345678"));
    EXPECT_FALSE(valid_mainland_mobile("12812345678"));
    EXPECT_FALSE(valid_mainland_mobile("1381234567"));
    EXPECT_FALSE(valid_mainland_mobile("138123456789"));
    EXPECT_FALSE(valid_mainland_mobile("1381234567a"));
    EXPECT_FALSE(valid_mainland_mobile(""));
}

TEST(Sanitize, SensitiveWordsAreFoundNotRemoved) {
    const std::vector<std::string> words{"投诉", "上访", ""};
    const std::string text = "想投诉楼上漏水，投诉多次";
    EXPECT_EQ(sensitive_matches(text, words), std::vector<std::string>{"投诉"});
    EXPECT_TRUE(sensitive_matches("修理水龙头", words).empty());
}
