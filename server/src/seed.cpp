#include "seed.hpp"

#include <stdexcept>

namespace gongshi::server {

namespace {

std::string community_of(const DemoData& data) {
    for (const auto& entity : data.entities)
        if (const auto* c = std::get_if<Community>(&entity)) return c->id;
    throw std::runtime_error("demo data without a community");
}

}  // namespace

bool seed_demo(Store& store, std::span<const DemoPreset> presets, const Date& today) {
    if (presets.empty() || store.read([](Session& s) { return s.entities.last_seq() > 0; })) return false;
    for (const DemoPreset preset : presets) {
        const DemoData data = generate_demo(preset, today);
        const std::string cid = community_of(data);
        store.write([&](Session& s) {
            s.publish(cid, data.entities);
            for (const auto& media : data.media) s.media.put(media.id, {"image/png", media.bytes});
            for (const auto& staff : data.staff) s.demo_pins.add({cid, staff.id, staff.pin});
            s.kiosks.add(cid, std::nullopt);
        });
    }
    store.checkpoint();  // or the district preset leaves a WAL as large as the database
    return true;
}

}  // namespace gongshi::server
