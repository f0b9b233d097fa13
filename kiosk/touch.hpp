// Finger-friendly input over ImGui 1.86's mouse model. On X11 a touchscreen arrives as an
// emulated mouse, so "touch" is mouse input with finger-sized tolerances:
//   - drag to scroll with inertia, also when the drag starts on a button (which must not fire);
//   - a tap survives a few pixels of jitter (anything under kDragThresholdPx);
//   - no hover left behind where a finger lifted.
#pragma once

#include <imgui.h>

#include <optional>
#include <unordered_map>

namespace gongshi::kiosk {

inline constexpr float kDragThresholdPx = 16.0f;

// One frame of a finger played by a script or a test.
struct PointerInput {
    ImVec2 pos;
    bool down = false;
};

// Writes a scripted pointer into ImGui; no pointer means "nobody touching, pointer off-screen".
// Call after the platform backend's NewFrame, which overwrites io.MousePos and io.MouseDown.
void apply_pointer(ImGuiIO& io, const std::optional<PointerInput>& pointer);

// Moves the pointer off-screen from the frame after a release until the next press, so no
// widget stays hovered under a lifted finger. Call after the backend's NewFrame, each frame.
class PointerFilter {
public:
    // Returns true when the finger went down or came up since the last frame.
    bool apply(ImGuiIO& io);

private:
    bool was_down_ = false;
    bool hidden_ = false;
};

// The state machine of one scrolling list (after adnsv/implus touchscroll: pending -> dragging -> kinetic).
struct ScrollState {
    enum class Phase { idle, pending, dragging, kinetic };
    Phase phase = Phase::idle;
    ImVec2 press_pos;
    float press_scroll = 0;
    float last_y = 0;
    float velocity = 0;  // px/s of scroll; positive moves the content up
    bool swallow_press = false;
    bool fresh = true;  // a list drawn for the first time since stop_all() starts at the top
};

// Scroll states of every touch list, keyed by the list's window id: the lists' own state,
// kept outside the screens the way ImGui keeps a window's scroll position.
class TouchScrolls {
public:
    ScrollState& state(ImGuiID id) { return states_[id]; }
    // A list still flinging after the finger left: the only scrolling that needs frames without input.
    bool any_flinging() const;
    // Forgets every list: they stop, and start from the top when next drawn.
    void stop_all() { states_.clear(); }
    // An item that takes drags itself (the handwriting pad) claims the press it holds, each frame:
    // no list around it scrolls or takes the press away.
    void claim_drag(ImGuiID item) { drag_owner_ = item; }
    ImGuiID drag_owner() const { return drag_owner_; }

private:
    std::unordered_map<ImGuiID, ScrollState> states_;
    ImGuiID drag_owner_ = 0;
};

// A child window scrolled by dragging, with inertia. Always pair with end_touch_scroll.
void begin_touch_scroll(TouchScrolls& scrolls, const char* str_id, ImVec2 size);
void end_touch_scroll(TouchScrolls& scrolls);

}  // namespace gongshi::kiosk
