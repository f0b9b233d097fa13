// What a home tile opens until its screen's issue lands: a clear "coming soon" page. Back and
// home are in the navigation bar like on every other screen.
#include "screens/screens.hpp"

namespace gongshi::kiosk {

std::optional<Action> draw_placeholder(ScreenKind screen, Ui& ui) {
    const Palette& c = ui.theme.colors;
    draw_heading(ui, text(screen_title(screen)));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetContentRegionAvail().y * 0.3f);
    draw_text_centered(ui.title, c.text, text(Str::coming_soon));
    ImGui::Dummy(ImVec2(0, ui.theme.em(0.5f)));
    draw_text_centered(ui.body, c.text_muted, text(Str::coming_soon_detail));
    return std::nullopt;
}

}  // namespace gongshi::kiosk
