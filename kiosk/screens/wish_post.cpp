// 我要许愿: five steps with big targets — category, text (on-screen keyboard, quick phrases),
// estate and optional name (previewed masked), consent and optional phone (numeric pad, echoed
// masked), confirmation — then the tracking code and its QR code. 下一步 stays grey with the reason
// until the step is valid. If this kiosk cannot submit (no kiosk code yet), it says so first.
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "gongshi/sanitize.hpp"
#include "gongshi/text.hpp"
#include "screens/disclosure_parts.hpp"
#include "screens/screens.hpp"
#include "wish_screens.hpp"

namespace gongshi::kiosk {

namespace {

int step_number(WishStep step) { return static_cast<int>(step) + 1; }

WishStep next(WishStep step) { return static_cast<WishStep>(static_cast<int>(step) + 1); }
WishStep previous(WishStep step) { return static_cast<WishStep>(std::max(0, static_cast<int>(step) - 1)); }

Str step_title(WishStep step) {
    switch (step) {
    case WishStep::category: return Str::wish_step_category;
    case WishStep::text: return Str::wish_step_text;
    case WishStep::place: return Str::wish_step_place;
    case WishStep::phone: return Str::wish_step_phone;
    case WishStep::confirm: return Str::wish_step_confirm;
    case WishStep::done: break;
    }
    return Str::wish_done_title;
}

// Why 下一步 is not available yet; nothing when the step is complete.
std::optional<Str> missing(const WishForm& f) {
    switch (f.step) {
    case WishStep::category: return f.category.empty() ? std::optional(Str::wish_need_category) : std::nullopt;
    case WishStep::text: {
        const std::size_t n = f.text.field.chars();
        return n < kWishTextMin || n > kWishTextMax ? std::optional(Str::wish_need_text) : std::nullopt;
    }
    case WishStep::place: return f.grid_id.empty() ? std::optional(Str::wish_need_place) : std::nullopt;
    case WishStep::phone:
        if (f.phone_choice == PhoneChoice::undecided) return Str::wish_need_choice;
        if (f.phone_choice == PhoneChoice::given && !valid_mainland_mobile(f.phone.field.text)) return Str::wish_need_phone;
        return std::nullopt;
    case WishStep::confirm:
    case WishStep::done: break;
    }
    return std::nullopt;
}

// The keyboard's 完成 key does what 下一步 does, once the step is complete.
void finish_on_done(WishForm& f, const KeyPress& key) {
    if (key.code == KeyCode::done && !missing(f)) f.step = next(f.step);
}

// Five segments under the heading, the finished ones and the current one filled.
void draw_progress(const WishForm& f, Ui& ui) {
    const Theme& t = ui.theme;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x, gap = t.em(0.3f), h = t.em(0.35f);
    const float seg = (width - gap * (kWishSteps - 1)) / kWishSteps;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < kWishSteps; ++i) {
        const ImVec2 a(min.x + static_cast<float>(i) * (seg + gap), min.y);
        dl->AddRectFilled(a, a + ImVec2(seg, h), to_u32(i < step_number(f.step) ? t.colors.accent : t.colors.border), h * 0.5f);
    }
    ImGui::Dummy(ImVec2(width, h + t.em(0.3f)));
}

// Large text in landscape leaves the steps too little height for their usual layout.
bool cramped(const Ui& ui) { return !ui.portrait && ui.theme.text_size == TextSize::large; }

// The quick phrases of `category`: none before one is chosen, or if a sync has since dropped it.
const std::vector<std::string>& phrases_of(const WishFlowModel& model, std::string_view category) {
    static const std::vector<std::string> none;
    const auto it = std::find(model.categories.begin(), model.categories.end(), category);
    return it == model.categories.end() ? none : model.phrases[static_cast<std::size_t>(it - model.categories.begin())];
}

std::string_view place_label(const WishFlowModel& model, std::string_view grid_id) {
    for (const Choice& p : model.places)
        if (p.id == grid_id) return p.label;
    return {};
}

// Big buttons in rows; the chosen one in the accent colour. Returns the index tapped.
std::optional<std::size_t> draw_big_choices(Ui& ui, const std::vector<std::string>& labels, std::string_view chosen,
                                            int per_row, float height) {
    const float width = ImGui::GetContentRegionAvail().x, gap = ui.theme.em(0.4f);
    const ImVec2 size((width - gap * static_cast<float>(per_row - 1)) / static_cast<float>(per_row), height);
    std::optional<std::size_t> tapped;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (i % static_cast<std::size_t>(per_row) != 0) ImGui::SameLine(0, gap);
        const std::string label = fit_text(ui.body, labels[i], size.x - ui.theme.em(0.8f)) + "##choice" + std::to_string(i);
        if (touch_key(ui, label.c_str(), labels[i], TapKind::button, size, labels[i] == chosen)) tapped = i;
    }
    return tapped;
}

