// What the current frame drew that a finger can tap: label, ImGui id and on-screen rectangle.
// Tests and scripts tap "by label" through it, and check that every target is big enough.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace gongshi::kiosk {

// Keys and candidates are tapped by the script steps "keys" and "candidate".
enum class TapKind { button, key, candidate };

struct Tappable {
    std::string label;
    ImGuiID id = 0;
    ImVec2 min, max;  // the visible part, already clipped by its window
    TapKind kind = TapKind::button;
    bool covered = false;  // drawn, but under an overlay
    ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
    ImVec2 size() const { return ImVec2(max.x - min.x, max.y - min.y); }
};

class TapRegistry {
public:
    void clear() { items_.clear(); }
    void add(Tappable t) { items_.push_back(std::move(t)); }
    // An overlay drawn over [min, max] hides what was registered before it.
    void cover(ImVec2 min, ImVec2 max);

    // The nth (1-based) visible target with this label.
    const Tappable* find(std::string_view label, int nth = 1) const;
    std::vector<const Tappable*> visible(TapKind kind) const;
    std::vector<std::string> visible_labels() const;
    const std::vector<Tappable>& items() const { return items_; }

private:
    std::vector<Tappable> items_;
};

}  // namespace gongshi::kiosk
