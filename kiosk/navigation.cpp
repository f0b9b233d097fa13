#include "navigation.hpp"

namespace gongshi::kiosk {

namespace {

constexpr TileInfo kTiles[] = {
    {ScreenKind::pledges, Str::tile_pledges, Str::tile_pledges_hint, Str::tile_pledges_badge},
    {ScreenKind::posts, Str::tile_posts, Str::tile_posts_hint, Str::tile_posts_badge},
    {ScreenKind::rankings, Str::tile_rankings, Str::tile_rankings_hint, Str::tile_rankings_badge},
    {ScreenKind::evaluations, Str::tile_evaluations, Str::tile_evaluations_hint, Str::tile_evaluations_badge},
    {ScreenKind::registration, Str::tile_registration, Str::tile_registration_hint, Str::tile_registration_badge},
    {ScreenKind::wishes, Str::tile_wishes, Str::tile_wishes_hint, Str::tile_wishes_badge},
    {ScreenKind::notices, Str::tile_notices, Str::tile_notices_hint, Str::tile_notices_badge},
    {ScreenKind::rewards, Str::tile_rewards, Str::tile_rewards_hint, Str::tile_rewards_badge},
    {ScreenKind::points_lookup, Str::tile_points, Str::tile_points_hint, Str::tile_points_badge},
    {ScreenKind::about, Str::tile_about, Str::tile_about_hint, Str::tile_about_badge},
};

}  // namespace

std::span<const TileInfo> home_tiles() { return kTiles; }

Str screen_title(ScreenKind screen) {
    for (const TileInfo& t : kTiles)
        if (t.screen == screen) return t.label;
    return Str::community_fallback;  // home shows the community's own name instead
}

}  // namespace gongshi::kiosk