void draw_category_step(const WishFlowModel& model, WishForm& f, Ui& ui) {
    const int per_row = ui.portrait ? 2 : 3;
    if (auto i = draw_big_choices(ui, model.categories, f.category, per_row, ui.theme.em(3.6f))) {
        if (model.categories[*i] != f.category) f.text.clear();  // phrases and text belong to a category
        f.category = model.categories[*i];
    }
}

void draw_text_step(const WishFlowModel& model, WishForm& f, Typing& typing, Ui& ui, ImVec2 area) {
    const Theme& t = ui.theme;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 room = room_beside_keyboard(ui, area, f.text.layout);
    draw_text_field(ui, f.text, text(Str::wish_text_hint), text(Str::wish_text_hint), ImVec2(room.x, ui.theme.form_row_px()), true);
    draw_text(ui.body, t.colors.text_muted,
              format(Str::wish_counter, {std::to_string(f.text.field.chars()), std::to_string(kWishTextMax)}));
    const std::vector<std::string>& phrases = phrases_of(model, f.category);
    const int per_row = ui.portrait ? static_cast<int>(phrases.size()) : 2;
    const float rows = std::ceil(static_cast<float>(phrases.size()) / static_cast<float>(per_row));
    // The phrases and their title sit at the bottom of the room, level with the keyboard's last
    // row in landscape, so they keep the same gap from the footer as the keyboard does. Where
    // the room is too short for all of them (large text in landscape) they scroll, rather than
    // run on over 上一步.
    const float spacing = ImGui::GetStyle().ItemSpacing.y, title_h = ui.body->FontSize + spacing;
    const float buttons_h = rows * ui.theme.form_row_px() + std::max(0.0f, rows - 1) * spacing;
    const float phrases_top = std::max(ImGui::GetCursorScreenPos().y, start.y + room.y - buttons_h - title_h);
    const float phrases_h = std::min(buttons_h, start.y + room.y - phrases_top - title_h);
    // The whole text, wrapped, in what is left: the field shows only the end of a long one.
    const float text_h = phrases_top - ImGui::GetCursorScreenPos().y - spacing;
    if (text_h > ui.body->FontSize) {
        ImGui::BeginChild("##wish-text", ImVec2(room.x, text_h), false);
        draw_text(ui.body, t.colors.text, f.text.field.text, true);
        ImGui::EndChild();
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, phrases_top));
    draw_text(ui.body, t.colors.text_muted, text(Str::wish_phrases_title));
    // A child of the room's width keeps the phrase buttons clear of the keyboard.
    begin_touch_scroll(ui.scrolls, "##wish-phrases", ImVec2(room.x, phrases_h));
    if (auto i = draw_big_choices(ui, phrases, {}, per_row, ui.theme.form_row_px()))
        f.text.field.insert(phrases[*i]);  // capped at the field's 200 characters, like any paste
    end_touch_scroll(ui.scrolls);
    if (auto key = draw_docked_keyboard(f.text, typing, ui, start, area)) finish_on_done(f, *key);
}

