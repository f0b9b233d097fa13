// Loading the demo presets into an empty store.
#pragma once

#include <span>

#include "gongshi/demo_data.hpp"
#include "store.hpp"

namespace gongshi::server {

// Publishes each preset's entities and media, keeps its staff PINs for printing, and
// registers one demo kiosk per community. Does nothing when the store already holds data.
// Returns whether it seeded.
bool seed_demo(Store& store, std::span<const DemoPreset> presets, const Date& today);

}  // namespace gongshi::server
