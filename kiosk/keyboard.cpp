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

// The text layout has eleven columns: ten letters or digits and a column of Chinese punctuation
// (Str::kb_punctuation, one key per character: ，。 on the first two rows, ？！ and 、： after
// the letters of the next two). The digit row is always there, so digits need no layout switch.
constexpr std::array<std::string_view, 4> kRows = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
constexpr std::array<std::size_t, 4> kMarksPerRow = {1, 1, 2, 2};
constexpr float kColumns = 11;
constexpr std::string_view kNumericPad = "123456789";

// The punctuation keys' marks, in key order (split once: the UI string table is fixed).
const std::vector<std::string_view>& punctuation_marks() {
    static const std::vector<std::string_view> marks = [] {
        const std::string_view all = text(Str::kb_punctuation);
        std::vector<std::string_view> out;
        for (std::size_t i = 0; i < all.size();) {
            std::size_t end = i + 1;
            while (end < all.size() && continuation_byte(all[end])) ++end;
            out.push_back(all.substr(i, end - i));
            i = end;
        }
        return out;
    }();
    return marks;
}

void take(KeyboardState& kb, Typing& typing, ime::Snapshot snapshot) {
    kb.field.insert(snapshot.committed);
    if (!snapshot.composing()) kb.typed.clear();
    // The next frame draws these: the atlas is rebuilt between frames when they are new.
    typing.glyphs.add_text(snapshot.preedit);
    for (const ime::Candidate& c : snapshot.candidates) typing.glyphs.add_text(c.text);
    kb.ime = std::move(snapshot);
}

bool pinyin_active(const KeyboardState& kb, Typing& typing) {
    return kb.layout == KeyboardLayout::text && kb.pinyin && !kb.handwriting &&
           typing.engine.state() == ime::DeployState::ready;
}

// Leaving pinyin (another input, or done) keeps what was typed: the letters go into the field
// as they are, never silently dropped, and nothing is left composing.
void keep_composition_as_letters(KeyboardState& kb, Typing& typing) {
    if (pinyin_active(kb, typing) && kb.ime.composing()) {
        const std::string letters = kb.typed;
        take(kb, typing, typing.engine.clear());
        kb.field.insert(letters);
    }
    kb.typed.clear();
}

// The index-th candidate the recogniser read goes into the field; the pad is cleared for the next.
void commit_written(KeyboardState& kb, std::size_t index) {
    kb.field.insert(kb.written[index]);
    kb.clear_pad();
}

void recognize(KeyboardState& kb, Typing& typing) {
    if (kb.strokes.empty()) {
        kb.clear_pad();
        return;
    }
    if (typing.handwriting != nullptr)
        kb.recognition = typing.handwriting->worker.submit(kb.strokes, kPadCanvas, kHandwritingCandidates);
}

// Commits what the candidate bar offers first (pinyin or handwriting); false when it offers nothing.
bool commit_first(KeyboardState& kb, Typing& typing) {
    if (kb.handwriting) {
        if (kb.written.empty()) return false;
        commit_written(kb, 0);
        return true;
    }
    if (!pinyin_active(kb, typing) || !kb.ime.composing()) return false;
    take(kb, typing, typing.engine.space());
    return true;
}

// The result the keyboard waits for, once it is in (see on_recognized).
void adopt_recognition(KeyboardState& kb, const Typing& typing) {
    if (kb.recognition == 0 || typing.handwriting == nullptr) return;
    const std::optional<ime::RecognitionResult>& r = typing.handwriting->latest;
    if (!r || r->request != kb.recognition) return;
    kb.written.clear();
    for (const ime::HandwritingCandidate& c : r->candidates) kb.written.push_back(c.text);
    kb.recognition = 0;
}

float key_height(const Ui& ui) { return std::max(ui.theme.em(2.1f), ui.theme.min_target_px); }
float key_gap(const Ui& ui) { return ui.theme.em(0.25f); }
// The rows below the candidate bar, letters or pad.
float body_height(const Ui& ui) { return 5 * key_height(ui) + 4 * key_gap(ui); }