void draw_name_preview(const WishForm& f, Ui& ui) {
    const std::string& name = f.name.field.text;
    draw_text(ui.body, ui.theme.colors.text_muted,
              name.empty() ? std::string(text(Str::wish_name_none)) : format(Str::wish_name_preview, {mask_name(name)}));
}

void draw_place_step(const WishFlowModel& model, WishForm& f, Typing& typing, Ui& ui, ImVec2 area) {
    const Theme& t = ui.theme;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    if (!f.name_keyboard_open) {
        draw_text(ui.body, t.colors.text_muted, text(Str::wish_place_title));
        // What the name field leaves, but at least a row: a height of 0 or less would make the
        // list fill the window, over the name field and 上一步 (large text in landscape).
        const float list_h =
            std::max(ui.theme.form_row_px(), area.y - ui.theme.form_row_px() * 2 - ui.body->FontSize * 3 - t.em(1.0f));
        begin_touch_scroll(ui.scrolls, "##wish-places", ImVec2(area.x, list_h));
        const int per_row = std::max(1, static_cast<int>(ImGui::GetContentRegionAvail().x / t.em(13.0f)));
        if (auto i = draw_big_choices(ui, model.place_labels, place_label(model, f.grid_id), per_row, ui.theme.form_row_px()))
            f.grid_id = model.places[*i].id;
        end_touch_scroll(ui.scrolls);
    }
    draw_text(ui.body, t.colors.text_muted, text(Str::wish_name_title));
    const float field_w = f.name_keyboard_open ? room_beside_keyboard(ui, area, f.name.layout).x : area.x;
    if (draw_text_field(ui, f.name, text(Str::wish_name_hint), text(Str::wish_name_hint), ImVec2(field_w, ui.theme.form_row_px()),
                        f.name_keyboard_open))
        f.name_keyboard_open = true;
    draw_name_preview(f, ui);
    if (!f.name_keyboard_open) return;
    if (auto key = draw_docked_keyboard(f.name, typing, ui, start, area); key && key->code == KeyCode::done)
        f.name_keyboard_open = false;
}

void draw_phone_step(WishForm& f, Typing& typing, Ui& ui, ImVec2 area) {
    const Theme& t = ui.theme;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const ImVec2 room = room_beside_keyboard(ui, area, f.phone.layout);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + room.x);
    draw_text(ui.body, t.colors.text, text(Str::wish_phone_notice), true);
    ImGui::PopTextWrapPos();
    const float pause = cramped(ui) ? 0.0f : t.em(0.3f);  // between the notice, the choice and the field
    ImGui::Dummy(ImVec2(0, pause));
    const float gap = t.em(0.5f), w = std::min((room.x - gap) * 0.5f, t.em(14.0f));
    const ImVec2 size(w, ui.theme.form_row_px());
    if (touch_button(ui, text(Str::wish_phone_agree), size, f.phone_choice == PhoneChoice::given ? ButtonKind::selected : ButtonKind::nav))
        f.phone_choice = PhoneChoice::given;
    ImGui::SameLine(0, gap);
    if (touch_button(ui, text(Str::wish_phone_skip), size, f.phone_choice == PhoneChoice::declined ? ButtonKind::selected : ButtonKind::nav)) {
        f.phone_choice = PhoneChoice::declined;
        f.phone.clear();  // a number typed before the resident changed their mind is not kept
        f.step = next(f.step);
        return;
    }
    if (f.phone_choice != PhoneChoice::given) return;
    ImGui::Dummy(ImVec2(0, pause));
    // The masked echo goes under the field in large type; where the step is cramped, beside a
    // narrower field in body type.
    const float row = ui.theme.form_row_px(), field_top = ImGui::GetCursorScreenPos().y;
    const bool echo_below = !cramped(ui);
    const float field_w = echo_below ? std::min(room.x, t.em(20.0f)) : std::min(room.x * 0.6f, t.em(12.0f));
    draw_text_field(ui, f.phone, text(Str::wish_phone_hint), text(Str::wish_phone_hint), ImVec2(field_w, row), true);
    if (valid_mainland_mobile(f.phone.field.text)) {
        if (!echo_below) {
            ImGui::SameLine(0, gap);
            ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, field_top + (row - ui.body->FontSize) * 0.5f));
        }
        draw_text(echo_below ? ui.title : ui.body, t.colors.text, format(Str::wish_phone_echo, {mask_phone(f.phone.field.text)}));
    }
    if (auto key = draw_docked_keyboard(f.phone, typing, ui, start, area)) finish_on_done(f, *key);
}

