// Every piece of interface text, in one table: the glyph set is built from it and a test walks
// it, so a character missing from the font cannot hide in a screen file. Chinese text lives
// only here and in the data.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace gongshi::kiosk {

enum class Str {
    home_subtitle,
    community_fallback,
    // Home tiles and their one-line descriptions.
    tile_pledges, tile_pledges_hint, tile_pledges_badge,
    tile_posts, tile_posts_hint, tile_posts_badge,
    tile_rankings, tile_rankings_hint, tile_rankings_badge,
    tile_evaluations, tile_evaluations_hint, tile_evaluations_badge,
    tile_registration, tile_registration_hint, tile_registration_badge,
    tile_wishes, tile_wishes_hint, tile_wishes_badge,
    tile_notices, tile_notices_hint, tile_notices_badge,
    tile_rewards, tile_rewards_hint, tile_rewards_badge,
    tile_points, tile_points_hint, tile_points_badge,
    tile_about, tile_about_hint, tile_about_badge,
    // Navigation.
    nav_back, nav_home,
    // Placeholder for screens whose issue has not landed.
    coming_soon, coming_soon_detail,
    // Status bar.
    updated_at, never_updated, month_day, offline, outbox_depth, date_format,
    weekday_sun, weekday_mon, weekday_tue, weekday_wed, weekday_thu, weekday_fri, weekday_sat,
    // Idle.
    idle_question, idle_countdown, idle_continue, attract_touch, wake,
    attract_pinned, attract_top_members, attract_rank_row, attract_registration,
    attract_members_registered, attract_units_registered,
    // About.
    about_address, about_phone, about_hours, about_device, about_data_version,
    about_screen, about_software, about_cache, about_no_data, image_missing,
    count_  // not a string: the number of entries
};

const char* text(Str id);

// Replaces each "{}" in the string with the next argument, in order.
std::string format(Str id, std::initializer_list<std::string_view> args);

}  // namespace gongshi::kiosk
