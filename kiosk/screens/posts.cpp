// 岗位认领: the categories first, then a category's posts with their duties, places taken out
// of total and holders. 必领 posts are marked; posts with free places are framed in the accent
// colour and carry a QR code a member scans to claim the post on the central site.
#include <imgui_internal.h>

#include <algorithm>

#include "screens/disclosure_parts.hpp"
#include "screens/screens.hpp"

namespace gongshi::kiosk {

namespace {

// A small filled label (必领, 已满) in front of a title.
void draw_tag(Ui& ui, const char* label, Rgb fill, Rgb ink) {
    const Theme& t = ui.theme;
    const ImVec2 size = ui.body->CalcTextSizeA(ui.body->FontSize, FLT_MAX, 0.0f, label) + ImVec2(t.em(0.5f), t.em(0.2f));
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, min + size, to_u32(fill), t.em(0.2f));
    dl->AddText(ui.body, ui.body->FontSize, min + ImVec2(t.em(0.25f), t.em(0.1f)), to_u32(ink), label);
    ImGui::Dummy(size);
}

std::optional<Action> draw_categories(const PostsModel& model, Ui& ui) {
    const Theme& t = ui.theme;
    const Palette& c = t.colors;
    std::optional<Action> action;
    draw_text(ui.body, c.text_muted, text(Str::posts_categories));
    const int columns = ui.portrait ? 2 : 4;
    const float gap = t.em(0.5f);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    begin_touch_scroll(ui.scrolls, "##post-categories", ImGui::GetContentRegionAvail());
    const float width = (ImGui::GetContentRegionAvail().x - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const ImVec2 size(width, t.em(4.2f));
    for (std::size_t i = 0; i < model.categories.size(); ++i) {
        const CategorySummary& cat = model.categories[i];
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine();
        ImVec2 face;
        if (touch_surface(ui, cat.name.c_str(), size, &face)) action = ChangeView{PostsView{cat.name}};
        if (!ImGui::IsItemVisible()) continue;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 pad(t.em(0.6f), t.em(0.5f));
        dl->AddText(ui.title, ui.title->FontSize, face + pad, to_u32(c.text), cat.name.c_str());
        const std::string summary =
            format(Str::posts_category_summary, {std::to_string(cat.posts), std::to_string(cat.free_places)});
        dl->AddText(ui.body, ui.body->FontSize, face + pad + ImVec2(0, ui.title->FontSize + t.em(0.3f)),
                    to_u32(cat.free_places > 0 ? c.accent : c.text_muted), summary.c_str());
    }
    end_touch_scroll(ui.scrolls);
    ImGui::PopStyleVar();
    return action;
}

void draw_post(const PostCard& card, Ui& ui, float width) {
    const Theme& t = ui.theme;
    const Palette& c = t.colors;
    const PostView& v = card.view;
    const bool free = v.free_places() > 0;
    const Card frame(ui, width, free);
    // The QR code sits at the right of the card; the text wraps before it.
    const float qr_side = free && !card.qr.empty() ? t.em(7.0f) : 0.0f;
    const float text_w = frame.inner_width() - (qr_side > 0 ? qr_side + t.em(0.6f) : 0.0f);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + text_w);
    if (v.post.compulsory) {
        draw_tag(ui, text(Str::posts_compulsory), c.accent, c.on_accent);
        ImGui::SameLine(0, t.em(0.4f));
    }
    draw_text(ui.title, c.text, v.post.name);
    const std::string places = format(Str::posts_places, {std::to_string(v.taken), std::to_string(v.post.places)});
    draw_text(ui.body, c.text, places + "　" + (free ? format(Str::posts_free, {std::to_string(v.free_places())})
                                                  : std::string(text(Str::posts_full))));
    std::string duties = text(Str::posts_duties);
    for (std::size_t i = 0; i < v.post.duties.size(); ++i) duties += (i ? "；" : "") + v.post.duties[i];
    draw_text(ui.body, c.text_muted, duties);  // wraps at the card's edge (the wrap position pushed above)
    std::string holders = text(Str::posts_holders);
    if (v.holders.empty()) holders += text(Str::none_yet);
    for (std::size_t i = 0; i < v.holders.size(); ++i) holders += (i ? "、" : "") + v.holders[i].second;
    draw_text(ui.body, c.text_muted, holders);
    ImGui::PopTextWrapPos();
    if (qr_side > 0) draw_card_qr(ui, card.qr, top, frame.inner_width(), qr_side, text(Str::posts_scan));
}

}  // namespace

std::optional<Action> draw_posts(const PostsModel& model, const PostsView& view, const DataState& data, Ui& ui) {
    const Theme& t = ui.theme;
    draw_heading(ui, text(Str::tile_posts), view.category ? view.category->c_str() : nullptr);
    const bool empty = view.category ? model.posts.empty() : model.categories.empty();
    std::optional<Action> action;
    if (data.has_data && view.category) {
        if (touch_button(ui, text(Str::posts_all_categories), ImVec2(t.em(6.0f), t.em(2.2f)), ButtonKind::nav))
            action = ChangeView{PostsView{}};
    }
    if (draw_data_state(ui, data, empty, Str::posts_empty)) return action;
    if (!view.category) return draw_categories(model, ui);

    draw_card_columns(ui, "##posts", model.posts.size(),
                      [&](std::size_t i, float width) { draw_post(model.posts[i], ui, width); });
    return action;
}

}  // namespace gongshi::kiosk
