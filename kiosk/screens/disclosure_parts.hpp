// Pieces the disclosure screens share: their entry points, the no-data / offline / empty states,
// rows of choice buttons, and cards drawn behind content of unknown height.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>

#include "disclosure.hpp"
#include "keyboard.hpp"
#include "navigation.hpp"
#include "widgets.hpp"

namespace gongshi::kiosk {

// 找我的排名's numeric pad: what is typed and whether the pad is open (owned by App, wiped by
// reset_to_home). The number is looked up only when 确定 sends it as RankingsView::find_number.
struct RankFinder {
    KeyboardState pad = numeric_pad();
    bool open = false;
    static KeyboardState numeric_pad() {
        KeyboardState kb;
        kb.layout = KeyboardLayout::numeric;
        kb.pinyin = false;
        kb.field.max_chars = 12;
        return kb;
    }
};

std::optional<Action> draw_rankings(const RankingsModel& model, const RankingsView& view, const DataState& data,
                                    RankFinder& finder, Typing& typing, Ui& ui);
std::optional<Action> draw_evaluations(const EvaluationsModel& model, const EvaluationsView& view, const DataState& data,
                                       Ui& ui);
std::optional<Action> draw_posts(const PostsModel& model, const PostsView& view, const DataState& data, Ui& ui);
std::optional<Action> draw_notices(const NoticesModel& model, const NoticesView& view, const DataState& data, Ui& ui);
std::optional<Action> draw_rewards(const RewardsModel& model, const DataState& data, Ui& ui);

// The offline line under a heading, then, when there is nothing to list, the reason (first sync
// still running, no server, or simply no entries: `empty_text`). True when the screen should
// stop there.
bool draw_data_state(Ui& ui, const DataState& data, bool empty, Str empty_text);

// A row of equal buttons, one of them chosen (accent fill). `id` keeps labels that repeat
// across rows apart. Returns the index pressed this frame.
std::optional<int> draw_choices(Ui& ui, const char* id, std::span<const std::string> labels, int chosen,
                                float button_width);

// A rounded surface behind whatever is drawn between construction and destruction (draw-list
// channels: the height is known only at the end). Content starts `pad` inside the left edge.
class Card {
public:
    Card(Ui& ui, float width, bool highlight = false);
    ~Card();
    Card(const Card&) = delete;
    Card& operator=(const Card&) = delete;
    float inner_width() const { return width_ - 2 * pad_; }

private:
    Ui& ui_;
    ImVec2 min_;
    float width_, pad_;
    bool highlight_;
};

// A "scan to claim" QR code at the top right of a card's content (`top`, `inner_width` of the
// Card) with its caption under it; the card grows to hold both.
// A scrolling list of cards: two columns in landscape, one in portrait. `draw_card(i, width)`
// draws card i.
void draw_card_columns(Ui& ui, const char* scroll_id, std::size_t count,
                       const std::function<void(std::size_t, float)>& draw_card);
void draw_card_qr(Ui& ui, const QrCode& qr, ImVec2 top, float inner_width, float side, const char* caption);

// The height of one line of body text plus item spacing, the unit lists are laid out in.
float line_height(const Ui& ui);

}  // namespace gongshi::kiosk
