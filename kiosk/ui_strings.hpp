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
    // On-screen keyboard.
    kb_preparing, kb_unavailable, kb_space, kb_backspace, kb_clear, kb_done, kb_mode_pinyin, kb_mode_ascii,
    kb_prev_page, kb_next_page,
    // Member screens: shared states and filters.
    no_data_syncing, no_data_offline, filter_all, filter_chip, filter_grid, filter_unit, filter_category,
    filter_registration, registered, unregistered, clear_filters, load_more, date_ymd,
    // Pledges wall.
    pledges_count, pledges_search_hint, pledges_empty, card_no_posts, card_no_pledge, search_close,
    // Member profile.
    profile_title, profile_missing, profile_unit, profile_grid, profile_role, profile_member_no, profile_registered_on,
    profile_not_registered, profile_contact, role_in_service, role_community, role_retired, section_posts,
    post_claimed_on, post_duties, section_pledges, pledge_year, section_points, points_this_month, points_this_year,
    kind_group_activity, kind_individual_service, kind_bonus, kind_deduction, kind_redemption, points_earned,
    points_balance, section_history, history_empty, section_grades, grade_row, section_wishes, wish_claimed,
    wish_fulfilled, none_yet, list_item, post_with_category, wish_row, two_parts, three_parts, list_separator, ellipsis,
    // Registration.
    reg_members, reg_units, reg_progress, reg_all_done, reg_members_left, reg_units_left, tab_members, tab_units,
    tab_pairings, reg_pairing, reg_unpaired, reg_list_empty,
    // Disclosure screens (rankings, evaluations, posts, notices, rewards).
    offline_cached, period_month, period_quarter, period_year, period_all, period_label_month,
    period_label_quarter, period_label_year, rank_baseline, rank_baseline_note, rank_chart, rank_points,
    rank_range, rank_first, rank_prev_page, rank_next_page, rank_last, rank_empty, rank_honours, rank_praise,
    rank_find, rank_find_hint, rank_find_found, rank_find_unknown, rank_find_no_points,
    eval_year, eval_distribution, eval_people, eval_list, eval_empty, eval_score,
    posts_categories, posts_category_summary, posts_all_categories, posts_compulsory, posts_places, posts_free,
    posts_full, posts_duties, posts_holders, posts_scan, posts_empty,
    notices_pinned, notices_position, notices_prev, notices_next, notices_empty, notices_published,
    rewards_cost, rewards_stock, rewards_sold_out, rewards_empty, attract_fulfilled, attract_wish_row,
    count_  // not a string: the number of entries
};

const char* text(Str id);

// Replaces each "{}" in the string with the next argument, in order.
std::string format(Str id, std::initializer_list<std::string_view> args);

}  // namespace gongshi::kiosk
