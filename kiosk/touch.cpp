#include "touch.hpp"

#include <imgui_internal.h>

#include <cfloat>
#include <cmath>

namespace gongshi::kiosk {

namespace {

constexpr float kStopSpeed = 20.0f;      // px/s below which a fling stops
constexpr float kFlingTimeConstant = 0.35f;  // s for the speed to fall to 1/e (iOS-like feel)

const ImVec2 kOffScreen(-FLT_MAX, -FLT_MAX);

// Whether the item holding the press lives inside `window` (the list or a child of it).
bool active_item_inside(const ImGuiWindow* window) {
    const ImGuiContext& g = *GImGui;
    for (const ImGuiWindow* w = g.ActiveIdWindow; w != nullptr; w = w->ParentWindow)
        if (w == window) return true;
    return false;
}

void release_press_inside(const ImGuiWindow* window) {
    if (GImGui->ActiveId != 0 && active_item_inside(window)) ImGui::ClearActiveID();
}

}  // namespace

void apply_pointer(ImGuiIO& io, const std::optional<PointerInput>& pointer) {
    io.MousePos = pointer ? pointer->pos : kOffScreen;
    io.MouseDown[0] = pointer && pointer->down;
}

bool PointerFilter::apply(ImGuiIO& io) {
    const bool down = io.MouseDown[0];
    const bool changed = down != was_down_;
    if (down) hidden_ = false;
    // The release frame keeps its position so the button under the finger sees the release;
    // from the next frame on, nothing is hovered.
    else if (was_down_) hidden_ = true;
    else if (hidden_) io.MousePos = kOffScreen;
    was_down_ = down;
    return changed;
}

bool TouchScrolls::any_flinging() const {
    for (const auto& [id, s] : states_)
        if (s.phase == ScrollState::Phase::kinetic) return true;
    return false;
}

void begin_touch_scroll(TouchScrolls& scrolls, const char* str_id, ImVec2 size) {
    ImGui::BeginChild(str_id, size, false);
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ScrollState& s = scrolls.state(window->ID);
    const ImGuiIO& io = ImGui::GetIO();
    const float dt = io.DeltaTime > 0 ? io.DeltaTime : 1.0f / 60.0f;
    const float max_scroll = window->ScrollMax.y;
    using Phase = ScrollState::Phase;
    if (s.fresh) {
        ImGui::SetScrollY(0);
        s.fresh = false;
    }

    if (io.MouseClicked[0] &&
        ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
        // A finger landing on a moving list stops it; that touch is not a tap.
        s.swallow_press = s.phase == Phase::kinetic;
        s.phase = Phase::pending;
        s.press_pos = io.MousePos;
        s.press_scroll = window->Scroll.y;
        s.last_y = io.MousePos.y;
        s.velocity = 0;
    }

    switch (s.phase) {
    case Phase::idle:
        break;
    case Phase::pending: {
        if (!io.MouseDown[0] || (GImGui->ActiveId != 0 && GImGui->ActiveId == scrolls.drag_owner())) {
            s.phase = Phase::idle;
            break;
        }
        const float dx = io.MousePos.x - s.press_pos.x, dy = io.MousePos.y - s.press_pos.y;
        if (dx * dx + dy * dy <= kDragThresholdPx * kDragThresholdPx) break;
        // Past the threshold this is a scroll: take the press away from the button under the
        // finger so it cannot fire on release.
        s.phase = Phase::dragging;
        release_press_inside(window);
        [[fallthrough]];
    }
    case Phase::dragging: {
        if (!io.MouseDown[0]) {
            s.phase = std::fabs(s.velocity) > kStopSpeed ? Phase::kinetic : Phase::idle;
            break;
        }
        const float target = ImClamp(s.press_scroll - (io.MousePos.y - s.press_pos.y), 0.0f, max_scroll);
        // Smoothed so the last few frames decide the fling, and a finger that stops kills it.
        const float instant = (s.last_y - io.MousePos.y) / dt;
        s.velocity = 0.6f * instant + 0.4f * s.velocity;
        s.last_y = io.MousePos.y;
        ImGui::SetScrollY(target);
        break;
    }
    case Phase::kinetic: {
        float next = window->Scroll.y + s.velocity * dt;
        s.velocity *= std::exp(-dt / kFlingTimeConstant);
        if (next <= 0 || next >= max_scroll || std::fabs(s.velocity) < kStopSpeed) {
            next = ImClamp(next, 0.0f, max_scroll);
            s.phase = Phase::idle;
        }
        ImGui::SetScrollY(next);
        break;
    }
    }
}

void end_touch_scroll(TouchScrolls& scrolls) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ScrollState& s = scrolls.state(window->ID);
    // The press that stopped a fling was taken by a button during this frame; take it back.
    if (s.swallow_press) {
        release_press_inside(window);
        s.swallow_press = false;
    }
    ImGui::EndChild();
}

}  // namespace gongshi::kiosk
