// The on-screen keyboard: a text field of our own (buffer and caret), a QWERTY layout with a
// pinyin candidate bar fed by librime and Chinese punctuation keys, an ASCII mode for letters and
// digits, a handwriting pad recognised by Zinnia (same candidate bar), and a numeric pad for
// phone and member numbers. Not ImGui::InputText: tapping a key would steal its focus
// (ocornut/imgui#5805), and a kiosk field is only ever typed on these keys.
//
// Keys are registered as TapKind::key under the character they type ("a", "7", "，") or their
// name ("space", "backspace", "clear", "mode", "done", "handwriting", "pinyin", "letters",
// "rewrite", "prev-page", "next-page", and "newline" on a multi-line field); candidates as TapKind::candidate, so the script steps
// `keys` and `candidate` press them. The pad is a TapKind::key target named kPadTapLabel (`stroke`).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fonts.hpp"
#include "ime/handwriting_worker.hpp"
#include "ime/pinyin_engine.hpp"
#include "widgets.hpp"

namespace gongshi::kiosk {

// A line of text with a caret. Every edit keeps the caret on a character boundary and the text
// within max_chars characters (code points).
struct TextField {
    std::string text;
    std::size_t caret = 0;  // byte offset
    std::size_t max_chars = 20;
    bool multiline = false;  // the text keyboard gets a 换行 key (a notice body has paragraphs)

    // Inserts at the caret as much of `s` as the cap allows; false when some of it was cut.
    bool insert(std::string_view s);
    bool erase_before_caret();  // one character; false at the start
    void clear();
    std::size_t chars() const;
};

enum class KeyboardLayout { text, numeric };

// The pad keeps strokes in a square of this many units a side whatever its size on screen, so
// what was drawn survives a change of layout.
inline constexpr int kPadCanvas = 1000;
inline constexpr std::string_view kPadTapLabel = "handwriting-pad";
inline constexpr std::size_t kHandwritingCandidates = 10;  // asked of the recogniser; the bar shows what fits

struct KeyboardState {
    TextField field;
    KeyboardLayout layout = KeyboardLayout::text;
    bool pinyin = true;  // false: ASCII mode, letters go straight into the field
    ime::Snapshot ime;   // what the candidate bar shows
    std::string typed;   // the letters of the composition in progress, as pressed
    // Handwriting (text layout): the pad replaces the letter keys.
    bool handwriting = false;
    std::vector<ime::Stroke> strokes;  // on the pad, in kPadCanvas units, oldest first
    bool drawing = false;              // the last stroke is still under the finger
    std::vector<std::string> written;  // what the recogniser read from the strokes, best first
    std::uint64_t recognition = 0;     // the request the candidate bar waits for; 0: none

    // The field's text, or while nothing is committed the letters being composed: what a
    // search-as-you-type field looks for ("zsf" matches initials before any candidate is picked).
    std::string query() const { return field.text.empty() ? typed : field.text; }
    void clear();  // text, composition, strokes and candidates; keeps the layout and mode
    void clear_pad();  // strokes and their candidates
};

// The kiosk's one handwriting recogniser (App::handwriting, like App::pinyin): strokes go to its
// worker thread; results come back through the UI queue into `latest` (on_recognized), between
// frames, so their glyphs are in the atlas before the keyboard that asked draws them.
struct Handwriting {
    explicit Handwriting(std::function<void(ime::RecognitionResult)> deliver) : worker(std::move(deliver)) {}
    ime::HandwritingWorker worker;
    std::optional<ime::RecognitionResult> latest;
    std::string error;  // the model could not be opened
};
void on_recognized(Handwriting& handwriting, ime::RecognitionResult result, GlyphSet& glyphs);

// What the keyboard types with: the UI thread's engine (one per process, owned by App) and the
// glyph set, so candidate characters reach the font atlas before the frame that draws them.
struct Typing {
    ime::PinyinEngine& engine;
    GlyphSet& glyphs;
    Handwriting* handwriting = nullptr;  // without it the keyboard has no 手写 key
};

// mode toggles pinyin and ASCII letters; handwriting, pinyin and letters switch to that input.
enum class KeyCode {
    character, space, backspace, clear, mode, prev_page, next_page, candidate, done,
    punctuation, handwriting, pinyin, letters, rewrite, newline,
};
struct KeyPress {
    KeyCode code = KeyCode::character;
    char ch = 0;        // KeyCode::character: a-z or 0-9
    int candidate = 0;  // KeyCode::candidate: index on the visible page
    std::string_view mark = {};  // KeyCode::punctuation: the mark, UTF-8 (static storage)
};

// Where librime deploys: a kiosk-owned folder next to the cache file.
std::filesystem::path ime_data_dir(const std::string& cache_path);

// Applies one key; true when the field's text, the composition or the pad changed.
bool apply_key(KeyboardState& kb, Typing& typing, const KeyPress& key);

// Height the keyboard needs at this width (candidate bar included for the text layout).
float keyboard_height(const Ui& ui, KeyboardLayout layout);
// Draws the keyboard from the cursor over `width` and applies the tapped key. Returns the key
// (the caller closes the keyboard on KeyCode::done and refreshes results on a change).
std::optional<KeyPress> draw_keyboard(KeyboardState& kb, Typing& typing, Ui& ui, float width);

// A keyboard docked at the bottom of a screen's `area` (top-left `area_min`): at the right in
// landscape, centred in portrait. What it serves (a field, results, phrases) goes in the room
// beside it, left of it in landscape and above it in portrait, never under it.
ImVec2 room_beside_keyboard(const Ui& ui, ImVec2 area, KeyboardLayout layout);
std::optional<KeyPress> draw_docked_keyboard(KeyboardState& kb, Typing& typing, Ui& ui, ImVec2 area_min, ImVec2 area);

// The field itself: its text, the caret, the composition after it; the hint while empty.
// Registered under `tap_label` (a screen's fixed name for it); true when tapped.
bool draw_text_field(Ui& ui, const KeyboardState& kb, std::string_view tap_label, const char* hint, ImVec2 size,
                     bool focused);

}  // namespace gongshi::kiosk