// Candidates as keys from x to `right`, as many as fit; the rest waits for the next page.
std::optional<KeyPress> draw_candidate_keys(Ui& ui, const std::vector<std::string_view>& candidates, ImVec2 pos,
                                            float right) {
    const Theme& t = ui.theme;
    const float h = key_height(ui), gap = key_gap(ui);
    std::optional<KeyPress> pressed;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const std::string c(candidates[i]);
        const float w = std::max(t.min_target_px, ui.body->CalcTextSizeA(ui.body->FontSize, FLT_MAX, 0, c.c_str()).x + t.em(1.0f));
        if (pos.x + w > right) break;
        ImGui::SetCursorScreenPos(pos);
        const std::string id = c + "##cand" + std::to_string(i);
        if (touch_key(ui, id.c_str(), c, TapKind::candidate, ImVec2(w, h), i == 0))
            pressed = KeyPress{KeyCode::candidate, 0, static_cast<int>(i)};
        pos.x += w + gap;
    }
    return pressed;
}

void draw_bar_message(Ui& ui, ImVec2 origin, Str message) {
    ImGui::SetCursorScreenPos(origin + ImVec2(0, (key_height(ui) - ui.body->FontSize) * 0.5f));
    draw_text(ui.body, ui.theme.colors.text_muted, text(message));
}

// Handwriting: what the recogniser read, or why there is nothing yet.
std::optional<KeyPress> draw_written_bar(const KeyboardState& kb, const Typing& typing, Ui& ui, ImVec2 origin,
                                         float width) {
    if (kb.written.empty()) {
        if (typing.handwriting != nullptr && !typing.handwriting->error.empty()) draw_bar_message(ui, origin, Str::kb_hw_unavailable);
        else if (kb.recognition != 0) draw_bar_message(ui, origin, Str::kb_hw_recognizing);
        return std::nullopt;
    }
    return draw_candidate_keys(ui, std::vector<std::string_view>(kb.written.begin(), kb.written.end()), origin,
                               origin.x + width);
}

// The candidate bar: the composition, then the candidates of this page as keys, then paging.
std::optional<KeyPress> draw_candidate_bar(const KeyboardState& kb, Typing& typing, Ui& ui, ImVec2 origin, float width) {
    if (kb.handwriting) return draw_written_bar(kb, typing, ui, origin, width);
    const Theme& t = ui.theme;
    const float h = key_height(ui), gap = key_gap(ui);
    if (kb.layout == KeyboardLayout::text && kb.pinyin && typing.engine.state() != ime::DeployState::ready) {
        const bool failed = typing.engine.state() == ime::DeployState::failed;
        draw_bar_message(ui, origin, failed ? Str::kb_unavailable : Str::kb_preparing);
        return std::nullopt;
    }
    if (!kb.ime.composing()) return std::nullopt;
    const float page_w = t.em(4.0f);
    const float paging = 2 * (page_w + gap);
    // The composition as librime shows it, e.g. "shui long tou", so the resident sees what was typed.
    const float pre_w = std::min(ui.body->CalcTextSizeA(ui.body->FontSize, FLT_MAX, 0, kb.ime.preedit.c_str()).x,
                                 width * 0.3f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec4 clip(origin.x, origin.y, origin.x + pre_w, origin.y + h);
    dl->AddText(ui.body, ui.body->FontSize, origin + ImVec2(0, (h - ui.body->FontSize) * 0.5f), to_u32(t.colors.accent),
                kb.ime.preedit.c_str(), nullptr, 0, &clip);
    std::vector<std::string_view> candidates;
    for (const ime::Candidate& c : kb.ime.candidates) candidates.push_back(c.text);
    std::optional<KeyPress> pressed =
        draw_candidate_keys(ui, candidates, ImVec2(origin.x + pre_w + gap * 2, origin.y), origin.x + width - paging);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + width - paging + gap, origin.y));
    if (kb.ime.page > 0 && touch_key(ui, text(Str::kb_prev_page), "prev-page", TapKind::key, ImVec2(page_w, h)))
        pressed = KeyPress{KeyCode::prev_page};
    ImGui::SetCursorScreenPos(ImVec2(origin.x + width - page_w, origin.y));
    if (!kb.ime.is_last_page && touch_key(ui, text(Str::kb_next_page), "next-page", TapKind::key, ImVec2(page_w, h)))
        pressed = KeyPress{KeyCode::next_page};
    return pressed;
}

