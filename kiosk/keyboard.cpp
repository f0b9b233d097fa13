#include "keyboard.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <array>

#include "gongshi/text.hpp"
#include "ui_strings.hpp"

namespace gongshi::kiosk {

namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The first `n` characters of UTF-8 text, in bytes.
std::size_t prefix_bytes(std::string_view s, std::size_t n) {
    std::size_t i = 0;
    for (std::size_t chars = 0; i < s.size(); ++i)
        if (!continuation_byte(s[i]) && chars++ == n) break;
    return i;
}

// The rows of the text layout; the digit row is always there, so digits need no layout switch.
constexpr std::array<std::string_view, 4> kRows = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
constexpr std::string_view kNumericPad = "123456789";

void take(KeyboardState& kb, Typing& typing, ime::Snapshot snapshot) {
    kb.field.insert(snapshot.committed);
    if (!snapshot.composing()) kb.typed.clear();
    // The next frame draws these: the atlas is rebuilt between frames when they are new.
    typing.glyphs.add_text(snapshot.preedit);
    for (const ime::Candidate& c : snapshot.candidates) typing.glyphs.add_text(c.text);
    kb.ime = std::move(snapshot);
}

bool pinyin_active(const KeyboardState& kb, Typing& typing) {
    return kb.layout == KeyboardLayout::text && kb.pinyin && typing.engine.state() == ime::DeployState::ready;
}

float key_height(const Ui& ui) { return std::max(ui.theme.em(2.1f), ui.theme.min_target_px); }
float key_gap(const Ui& ui) { return ui.theme.em(0.25f); }

// The candidate bar: the composition, then the candidates of this page as keys, then paging.
std::optional<KeyPress> draw_candidate_bar(const KeyboardState& kb, Typing& typing, Ui& ui, ImVec2 origin, float width) {
    const Theme& t = ui.theme;
    const float h = key_height(ui), gap = key_gap(ui);
    ImGui::SetCursorScreenPos(origin);
    if (kb.layout == KeyboardLayout::text && kb.pinyin && typing.engine.state() != ime::DeployState::ready) {
        const bool failed = typing.engine.state() == ime::DeployState::failed;
        ImGui::SetCursorScreenPos(origin + ImVec2(0, (h - ui.body->FontSize) * 0.5f));
        draw_text(ui.body, t.colors.text_muted, text(failed ? Str::kb_unavailable : Str::kb_preparing));
        return std::nullopt;
    }
    if (!kb.ime.composing()) return std::nullopt;
    std::optional<KeyPress> pressed;
    const float page_w = t.em(4.0f);
    const float paging = 2 * (page_w + gap);
    // The composition as librime shows it, e.g. "shui long tou", so the resident sees what was typed.
    const float pre_w = std::min(ui.body->CalcTextSizeA(ui.body->FontSize, FLT_MAX, 0, kb.ime.preedit.c_str()).x,
                                 width * 0.3f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec4 clip(origin.x, origin.y, origin.x + pre_w, origin.y + h);
    dl->AddText(ui.body, ui.body->FontSize, origin + ImVec2(0, (h - ui.body->FontSize) * 0.5f), to_u32(t.colors.accent),
                kb.ime.preedit.c_str(), nullptr, 0, &clip);
    float x = origin.x + pre_w + gap * 2;
    const float right = origin.x + width - paging;
    for (std::size_t i = 0; i < kb.ime.candidates.size(); ++i) {
        const std::string& c = kb.ime.candidates[i].text;
        const float w = std::max(t.min_target_px, ui.body->CalcTextSizeA(ui.body->FontSize, FLT_MAX, 0, c.c_str()).x + t.em(1.0f));
        if (x + w > right) break;  // the rest waits for the next page
        ImGui::SetCursorScreenPos(ImVec2(x, origin.y));
        const std::string id = c + "##cand" + std::to_string(i);
        if (touch_key(ui, id.c_str(), c, TapKind::candidate, ImVec2(w, h), i == 0))
            pressed = KeyPress{KeyCode::candidate, 0, static_cast<int>(i)};
        x += w + gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x + width - paging + gap, origin.y));
    if (kb.ime.page > 0 && touch_key(ui, text(Str::kb_prev_page), "prev-page", TapKind::key, ImVec2(page_w, h)))
        pressed = KeyPress{KeyCode::prev_page};
    ImGui::SetCursorScreenPos(ImVec2(origin.x + width - page_w, origin.y));
    if (!kb.ime.is_last_page && touch_key(ui, text(Str::kb_next_page), "next-page", TapKind::key, ImVec2(page_w, h)))
        pressed = KeyPress{KeyCode::next_page};
    return pressed;
}

std::optional<KeyPress> draw_text_keys(const KeyboardState& kb, Ui& ui, ImVec2 origin, float width) {
    const float h = key_height(ui), gap = key_gap(ui);
    const float unit = (width - 9 * gap) / 10;  // ten keys to the widest row
    std::optional<KeyPress> pressed;
    auto key = [&](const char* label, std::string_view tap_label, float x, float y, float w, KeyPress press,
                   bool accent = false) {
        ImGui::SetCursorScreenPos(ImVec2(x, y));
        if (touch_key(ui, label, tap_label, TapKind::key, ImVec2(w, h), accent)) pressed = press;
    };
    float y = origin.y;
    for (std::size_t r = 0; r < kRows.size(); ++r, y += h + gap) {
        const std::string_view row = kRows[r];
        // The home row is offset by half a key, as on a physical keyboard.
        float x = origin.x + (r == 2 ? (unit + gap) * 0.5f : 0.0f);
        for (char ch : row) {
            const char label[2] = {ch, 0};
            key(label, std::string_view(label, 1), x, y, unit, KeyPress{KeyCode::character, ch});
            x += unit + gap;
        }
        if (r == 3) key(text(Str::kb_backspace), "backspace", x, y, origin.x + width - x, KeyPress{KeyCode::backspace});
    }
    const float side = unit * 2 + gap;
    float x = origin.x;
    key(text(kb.pinyin ? Str::kb_mode_pinyin : Str::kb_mode_ascii), "mode", x, y, side, KeyPress{KeyCode::mode}, kb.pinyin);
    x += side + gap;
    const float space_w = width - 3 * (side + gap);
    key(text(Str::kb_space), "space", x, y, space_w, KeyPress{KeyCode::space});
    x += space_w + gap;
    key(text(Str::kb_clear), "clear", x, y, side, KeyPress{KeyCode::clear});
    x += side + gap;
    key(text(Str::kb_done), "done", x, y, side, KeyPress{KeyCode::done}, true);
    return pressed;
}

std::optional<KeyPress> draw_numeric_keys(Ui& ui, ImVec2 origin, float width) {
    const float h = key_height(ui), gap = key_gap(ui);
    const float w = (width - 2 * gap) / 3;
    std::optional<KeyPress> pressed;
    auto key = [&](const char* label, std::string_view tap_label, int col, int row, KeyPress press, bool accent = false) {
        ImGui::SetCursorScreenPos(origin + ImVec2(static_cast<float>(col) * (w + gap), static_cast<float>(row) * (h + gap)));
        if (touch_key(ui, label, tap_label, TapKind::key, ImVec2(w, h), accent)) pressed = press;
    };
    for (int i = 0; i < 9; ++i) {
        const char label[2] = {kNumericPad[static_cast<std::size_t>(i)], 0};
        key(label, std::string_view(label, 1), i % 3, i / 3, KeyPress{KeyCode::character, label[0]});
    }
    key(text(Str::kb_clear), "clear", 0, 3, KeyPress{KeyCode::clear});
    key("0", "0", 1, 3, KeyPress{KeyCode::character, '0'});
    key(text(Str::kb_backspace), "backspace", 2, 3, KeyPress{KeyCode::backspace});
    key(text(Str::kb_done), "done", 0, 4, KeyPress{KeyCode::done}, true);
    return pressed;
}

}  // namespace

