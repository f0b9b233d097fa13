// Deterministic demo data in domain structs, ready to be encoded for the wire.
//   community: ~300 members, ~30 units, 12 months of points, ~60 wishes, ~15 notices
//   district:  one community id with 10,000 members, 1,000 units, 600,000 point events over
//              3 years, 20,000 wishes and 500 notices (the benchmark size)
// The same (preset, seed, today) always gives the same data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gongshi/codec.hpp"

namespace gongshi {

enum class DemoPreset { community, district };
std::optional<DemoPreset> parse_preset(std::string_view name);

struct DemoStaff {
    std::string id;
    std::string pin;  // the plain demo PIN, printed by the server for the README demo
};

// An image the demo data refers to (member photos, notice images, reward pictures).
struct DemoMedia {
    MediaId id;         // sha256 of bytes, lowercase hex
    std::string bytes;  // a PNG
};

struct DemoData {
    std::vector<Entity> entities;  // referenced entities come before those that refer to them
    std::vector<DemoStaff> staff;
    std::vector<DemoMedia> media;
};

inline constexpr std::uint64_t kDefaultDemoSeed = 20131122;

// `today` anchors the generated history: points run up to it, notices are published around it.
DemoData generate_demo(DemoPreset preset, const Date& today, std::uint64_t seed = kDefaultDemoSeed);

}  // namespace gongshi