void draw_summary_row(Ui& ui, Str label, std::string_view value, float label_w) {
    const Theme& t = ui.theme;
    draw_text(ui.body, t.colors.text_muted, text(label));
    ImGui::SameLine(label_w);
    ImGui::PushTextWrapPos(0.0f);
    draw_text(ui.body, t.colors.text, value, true);
    ImGui::PopTextWrapPos();
}

void draw_confirm_step(const WishFlowModel& model, const WishForm& f, Ui& ui, ImVec2 area) {
    const Theme& t = ui.theme;
    const std::string_view place = place_label(model, f.grid_id);
    const std::string phone = f.phone_digits();
    begin_touch_scroll(ui.scrolls, "##wish-confirm", ImVec2(area.x, area.y - (f.error.empty() ? 0.0f : t.em(3.0f))));
    const float label_w = t.em(6.0f);
    const std::string not_given = text(Str::wish_not_given);
    draw_summary_row(ui, Str::wish_field_category, f.category, label_w);
    draw_summary_row(ui, Str::wish_field_place, place, label_w);
    draw_summary_row(ui, Str::wish_field_name, f.name.field.text.empty() ? not_given : mask_name(f.name.field.text), label_w);
    draw_summary_row(ui, Str::wish_field_phone, phone.empty() ? not_given : mask_phone(phone), label_w);
    draw_summary_row(ui, Str::wish_field_text, f.text.field.text, label_w);
    end_touch_scroll(ui.scrolls);
    if (!f.error.empty()) draw_text(ui.title, t.colors.accent, f.error, true);
}

// 上一步, the reason the step is not complete, and 下一步 (提交 on the last step).
std::optional<Action> draw_footer(WishForm& f, Ui& ui) {
    const Theme& t = ui.theme;
    const float width = ImGui::GetContentRegionAvail().x, button_w = std::min(t.em(9.0f), width * 0.3f);
    const ImVec2 size(button_w, std::max(t.em(2.8f), t.min_target_px));
    const ImVec2 row = ImGui::GetCursorScreenPos();
    std::optional<Action> action;
    if (f.step != WishStep::category && touch_button(ui, text(Str::wish_prev), size, ButtonKind::nav)) {
        f.step = previous(f.step);
        f.name_keyboard_open = false;
    }
    const std::optional<Str> why = missing(f);
    if (why) {
        const char* reason = text(*why);
        const float w = ui.body->CalcTextSizeA(ui.body->FontSize, FLT_MAX, 0.0f, reason).x;
        ImGui::SetCursorScreenPos(ImVec2(row.x + width - button_w - t.em(0.6f) - w, row.y + (size.y - ui.body->FontSize) * 0.5f));
        draw_text(ui.body, t.colors.accent, reason);
    }
    ImGui::SetCursorScreenPos(ImVec2(row.x + width - button_w, row.y));
    const bool last = f.step == WishStep::confirm;
    if (touch_button(ui, text(last ? Str::wish_submit : Str::wish_next), size, why ? ButtonKind::nav : ButtonKind::primary) && !why) {
        if (last) action = SubmitWish{};
        else f.step = next(f.step);
        f.name_keyboard_open = false;
    }
    return action;
}