bool TextField::insert(std::string_view s) {
    const std::size_t room = max_chars > chars() ? max_chars - chars() : 0;
    const std::size_t bytes = prefix_bytes(s, room);
    text.insert(caret, s.substr(0, bytes));
    caret += bytes;
    return bytes == s.size();
}

bool TextField::erase_before_caret() {
    if (caret == 0) return false;
    std::size_t start = caret - 1;
    while (start > 0 && continuation_byte(text[start])) --start;
    text.erase(start, caret - start);
    caret = start;
    return true;
}

void TextField::clear() {
    text.clear();
    caret = 0;
}

std::size_t TextField::chars() const { return utf8_length(text); }

void KeyboardState::clear() {
    field.clear();
    ime = {};
    typed.clear();
}

std::filesystem::path ime_data_dir(const std::string& cache_path) {
    return std::filesystem::absolute(cache_path).parent_path() / "rime";
}

bool apply_key(KeyboardState& kb, Typing& typing, const KeyPress& key) {
    const bool pinyin = pinyin_active(kb, typing);
    const bool composing = pinyin && kb.ime.composing();
    ime::PinyinEngine& engine = typing.engine;
    switch (key.code) {
    case KeyCode::character:
        if (pinyin && key.ch >= 'a' && key.ch <= 'z') {
            // Letters past the cap would only compose text that cannot be committed.
            if (kb.field.chars() >= kb.field.max_chars) return false;
            kb.typed += key.ch;
            take(kb, typing, engine.press(key.ch));
            return true;
        }
        return kb.field.insert(std::string(1, key.ch));
    case KeyCode::space:
        if (composing) {
            take(kb, typing, engine.space());
            return true;
        }
        return kb.layout == KeyboardLayout::text && kb.field.insert(" ");
    case KeyCode::backspace:
        // The composition first, then the text.
        if (composing) {
            if (!kb.typed.empty()) kb.typed.pop_back();
            take(kb, typing, engine.backspace());
            return true;
        }
        return kb.field.erase_before_caret();
    case KeyCode::clear:
        if (pinyin) take(kb, typing, engine.clear());
        kb.clear();
        return true;
    case KeyCode::mode:
        // Leaving pinyin keeps what was typed: the letters go into the field as they are.
        if (composing) {
            const std::string letters = kb.typed;
            take(kb, typing, engine.clear());
            kb.field.insert(letters);
        }
        kb.pinyin = !kb.pinyin;
        kb.typed.clear();
        return true;
    case KeyCode::prev_page:
        if (composing) take(kb, typing, engine.page_up());
        return false;
    case KeyCode::next_page:
        if (composing) take(kb, typing, engine.page_down());
        return false;
    case KeyCode::candidate:
        if (!composing) return false;
        take(kb, typing, engine.pick(key.candidate));
        return true;
    case KeyCode::done:
        // A half-typed composition is kept as the letters typed, never silently dropped.
        if (composing) {
            const std::string letters = kb.typed;
            take(kb, typing, engine.clear());
            kb.field.insert(letters);
        }
        return false;
    }
    return false;
}