// Places keys and remembers the one tapped this frame.
struct KeyPlacer {
    Ui& ui;
    float h;
    std::optional<KeyPress> pressed;
    void key(const char* label, std::string_view tap_label, ImVec2 pos, float w, KeyPress press, bool accent = false) {
        ImGui::SetCursorScreenPos(pos);
        if (touch_key(ui, label, tap_label, TapKind::key, ImVec2(w, h), accent)) pressed = press;
    }
    void mark(std::string_view m, ImVec2 pos, float w) {
        const std::string label(m);
        key(label.c_str(), m, pos, w, KeyPress{KeyCode::punctuation, 0, 0, m});
    }
};

std::optional<KeyPress> draw_text_keys(const KeyboardState& kb, const Typing& typing, Ui& ui, ImVec2 origin, float width) {
    const float h = key_height(ui), gap = key_gap(ui);
    const float unit = (width - (kColumns - 1) * gap) / kColumns;
    const std::vector<std::string_view>& marks = punctuation_marks();
    KeyPlacer keys{ui, h, std::nullopt};
    float y = origin.y;
    std::size_t next_mark = 0;
    for (std::size_t r = 0; r < kRows.size(); ++r, y += h + gap) {
        float x = origin.x;
        for (char ch : kRows[r]) {
            const char label[2] = {ch, 0};
            keys.key(label, std::string_view(label, 1), ImVec2(x, y), unit, KeyPress{KeyCode::character, ch});
            x += unit + gap;
        }
        for (std::size_t m = 0; m < kMarksPerRow[r] && next_mark < marks.size(); ++m, x += unit + gap)
            keys.mark(marks[next_mark++], ImVec2(x, y), unit);
        if (r == 3) keys.key(text(Str::kb_backspace), "backspace", ImVec2(x, y), origin.x + width - x, KeyPress{KeyCode::backspace});
    }
    const float side = unit * 2 + gap;
    float x = origin.x;
    keys.key(text(kb.pinyin ? Str::kb_mode_pinyin : Str::kb_mode_ascii), "mode", ImVec2(x, y), side,
             KeyPress{KeyCode::mode}, kb.pinyin);
    x += side + gap;
    if (typing.handwriting != nullptr) {
        keys.key(text(Str::kb_handwriting), "handwriting", ImVec2(x, y), side, KeyPress{KeyCode::handwriting});
        x += side + gap;
    }
    const int after_space = kb.field.multiline ? 3 : 2;
    const float space_w = origin.x + width - x - static_cast<float>(after_space) * (side + gap);
    keys.key(text(Str::kb_space), "space", ImVec2(x, y), space_w, KeyPress{KeyCode::space});
    x += space_w + gap;
    if (kb.field.multiline) {
        keys.key(text(Str::kb_newline), "newline", ImVec2(x, y), side, KeyPress{KeyCode::newline});
        x += side + gap;
    }
    keys.key(text(Str::kb_clear), "clear", ImVec2(x, y), side, KeyPress{KeyCode::clear});
    x += side + gap;
    keys.key(text(Str::kb_done), "done", ImVec2(x, y), side, KeyPress{KeyCode::done}, true);
    return keys.pressed;
}