// The tracking code, big, with the QR code of its status page: all the resident takes away.
std::optional<Action> draw_receipt(const WishReceipt& r, Ui& ui) {
    const Theme& t = ui.theme;
    const Palette& c = t.colors;
    const float width = ImGui::GetContentRegionAvail().x;
    draw_text_centered(ui.title, c.text, text(Str::wish_done_title));
    ImGui::Dummy(ImVec2(0, t.em(0.4f)));
    draw_text_centered(ui.body, c.text_muted, text(Str::wish_code_label));
    // Twice the title size: read from a step away and copied onto paper.
    const float code_px = ui.title->FontSize * 2.0f;
    const ImVec2 code_size = ui.title->CalcTextSizeA(code_px, FLT_MAX, 0.0f, r.tracking_code.c_str());
    const ImVec2 at = ImGui::GetCursorScreenPos() + ImVec2((width - code_size.x) * 0.5f, 0);
    ImGui::GetWindowDrawList()->AddText(ui.title, code_px, at, to_u32(c.accent), r.tracking_code.c_str());
    ImGui::Dummy(ImVec2(width, code_size.y));
    register_last_item(ui, r.tracking_code);  // scripts and tests find the code on screen
    draw_text_centered(ui.title, c.text, text(Str::wish_write_down));
    ImGui::Dummy(ImVec2(0, t.em(0.4f)));
    const float side = std::min(t.em(8.0f), ImGui::GetContentRegionAvail().y - t.em(7.0f));
    if (!r.qr.empty() && side > 0) {
        const ImVec2 qr_min = ImGui::GetCursorScreenPos() + ImVec2((width - side) * 0.5f, 0);
        draw_qr(ImGui::GetWindowDrawList(), r.qr, qr_min, side);
        ImGui::Dummy(ImVec2(width, side + t.em(0.2f)));
        draw_text_centered(ui.body, c.accent, text(Str::wish_scan_status));
    }
    draw_text_centered(ui.body, c.text_muted, text(Str::wish_review_note));
    ImGui::Dummy(ImVec2(0, t.em(0.4f)));
    const float w = std::min(width, t.em(10.0f));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - w) * 0.5f);
    if (touch_button(ui, text(Str::wish_finish), ImVec2(w, t.em(3.0f)), ButtonKind::primary)) return GoHome{};
    return std::nullopt;
}

}  // namespace

std::optional<Action> draw_wish_post(const WishFlowModel& model, WishScreensUi& state, Typing& typing, Ui& ui) {
    const Theme& t = ui.theme;
    WishForm& f = state.form;
    if (f.step == WishStep::done && state.receipt) return draw_receipt(*state.receipt, ui);
    const std::string progress = format(Str::wish_progress, {std::to_string(step_number(f.step)), std::to_string(kWishSteps)});
    const std::optional<Str> blocked = model.built ? model.blocked : std::optional(Str::wish_no_places);
    // Where the steps are cramped the progress bar and the step title still say where the
    // resident is, so the "第 2 步，共 5 步" line gives up its row.
    draw_heading(ui, text(Str::wish_post_title), blocked || cramped(ui) ? nullptr : progress.c_str());
    if (blocked) {  // before anything is typed, not after step 5
        ImGui::Dummy(ImVec2(0, t.em(2.0f)));
        draw_text(ui.title, t.colors.text, text(*blocked), true);
        return std::nullopt;
    }
    draw_progress(f, ui);
    draw_text(ui.title, t.colors.text, text(step_title(f.step)));
    ImGui::Dummy(ImVec2(0, t.em(0.2f)));
    const float footer_h = std::max(t.em(2.8f), t.min_target_px) + t.em(0.4f);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 area(avail.x, avail.y - footer_h);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    switch (f.step) {
    case WishStep::category: draw_category_step(model, f, ui); break;
    case WishStep::text: draw_text_step(model, f, typing, ui, area); break;
    case WishStep::place: draw_place_step(model, f, typing, ui, area); break;
    case WishStep::phone: draw_phone_step(f, typing, ui, area); break;
    case WishStep::confirm: draw_confirm_step(model, f, ui, area); break;
    case WishStep::done: break;
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + area.y + t.em(0.4f)));
    return draw_footer(f, ui);
}

}  // namespace gongshi::kiosk
