// 心愿审核 (staff): the wishes waiting for review, oldest first, with the configured sensitive
// words they contain marked. 通过 makes a wish public; 驳回 needs a reason (a quick one or typed).
// A reviewed wish leaves the queue at once and waits under 已审核，待同步 until acknowledged;
// a review the server refused (someone else reviewed first) is shown, never dropped.
#include "member_screens.hpp"
#include "screens/disclosure_parts.hpp"
#include "screens/screens.hpp"
#include "staff_edit.hpp"

namespace gongshi::kiosk {

namespace {

constexpr Str kQuickReasons[] = {Str::staff_reason_duplicate, Str::staff_reason_unclear, Str::staff_reason_elsewhere,
                                 Str::staff_reason_improper};

std::string joined(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : text(Str::list_separator)) + w;
    return out;
}

void draw_reason_panel(const std::string& wish_id, ReviewUi& review, std::optional<StaffCommand>& command, Ui& ui,
                       float width) {
    const Theme& t = ui.theme;
    std::vector<std::pair<std::string, bool>> quick;
    for (const Str r : kQuickReasons) quick.emplace_back(text(r), review.reason.field.text == text(r));
    if (auto i = draw_choice_row(ui, quick, width)) {
        review.reason.clear();
        review.reason.field.insert(text(kQuickReasons[*i]));
    }
    if (draw_text_field(ui, review.reason, text(Str::staff_reason_hint), text(Str::staff_reason_hint),
                        ImVec2(width, t.em(2.4f)), review.keyboard_open))
        review.keyboard_open = true;
    const ImVec2 button(t.em(6.0f), t.em(2.2f));
    if (!review.reason.field.text.empty() &&
        touch_button(ui, text(Str::staff_confirm_reject), button, ButtonKind::primary))
        command = ReviewWish{wish_id, false};
    if (!review.reason.field.text.empty()) ImGui::SameLine(0, t.em(0.6f));
    if (touch_button(ui, text(Str::staff_cancel), button, ButtonKind::nav)) review = ReviewUi{};
}

void draw_pending(const ReviewRow& row, StaffEditUi& state, Ui& ui, float width) {
    const Theme& t = ui.theme;
    const Wish& w = row.view.wish;
    Card card(ui, width, !row.marks.empty());
    draw_text(ui.body, t.colors.text_muted, format(Str::staff_submitted, {w.category, row.view.grid_name, row.submitted}), true);
    draw_text(ui.body, t.colors.text, w.text, true);
    if (!row.marks.empty()) draw_text(ui.body, t.colors.accent, format(Str::staff_marks, {joined(row.marks)}), true);
    if (state.review.rejecting == w.id) {
        draw_reason_panel(w.id, state.review, state.command, ui, card.inner_width());
        return;
    }
    const ImVec2 button(t.em(5.0f), t.em(2.2f));
    const std::string approve = std::string(text(Str::staff_approve)) + "##" + w.id;
    if (touch_button(ui, approve.c_str(), button, ButtonKind::primary)) state.command = ReviewWish{w.id, true};
    ImGui::SameLine(0, t.em(0.6f));
    const std::string reject = std::string(text(Str::staff_reject)) + "##" + w.id;
    if (touch_button(ui, reject.c_str(), button, ButtonKind::nav)) {
        state.review = ReviewUi{};
        state.review.rejecting = w.id;
    }
}

void draw_refused(const RefusedReview& r, Ui& ui, float width) {
    const Theme& t = ui.theme;
    Card card(ui, width, true);
    if (!r.text.empty()) draw_text(ui.body, t.colors.text, r.text, true);
    draw_text(ui.body, t.colors.accent, format(r.taken ? Str::staff_review_taken : Str::staff_review_refused, {r.reason}), true);
}

void draw_reviewed(const WishReviewModel& model, Ui& ui) {
    const Theme& t = ui.theme;
    if (model.reviewed.empty()) return;
    ImGui::Dummy(ImVec2(0, t.em(0.3f)));
    draw_text(ui.title, t.colors.text, text(Str::staff_reviewed_heading));
    for (const ReviewedRow& r : model.reviewed) {
        const std::string line = r.approve ? format(Str::staff_approved_row, {r.text})
                                           : format(Str::staff_rejected_row, {r.reason, r.text});
        draw_text(ui.body, t.colors.text_muted, line, true);
    }
}

}  // namespace

std::optional<Action> draw_staff_wish_review(const WishReviewModel& model, StaffEditUi& state, Typing& typing, Ui& ui) {
    const Theme& t = ui.theme;
    const std::string count = format(Str::staff_review_count, {std::to_string(model.pending.size())});
    draw_heading(ui, text(Str::staff_review_heading), count.c_str());
    if (state.notice) draw_text(ui.body, t.colors.text_muted, text(*state.notice));
    const float kb_h = state.review.keyboard_open ? keyboard_height(ui, state.review.reason.layout) : 0.0f;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    begin_touch_scroll(ui.scrolls, "##wish-review", ImVec2(avail.x, avail.y - kb_h));
    const float width = ImGui::GetContentRegionAvail().x;
    for (const RefusedReview& r : model.refused) draw_refused(r, ui, width);
    if (model.pending.empty()) draw_text(ui.body, t.colors.text_muted, text(Str::staff_review_empty), true);
    for (const ReviewRow& row : model.pending) draw_pending(row, state, ui, width);
    draw_reviewed(model, ui);
    end_touch_scroll(ui.scrolls);
    if (state.review.keyboard_open)
        if (auto key = draw_keyboard(state.review.reason, typing, ui, avail.x); key && key->code == KeyCode::done)
            state.review.keyboard_open = false;
    return std::nullopt;
}

}  // namespace gongshi::kiosk
