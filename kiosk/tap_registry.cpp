#include "tap_registry.hpp"

namespace gongshi::kiosk {

void TapRegistry::cover(ImVec2 min, ImVec2 max) {
    for (Tappable& t : items_)
        if (t.min.x >= min.x && t.min.y >= min.y && t.max.x <= max.x && t.max.y <= max.y) t.covered = true;
}

const Tappable* TapRegistry::find(std::string_view label, int nth) const {
    for (const Tappable& t : items_)
        if (!t.covered && t.label == label && --nth == 0) return &t;
    return nullptr;
}

std::vector<const Tappable*> TapRegistry::visible(TapKind kind) const {
    std::vector<const Tappable*> out;
    for (const Tappable& t : items_)
        if (!t.covered && t.kind == kind) out.push_back(&t);
    return out;
}

std::vector<std::string> TapRegistry::visible_labels() const {
    std::vector<std::string> out;
    for (const Tappable& t : items_)
        if (!t.covered) out.push_back(t.label);
    return out;
}

}  // namespace gongshi::kiosk
