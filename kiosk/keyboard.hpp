// The on-screen keyboard: a text field of our own (buffer and caret), a QWERTY layout with a
// pinyin candidate bar fed by librime, an ASCII mode for letters and digits, and a numeric pad
// for phone and member numbers. Not ImGui::InputText: tapping a key would steal its focus
// (ocornut/imgui#5805), and a kiosk field is only ever typed on these keys.
//
// Keys are registered as TapKind::key under the character they type ("a", "7") or "space";
// candidates as TapKind::candidate, so the script steps `keys` and `candidate` press them.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "fonts.hpp"
#include "ime/pinyin_engine.hpp"
#include "widgets.hpp"

namespace gongshi::kiosk {

// A line of text with a caret. Every edit keeps the caret on a character boundary and the text
// within max_chars characters (code points).
struct TextField {
    std::string text;
    std::size_t caret = 0;  // byte offset
    std::size_t max_chars = 20;

    // Inserts at the caret as much of `s` as the cap allows; false when some of it was cut.
    bool insert(std::string_view s);
    bool erase_before_caret();  // one character; false at the start
    void clear();
    std::size_t chars() const;
};

enum class KeyboardLayout { text, numeric };

struct KeyboardState {
    TextField field;
    KeyboardLayout layout = KeyboardLayout::text;
    bool pinyin = true;  // false: ASCII mode, letters go straight into the field
    ime::Snapshot ime;   // what the candidate bar shows
    std::string typed;   // the letters of the composition in progress, as pressed

    // The field's text, or while nothing is committed the letters being composed: what a
    // search-as-you-type field looks for ("zsf" matches initials before any candidate is picked).
    std::string query() const { return field.text.empty() ? typed : field.text; }
    void clear();  // text, composition and candidates; keeps the layout and mode
};

// What the keyboard types with: the UI thread's engine (one per process, owned by App) and the
// glyph set, so candidate characters reach the font atlas before the frame that draws them.
struct Typing {
    ime::PinyinEngine& engine;
    GlyphSet& glyphs;
};

enum class KeyCode { character, space, backspace, clear, mode, prev_page, next_page, candidate, done };
struct KeyPress {
    KeyCode code = KeyCode::character;
    char ch = 0;        // KeyCode::character: a-z or 0-9
    int candidate = 0;  // KeyCode::candidate: index on the visible page
};

// Where librime deploys: a kiosk-owned folder next to the cache file.
std::filesystem::path ime_data_dir(const std::string& cache_path);

// Applies one key; true when the field's text or the composition changed.
bool apply_key(KeyboardState& kb, Typing& typing, const KeyPress& key);

// Height the keyboard needs at this width (candidate bar included for the text layout).
float keyboard_height(const Ui& ui, KeyboardLayout layout);
// Draws the keyboard from the cursor over `width` and applies the tapped key. Returns the key
// (the caller closes the keyboard on KeyCode::done and refreshes results on a change).
std::optional<KeyPress> draw_keyboard(KeyboardState& kb, Typing& typing, Ui& ui, float width);

// The field itself: its text, the caret, the composition after it; the hint while empty.
// Registered under `tap_label` (a screen's fixed name for it); true when tapped.
bool draw_text_field(Ui& ui, const KeyboardState& kb, std::string_view tap_label, const char* hint, ImVec2 size,
                     bool focused);

}  // namespace gongshi::kiosk
