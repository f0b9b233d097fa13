// What covers the screen when nobody is using the kiosk: the "still there?" countdown, the
// attract loop and the dark screen of quiet hours. Each is dismissed by its own tap, so the
// touch that wakes the kiosk never presses a button underneath.
#include <imgui_internal.h>

#include "screens/screens.hpp"

namespace gongshi::kiosk {

namespace {

// Offsets, in em, that the attract loop cycles through so no pixel shows the same thing for hours.
const ImVec2 kDriftEm[] = {{0, 0}, {1.5f, 1.0f}, {-1.5f, 1.5f}, {1.0f, -1.0f}, {-1.0f, -1.5f}};

void begin_overlay(Ui& ui, const char* id, ImU32 background) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ui.taps.cover(viewport->Pos, viewport->Pos + viewport->Size);
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
    ImGui::Begin(id, nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
}

// The whole screen as one tap target. Submitted last, so visible buttons drawn before it keep
// their own taps (ImGui gives an overlapped press to the first item submitted).
bool whole_screen_tap(Ui& ui, const char* label) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetCursorScreenPos(viewport->Pos);
    const bool pressed = ImGui::InvisibleButton("##whole-screen", viewport->Size);
    if (label != nullptr) register_last_item(ui, label);
    return pressed;
}

std::optional<Action> end_overlay(bool tapped) {
    ImGui::End();
    if (tapped) return DismissIdle{};
    return std::nullopt;
}

}  // namespace

std::optional<Action> draw_countdown(int seconds_left, Ui& ui) {
    const Theme& t = ui.theme;
    const Palette& c = t.colors;
    begin_overlay(ui, "##countdown", to_u32(c.bar, 0.85f));
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const ImVec2 card(std::min(t.em(18.0f), screen.x - t.em(2.0f)), t.em(10.0f));
    const ImVec2 min = ImGui::GetMainViewport()->Pos + (screen - card) * 0.5f;
    ImGui::GetWindowDrawList()->AddRectFilled(min, min + card, to_u32(c.surface), t.em(0.5f));

    ImGui::SetCursorScreenPos(min + ImVec2(0, t.em(1.2f)));
    draw_text_centered(ui.title, c.text, text(Str::idle_question), card.x);
    ImGui::SetCursorScreenPos(ImVec2(min.x, ImGui::GetCursorScreenPos().y));
    draw_text_centered(ui.body, c.text_muted, format(Str::idle_countdown, {std::to_string(seconds_left)}), card.x);

    const ImVec2 button(t.em(9.0f), t.em(2.4f));
    ImGui::SetCursorScreenPos(ImVec2(min.x + (card.x - button.x) * 0.5f, min.y + card.y - button.y - t.em(1.0f)));
    const bool pressed = touch_button(ui, text(Str::idle_continue), button, ButtonKind::primary);
    return end_overlay(whole_screen_tap(ui, nullptr) || pressed);
}

std::optional<Action> draw_attract(const std::vector<AttractSlide>& slides, const std::string& community, int step,
                                   Ui& ui) {
    const Theme& t = ui.theme;
    const Palette& c = t.colors;
    begin_overlay(ui, "##attract", to_u32(c.background));
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const std::size_t index = static_cast<std::size_t>(step);
    const ImVec2 drift = kDriftEm[index % std::size(kDriftEm)] * t.body_px;
    const AttractSlide fallback{Str::home_subtitle, community.empty() ? text(Str::community_fallback) : community, {}, {}};
    const AttractSlide& slide = slides.empty() ? fallback : slides[index % slides.size()];

    // The card is drawn behind its content once the content's height is known (draw-list channels).
    const float width = std::min(viewport->Size.x - t.em(4.0f), t.em(32.0f));
    const ImVec2 origin = viewport->Pos + ImVec2((viewport->Size.x - width) * 0.5f, viewport->Size.y * 0.18f) + drift;
    const float pad = t.em(1.2f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(origin + ImVec2(pad, pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(origin.x + width - pad - viewport->Pos.x);
    if (!community.empty()) draw_text(ui.body, c.text_muted, community);
    draw_text(ui.body, c.accent, text(slide.heading));
    if (!slide.title.empty()) draw_text(ui.title, c.text, slide.title, true);
    for (const std::string& line : slide.lines) draw_text(ui.body, c.text, line, true);
    if (slide.image) draw_image(ui, *slide.image, ImVec2(t.em(12.0f), t.em(8.0f)));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const float bottom = ImGui::GetItemRectMax().y + pad;
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(origin, ImVec2(origin.x + width, bottom), to_u32(c.surface), t.em(0.5f));
    dl->AddRect(origin, ImVec2(origin.x + width, bottom), to_u32(c.border), t.em(0.5f), 0, 2.0f);
    dl->AddRectFilled(origin, ImVec2(origin.x + t.em(0.3f), bottom), to_u32(c.accent), t.em(0.5f),
                      ImDrawFlags_RoundCornersLeft);
    dl->ChannelsMerge();

    // Which page this is, as dots: it changes in steps, never animates.
    const float dot = t.em(0.25f), spacing = t.em(0.9f);
    const std::size_t pages = std::max<std::size_t>(1, slides.size());
    ImVec2 dot_pos(origin.x + width * 0.5f - spacing * static_cast<float>(pages - 1) * 0.5f, bottom + t.em(1.0f));
    for (std::size_t i = 0; i < pages; ++i, dot_pos.x += spacing)
        dl->AddCircleFilled(dot_pos, dot, to_u32(i == index % pages ? c.accent : c.border));

    const char* hint = text(Str::attract_touch);
    const float hint_w = ui.title->CalcTextSizeA(ui.title->FontSize, FLT_MAX, 0.0f, hint).x;
    const ImVec2 hint_pos = viewport->Pos + ImVec2((viewport->Size.x - hint_w) * 0.5f, viewport->Size.y - t.em(4.0f)) + drift;
    dl->AddText(ui.title, ui.title->FontSize, hint_pos, to_u32(c.text), hint);
    return end_overlay(whole_screen_tap(ui, hint));
}

std::optional<Action> draw_quiet(Ui& ui) {
    // Nothing lit; the whole screen wakes the kiosk. Its target is named for scripts only.
    begin_overlay(ui, "##quiet", IM_COL32(0, 0, 0, 255));
    return end_overlay(whole_screen_tap(ui, text(Str::wake)));
}

}  // namespace gongshi::kiosk