float keyboard_height(const Ui& ui, KeyboardLayout layout) {
    const float h = key_height(ui), gap = key_gap(ui);
    return layout == KeyboardLayout::text ? 6 * h + 6 * gap : 5 * h + 4 * gap;
}

std::optional<KeyPress> draw_keyboard(KeyboardState& kb, Typing& typing, Ui& ui, float width) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float height = keyboard_height(ui, kb.layout);
    std::optional<KeyPress> pressed;
    if (kb.layout == KeyboardLayout::text) {
        pressed = draw_candidate_bar(kb, typing, ui, origin, width);
        const float bar = key_height(ui) + key_gap(ui);
        if (auto k = draw_text_keys(kb, ui, origin + ImVec2(0, bar), width)) pressed = k;
    } else {
        pressed = draw_numeric_keys(ui, origin, width);
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, height));
    if (pressed) apply_key(kb, typing, *pressed);
    return pressed;
}

bool draw_text_field(Ui& ui, const KeyboardState& kb, std::string_view tap_label, const char* hint, ImVec2 size,
                     bool focused) {
    const Theme& t = ui.theme;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const std::string id = "##field" + std::string(tap_label);
    const bool tapped = touch_key(ui, id.c_str(), tap_label, TapKind::button, size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (focused) dl->AddRect(min, min + size, to_u32(t.colors.accent), t.em(0.35f), 0, 3.0f);
    const float pad = t.em(0.6f), y = min.y + (size.y - ui.body->FontSize) * 0.5f;
    const ImVec4 clip(min.x + pad, min.y, min.x + size.x - pad, min.y + size.y);
    if (kb.field.text.empty() && !kb.ime.composing()) {
        dl->AddText(ui.body, ui.body->FontSize, ImVec2(min.x + pad, y), to_u32(t.colors.text_muted), hint, nullptr, 0, &clip);
        if (focused) dl->AddRectFilled(ImVec2(min.x + pad, y), ImVec2(min.x + pad + 3, y + ui.body->FontSize), to_u32(t.colors.text));
        return tapped;
    }
    const std::string& s = kb.field.text;
    const char* caret = s.c_str() + kb.field.caret;
    auto width_of = [&](const char* b, const char* e) { return ui.body->CalcTextSizeA(ui.body->FontSize, FLT_MAX, 0, b, e).x; };
    // Keep the caret in view: a long text scrolls left inside the box.
    const float before = width_of(s.c_str(), caret);
    const float shift = std::max(0.0f, before + t.em(4.0f) - (size.x - 2 * pad));
    float x = min.x + pad - shift;
    dl->AddText(ui.body, ui.body->FontSize, ImVec2(x, y), to_u32(t.colors.text), s.c_str(), caret, 0, &clip);
    x += before;
    if (kb.ime.composing()) {
        // The composition sits at the caret, underlined, until a candidate commits it.
        const float w = width_of(kb.typed.c_str(), nullptr);
        dl->AddText(ui.body, ui.body->FontSize, ImVec2(x, y), to_u32(t.colors.accent), kb.typed.c_str(), nullptr, 0, &clip);
        dl->AddLine(ImVec2(x, y + ui.body->FontSize + 2), ImVec2(x + w, y + ui.body->FontSize + 2), to_u32(t.colors.accent), 2.0f);
        x += w;
    }
    if (focused) dl->AddRectFilled(ImVec2(x, y), ImVec2(x + 3, y + ui.body->FontSize), to_u32(t.colors.text));
    dl->AddText(ui.body, ui.body->FontSize, ImVec2(x + 4, y), to_u32(t.colors.text), caret, s.c_str() + s.size(), 0, &clip);
    return tapped;
}

}  // namespace gongshi::kiosk