// The pad: the strokes so far, each drawn while the finger draws it. Its press is its own: no list
// scrolls under it and no key fires. Returns true when a stroke ended this frame.
bool draw_pad(KeyboardState& kb, Ui& ui, ImVec2 min, float side) {
    const Theme& t = ui.theme;
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const ImGuiID id = window->GetID("##handwriting-pad");
    const ImRect box(min, min + ImVec2(side, side));
    ImGui::SetCursorScreenPos(min);
    ImGui::ItemSize(box.GetSize());
    if (!ImGui::ItemAdd(box, id)) return false;
    bool hovered = false, held = false;
    ImGui::ButtonBehavior(box, id, &hovered, &held);
    register_last_item(ui, kPadTapLabel, TapKind::key);
    bool ended = false;
    if (held) {
        ui.scrolls.claim_drag(id);
        if (!kb.drawing) kb.strokes.emplace_back();
        kb.drawing = true;
        // A finger sliding off the pad keeps drawing along its edge.
        const ImVec2 p = ImClamp(ImGui::GetIO().MousePos, box.Min, box.Max) - box.Min;
        const auto to_canvas = [side](float v) { return static_cast<int>(v / side * (kPadCanvas - 1)); };
        const ime::Point point{to_canvas(p.x), to_canvas(p.y)};
        ime::Stroke& stroke = kb.strokes.back();
        if (stroke.empty() || stroke.back().x != point.x || stroke.back().y != point.y) stroke.push_back(point);
    } else if (kb.drawing) {
        kb.drawing = false;
        ended = true;
    }

    ImDrawList* dl = window->DrawList;
    dl->AddRectFilled(box.Min, box.Max, to_u32(t.colors.surface), t.em(0.35f));
    dl->AddRect(box.Min, box.Max, to_u32(t.colors.border), t.em(0.35f), 0, 2.0f);
    // 米字格-style guides help place a character in the middle, as on practice paper.
    const ImVec2 c = box.GetCenter();
    dl->AddLine(ImVec2(box.Min.x, c.y), ImVec2(box.Max.x, c.y), to_u32(t.colors.border), 1.0f);
    dl->AddLine(ImVec2(c.x, box.Min.y), ImVec2(c.x, box.Max.y), to_u32(t.colors.border), 1.0f);
    if (kb.strokes.empty()) {
        const char* hint = text(Str::kb_hw_hint);
        const ImVec2 size = ui.body->CalcTextSizeA(ui.body->FontSize, FLT_MAX, 0, hint);
        dl->AddText(ui.body, ui.body->FontSize, ImVec2(c.x - size.x * 0.5f, box.Min.y + t.em(0.5f)),
                    to_u32(t.colors.text_muted), hint);
    }
    const float scale = side / (kPadCanvas - 1), thickness = std::max(4.0f, t.em(0.22f));
    std::vector<ImVec2> points;
    for (const ime::Stroke& stroke : kb.strokes) {
        points.clear();
        for (const ime::Point& p : stroke)
            points.push_back(box.Min + ImVec2(static_cast<float>(p.x) * scale, static_cast<float>(p.y) * scale));
        if (points.size() == 1) dl->AddCircleFilled(points.front(), thickness * 0.5f, to_u32(t.colors.text));
        else dl->AddPolyline(points.data(), static_cast<int>(points.size()), to_u32(t.colors.text), 0, thickness);
    }
    return ended;
}

// Handwriting: the pad on the left, the keys that go with it on the right (punctuation, rewrite,
// delete, space, the way back to pinyin and letters, clear, done).
std::optional<KeyPress> draw_handwriting_keys(KeyboardState& kb, Typing& typing, Ui& ui, ImVec2 origin, float width) {
    const float h = key_height(ui), gap = key_gap(ui);
    const float side = std::min(body_height(ui), width * 0.5f);
    if (draw_pad(kb, ui, origin, side)) recognize(kb, typing);
    const float x0 = origin.x + side + gap * 2, w = (origin.x + width - x0 - 2 * gap) / 3;
    auto at = [&](int col, int row) {
        return ImVec2(x0 + static_cast<float>(col) * (w + gap), origin.y + static_cast<float>(row) * (h + gap));
    };
    KeyPlacer keys{ui, h, std::nullopt};
    const std::vector<std::string_view>& marks = punctuation_marks();
    for (std::size_t i = 0; i < marks.size(); ++i) keys.mark(marks[i], at(static_cast<int>(i % 3), static_cast<int>(i / 3)), w);
    keys.key(text(Str::kb_rewrite), "rewrite", at(0, 2), w, KeyPress{KeyCode::rewrite});
    keys.key(text(Str::kb_backspace), "backspace", at(1, 2), w, KeyPress{KeyCode::backspace});
    keys.key(text(Str::kb_space), "space", at(2, 2), w, KeyPress{KeyCode::space});
    keys.key(text(Str::kb_pinyin), "pinyin", at(0, 3), w, KeyPress{KeyCode::pinyin});
    keys.key(text(Str::kb_mode_ascii), "letters", at(1, 3), w, KeyPress{KeyCode::letters});
    keys.key(text(Str::kb_clear), "clear", at(2, 3), w, KeyPress{KeyCode::clear});
    keys.key(text(Str::kb_done), "done", at(0, 4), 3 * w + 2 * gap, KeyPress{KeyCode::done}, true);
    return keys.pressed;
}

