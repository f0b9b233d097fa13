#include "random_walk.hpp"

#include <imgui.h>

#include <random>
#include <vector>

#include "ui_strings.hpp"

namespace gongshi::kiosk {

namespace {

// Out of 100: what a resident (or a child) at the kiosk does next.
constexpr int kTapShare = 72, kDragShare = 10, kBackShare = 10, kIdleShare = 3;  // the rest waits

bool tap_label(FrameDriver& d, Str label, WalkReport& report) {
    const Tappable* t = d.taps().find(text(label));
    if (t == nullptr || t->covered) return false;
    tap_at(d, t->center());
    ++report.back_or_home;
    return true;
}

}  // namespace

void random_walk(FrameDriver& d, int interactions, std::uint32_t seed, WalkReport& report) {
    std::mt19937 rng(seed);
    auto uniform = [&rng](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    for (int i = 0; i < interactions; ++i) {
        const int roll = uniform(0, 99);
        std::vector<const Tappable*> open;
        for (const Tappable& t : d.taps().items())
            if (!t.covered) open.push_back(&t);
        if (roll < kTapShare && !open.empty()) {
            const Tappable* t = open[static_cast<std::size_t>(uniform(0, static_cast<int>(open.size()) - 1))];
            ++report.labels_tapped[t->label];
            ++report.taps;
            tap_at(d, t->center());
            continue;
        }
        if (roll < kTapShare + kDragShare) {
            const ImVec2 size = ImGui::GetIO().DisplaySize;
            const float x = size.x * static_cast<float>(uniform(20, 80)) / 100.0f;
            const float y = size.y * static_cast<float>(uniform(30, 70)) / 100.0f;
            const float dy = static_cast<float>(uniform(-400, 400));
            drag(d, ImVec2(x, y), ImVec2(x, y + dy), uniform(80, 400));
            ++report.drags;
            continue;
        }
        const Str way = uniform(0, 1) == 1 ? Str::nav_back : Str::nav_home;
        if (roll < kTapShare + kDragShare + kBackShare && (tap_label(d, way, report) || tap_label(d, Str::nav_home, report)))
            continue;
        if (roll >= kTapShare + kDragShare + kBackShare && roll < kTapShare + kDragShare + kBackShare + kIdleShare) {
            idle(d, uniform(30, 420));  // through the countdown, the attract loop, quiet hours
            ++report.idles;
            continue;
        }
        wait(d, uniform(0, 300));
        ++report.waits;
    }
}

}  // namespace gongshi::kiosk
