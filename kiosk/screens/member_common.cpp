// What the member screens share: the no-data states, rows of choices, dates.
#include <imgui_internal.h>

#include "member_screens.hpp"
#include "screens/screens.hpp"

namespace gongshi::kiosk {

void draw_no_data(const DataState& data, Ui& ui) {
    // First sync and offline look different: one will fix itself, the other needs the network.
    ImGui::Dummy(ImVec2(0, ui.theme.em(2.0f)));
    draw_text_centered(ui.title, ui.theme.colors.text, text(data.offline ? Str::no_data_offline : Str::no_data_syncing));
}

std::optional<int> draw_choice_row(Ui& ui, const std::vector<std::pair<std::string, bool>>& choices, float width) {
    const float gap = ui.theme.em(0.4f);
    const float n = static_cast<float>(choices.size());
    const ImVec2 size((width - gap * (n - 1)) / n, std::max(ui.theme.em(2.2f), ui.theme.min_target_px));
    std::optional<int> tapped;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, gap);
        const auto& [label, selected] = choices[i];
        if (touch_button(ui, label.c_str(), size, selected ? ButtonKind::selected : ButtonKind::nav))
            tapped = static_cast<int>(i);
    }
    return tapped;
}

std::string date_text(const Date& d) {
    return format(Str::date_ymd, {std::to_string(d.year), std::to_string(d.month), std::to_string(d.day)});
}

std::string local_date_text(const Timestamp& t) {
    const std::int64_t local = t.unix_seconds + t.offset_minutes * 60;
    const std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    return date_text(civil_from_days(days));
}

std::string fit_text(ImFont* font, std::string_view s, float width) {
    auto w = [&](std::string_view t) { return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, t.data(), t.data() + t.size()).x; };
    if (w(s) <= width) return std::string(s);
    const std::string_view kEllipsis = text(Str::ellipsis);
    std::string out(s);
    while (!out.empty() && w(out) + w(kEllipsis) > width) {
        do out.pop_back();
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80);
        // A lead byte of a multi-byte character is left after its continuation bytes went.
        if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
    }
    return out + std::string(kEllipsis);
}

}  // namespace gongshi::kiosk