std::optional<KeyPress> draw_numeric_keys(Ui& ui, ImVec2 origin, float width) {
    const float h = key_height(ui), gap = key_gap(ui);
    const float w = (width - 2 * gap) / 3;
    KeyPlacer keys{ui, h, std::nullopt};
    auto key = [&](const char* label, std::string_view tap_label, int col, int row, KeyPress press, bool accent = false) {
        keys.key(label, tap_label, origin + ImVec2(static_cast<float>(col) * (w + gap), static_cast<float>(row) * (h + gap)),
                 w, press, accent);
    };
    for (int i = 0; i < 9; ++i) {
        const char label[2] = {kNumericPad[static_cast<std::size_t>(i)], 0};
        key(label, std::string_view(label, 1), i % 3, i / 3, KeyPress{KeyCode::character, label[0]});
    }
    key(text(Str::kb_clear), "clear", 0, 3, KeyPress{KeyCode::clear});
    key("0", "0", 1, 3, KeyPress{KeyCode::character, '0'});
    key(text(Str::kb_backspace), "backspace", 2, 3, KeyPress{KeyCode::backspace});
    key(text(Str::kb_done), "done", 0, 4, KeyPress{KeyCode::done}, true);
    return keys.pressed;
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
    clear_pad();
}

void KeyboardState::clear_pad() {
    strokes.clear();
    drawing = false;
    written.clear();
    recognition = 0;
}

void on_recognized(Handwriting& handwriting, ime::RecognitionResult result, GlyphSet& glyphs) {
    for (const ime::HandwritingCandidate& c : result.candidates) glyphs.add_text(c.text);
    handwriting.error = result.error;
    handwriting.latest = std::move(result);
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
            // The engine is shared by every field: a composition this field does not show (left by
            // another field, or by a state cleared without the engine) is not continued.
            if (!kb.ime.composing()) engine.clear();
            kb.typed += key.ch;
            take(kb, typing, engine.press(key.ch));
            return true;
        }
        return kb.field.insert(std::string(1, key.ch));
    case KeyCode::punctuation:
        // As in any Chinese input method: what is being written goes in first, then the mark.
        commit_first(kb, typing);
        kb.field.insert(key.mark);
        return true;
    case KeyCode::space:
        if (commit_first(kb, typing)) return true;
        return kb.layout == KeyboardLayout::text && kb.field.insert(" ");
    case KeyCode::newline:
        // Like a mark: what is being written goes in first.
        commit_first(kb, typing);
        return kb.field.multiline && kb.field.insert("\n");
    case KeyCode::backspace:
        // The composition or the last stroke first, then the text.
        if (kb.handwriting && !kb.strokes.empty()) {
            kb.strokes.pop_back();
            kb.drawing = false;
            recognize(kb, typing);
            return true;
        }
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
        keep_composition_as_letters(kb, typing);
        kb.pinyin = !kb.pinyin;
        return true;
    case KeyCode::handwriting:
        keep_composition_as_letters(kb, typing);
        kb.handwriting = true;
        return true;
    case KeyCode::pinyin:
    case KeyCode::letters:
        keep_composition_as_letters(kb, typing);
        kb.clear_pad();
        kb.handwriting = false;
        kb.pinyin = key.code == KeyCode::pinyin;
        return true;
    case KeyCode::rewrite:
        kb.clear_pad();
        return true;
    case KeyCode::prev_page:
        if (composing) take(kb, typing, engine.page_up());
        return false;
    case KeyCode::next_page:
        if (composing) take(kb, typing, engine.page_down());
        return false;
    case KeyCode::candidate:
        if (kb.handwriting) {
            if (key.candidate < 0 || static_cast<std::size_t>(key.candidate) >= kb.written.size()) return false;
            commit_written(kb, static_cast<std::size_t>(key.candidate));
            return true;
        }
        if (!composing) return false;
        take(kb, typing, engine.pick(key.candidate));
        return true;
    case KeyCode::done:
        keep_composition_as_letters(kb, typing);
        return false;
    }
    return false;
}

