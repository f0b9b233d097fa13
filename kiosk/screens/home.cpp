// The home screen: the community's name and a big tile for every public screen. Landscape
// panels get five columns, portrait panels two; the grid scrolls if large text overflows it.
#include "screens/screens.hpp"

namespace gongshi::kiosk {

std::optional<Action> draw_home(const ViewModels& models, Ui& ui) {
    const Theme& t = ui.theme;
    draw_heading(ui, models.has_data ? models.community_name.c_str() : text(Str::community_fallback),
                 text(Str::home_subtitle));

    const auto tiles = home_tiles();
    const int columns = ui.portrait ? 2 : 5;
    const int rows = (static_cast<int>(tiles.size()) + columns - 1) / columns;
    const float gap = t.em(0.5f);
    std::optional<Action> action;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    begin_touch_scroll(ui.scrolls, "##tiles", ImGui::GetContentRegionAvail());
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    // Fill the screen, but never shrink a tile below its title and two lines of description.
    const ImVec2 tile((avail.x - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns),
                      std::max(t.em(4.8f), (avail.y - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows)));
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine();
        if (touch_tile(ui, text(tiles[i].label), text(tiles[i].hint), text(tiles[i].badge), tile))
            action = OpenScreen{tiles[i].screen};
    }
    end_touch_scroll(ui.scrolls);
    ImGui::PopStyleVar();
    return action;
}

}  // namespace gongshi::kiosk
