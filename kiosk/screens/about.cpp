// 关于本机: how to reach the community office, and what staff need to know about this terminal.
#include "screens/screens.hpp"

namespace gongshi::kiosk {

std::optional<Action> draw_about(const ViewModels& models, const DeviceInfo& device, Ui& ui) {
    const Palette& c = ui.theme.colors;
    draw_heading(ui, text(Str::tile_about));
    begin_touch_scroll(ui.scrolls, "##about", ImGui::GetContentRegionAvail());
    if (!models.has_data) draw_text(ui.body, c.text, text(Str::about_no_data), true);
    if (!models.about.about.empty()) draw_text(ui.body, c.text, models.about.about, true);
    const OfficeContact& office = models.about.office;
    for (const auto& [label, value] : {std::pair{Str::about_address, &office.address},
                                       std::pair{Str::about_phone, &office.phone},
                                       std::pair{Str::about_hours, &office.hours}})
        if (!value->empty()) draw_text(ui.body, c.text, format(label, {*value}), true);

    ImGui::Dummy(ImVec2(0, ui.theme.em(0.5f)));
    draw_text(ui.title, c.text, text(Str::about_device));
    const auto px = [](float v) { return std::to_string(static_cast<int>(v)); };
    for (const std::string& line : {device.updated,
                                    format(Str::about_data_version, {std::to_string(device.data_version)}),
                                    format(Str::about_screen, {px(device.display_size.x), px(device.display_size.y)}),
                                    format(Str::about_software, {GONGSHI_VERSION}),
                                    format(Str::about_cache, {device.cache_path})})
        draw_text(ui.body, c.text_muted, line, true);
    end_touch_scroll(ui.scrolls);
    return std::nullopt;
}

}  // namespace gongshi::kiosk