float keyboard_height(const Ui& ui, KeyboardLayout layout) {
    // The candidate bar, then the same height of letters or pad: switching input moves nothing.
    return layout == KeyboardLayout::text ? key_height(ui) + 2 * key_gap(ui) + body_height(ui) : body_height(ui);
}

std::optional<KeyPress> draw_keyboard(KeyboardState& kb, Typing& typing, Ui& ui, float width) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float height = keyboard_height(ui, kb.layout);
    std::optional<KeyPress> pressed;
    if (kb.layout == KeyboardLayout::text) {
        adopt_recognition(kb, typing);
        pressed = draw_candidate_bar(kb, typing, ui, origin, width);
        const ImVec2 below = origin + ImVec2(0, key_height(ui) + 2 * key_gap(ui));
        auto k = kb.handwriting ? draw_handwriting_keys(kb, typing, ui, below, width)
                                : draw_text_keys(kb, typing, ui, below, width);
        if (k) pressed = k;
    } else {
        pressed = draw_numeric_keys(ui, origin, width);
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, height));
    if (pressed) apply_key(kb, typing, *pressed);
    return pressed;
}

namespace {

std::string shown_on_one_line(std::string_view typed) {
    std::string out;
    out.reserve(typed.size());
    for (char c : typed) {
        if (c == '\n') out += text(Str::kb_newline_mark);
        else out += c;
    }
    return out;
}

}  // namespace

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
    // One line on screen: a line break shows as a mark (the screen shows the text wrapped elsewhere).
    const std::string before_caret = shown_on_one_line(std::string_view(kb.field.text).substr(0, kb.field.caret));
    const std::string s = before_caret + shown_on_one_line(std::string_view(kb.field.text).substr(kb.field.caret));
    const char* caret = s.c_str() + before_caret.size();
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

namespace {

// Wide enough for touch in landscape without crowding out what it serves; as wide as the screen
// allows in portrait, up to where keys would be needlessly far apart.
float docked_keyboard_width(const Ui& ui, ImVec2 area) {
    return ui.portrait ? std::min(area.x, ui.theme.em(44.0f)) : std::min(ui.theme.em(34.0f), area.x * 0.58f);
}

}  // namespace

ImVec2 room_beside_keyboard(const Ui& ui, ImVec2 area, KeyboardLayout layout) {
    const float gap = ui.theme.em(0.6f);
    if (ui.portrait) return ImVec2(area.x, area.y - keyboard_height(ui, layout) - gap);
    return ImVec2(area.x - docked_keyboard_width(ui, area) - gap, area.y);
}

std::optional<KeyPress> draw_docked_keyboard(KeyboardState& kb, Typing& typing, Ui& ui, ImVec2 area_min, ImVec2 area) {
    const float width = docked_keyboard_width(ui, area);
    const float x = ui.portrait ? (area.x - width) * 0.5f : area.x - width;
    ImGui::SetCursorScreenPos(ImVec2(area_min.x + x, area_min.y + area.y - keyboard_height(ui, kb.layout)));
    return draw_keyboard(kb, typing, ui, width);
}

}  // namespace gongshi::kiosk
