// 微心愿: the public wish board (待认领 / 已认领 / 已完成, filtered by category and estate) and
// the resident's five-step posting flow. Their UI state (owned by App, wiped by reset_to_home),
// their view models built from the cache, and the screens that draw them.
//
// The screens change their own UI state (a tab, a filter, a step, what is typed); submitting is
// the SubmitWish action, which App applies after the frame (submit_wish_form) so no screen touches
// the outbox. What the resident typed is never logged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "disclosure.hpp"  // DataState
#include "gongshi/cache.hpp"
#include "gongshi/wish_submission.hpp"
#include "keyboard.hpp"
#include "member_screens.hpp"  // Choice
#include "navigation.hpp"
#include "qr.hpp"
#include "widgets.hpp"

namespace gongshi::kiosk {

struct App;
struct KioskConfig;

// ---- UI state ----

enum class WishTab { open, claimed, fulfilled };
enum class WishFilterKind { none, category, estate };

struct WishBoardUi {
    WishTab tab = WishTab::open;
    std::optional<std::string> category;
    std::optional<std::string> estate_id;
    WishFilterKind picking = WishFilterKind::none;  // a filter's page of choices, open instead of the list
};

enum class WishStep { category, text, place, phone, confirm, done };
inline constexpr int kWishSteps = 5;  // done is not a step the progress counts

enum class PhoneChoice { undecided, given, declined };

// The half-filled form. Wiped by reset_to_home (idle timeout, home button) and after a submission.
struct WishForm {
    WishStep step = WishStep::category;
    std::string category;
    KeyboardState text = keyboard(KeyboardLayout::text, kWishTextMax);
    std::string grid_id;
    KeyboardState name = keyboard(KeyboardLayout::text, kWishNameMax);
    bool name_keyboard_open = false;
    PhoneChoice phone_choice = PhoneChoice::undecided;
    KeyboardState phone = keyboard(KeyboardLayout::numeric, 11);
    std::string error;  // why the last submission failed; the form is kept

    static KeyboardState keyboard(KeyboardLayout layout, std::size_t max_chars) {
        KeyboardState kb;
        kb.layout = layout;
        kb.pinyin = layout == KeyboardLayout::text;
        kb.field.max_chars = max_chars;
        return kb;
    }
    // The phone number to send: only once the resident agreed and typed a valid one.
    std::string phone_digits() const;
};

// What the resident sees after 提交: nothing they typed, only the code and its link.
struct WishReceipt {
    std::string tracking_code;
    std::string status_url;
    QrCode qr;
};

struct WishScreensUi {
    WishBoardUi board;
    WishForm form;
    std::optional<WishReceipt> receipt;  // set by a successful submission (WishStep::done)
};

// ---- view models ----

struct WishCard {
    WishView view;
    std::string submitted, claimed, fulfilled;  // local dates, empty when not applicable
    std::string claim_url;                      // open wishes only
    QrCode qr;
};

struct WishBoardModel {
    std::optional<WishBoardUi> built_for;
    std::vector<WishCard> cards;
    int total = 0;
    std::vector<Choice> categories, estates;
};

// What the flow offers, and whether it can submit at all (said before anything is typed).
struct WishFlowModel {
    bool built = false;
    std::vector<std::string> categories;
    std::vector<std::vector<std::string>> phrases;  // the quick phrases of each category, in its order
    std::vector<Choice> places;  // estates and their buildings, each estate followed by its buildings
    std::vector<std::string> place_labels;  // the labels of `places`, as the choice buttons take them
    std::optional<Str> blocked;  // no kiosk code yet, no outbox, no grids
};

struct WishModels {
    std::int64_t data_version = -1;
    WishBoardModel board;
    WishFlowModel flow;
};

struct WishScreens {
    WishScreensUi ui;
    WishModels models;
};

// Where the flow's categories come from: the community record, else the config, else ui_strings.
std::vector<std::string> wish_categories(const std::optional<Community>& community, const KioskConfig& config);

// The WishFilter a board state asks for (public statuses only).
WishFilter board_query(const WishBoardUi& ui);

// Rebuilds the models of the wish screens on the stack whose UI state or data moved, and feeds
// their text to the glyph set. `blocked` is why the flow cannot submit (from App), if it cannot.
// UI thread, between frames.
void refresh_wish_models(WishModels& models, const WishScreensUi& ui, const Cache& cache,
                         const std::vector<ScreenKind>& stack, const KioskConfig& config,
                         std::optional<Str> blocked, GlyphSet& glyphs);

// Why the flow cannot submit on this kiosk (no outbox, no kiosk code from the server yet), if so.
std::optional<Str> wish_flow_blocked(const App& app);
// SubmitWish: the form into the outbox (gongshi::submit_wish, codes checked against the cache and
// the outbox). On success the form is wiped and the receipt set; on failure the form stays with
// the message in WishForm::error.
void submit_wish_form(App& app);

// ---- screens ----

std::optional<Action> draw_wishes(const WishBoardModel& model, WishScreensUi& state, const DataState& data, Ui& ui);
// 提交 returns SubmitWish; 完成 returns GoHome.
std::optional<Action> draw_wish_post(const WishFlowModel& model, WishScreensUi& state, Typing& typing, Ui& ui);

}  // namespace gongshi::kiosk
