// Every piece of interface text, in one table: the glyph set is built from it and a test walks
// it, so a character missing from the font cannot hide in a screen file. Chinese text lives
// only here and in the data.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

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
    kb_preparing, kb_unavailable, kb_space, kb_newline, kb_newline_mark, kb_backspace, kb_clear, kb_done, kb_mode_pinyin, kb_mode_ascii,
    kb_prev_page, kb_next_page, kb_punctuation, kb_handwriting, kb_pinyin, kb_rewrite, kb_hw_hint, kb_hw_recognizing,
    kb_hw_unavailable,
    // 积分查询.
    points_search_hint, points_search_prompt, points_no_match, points_balance_label, points_month, points_rank,
    points_no_rank, points_affordable, points_affordable_none, points_scan, points_search_again,
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
    // Staff editing: 公告管理 and 心愿审核.
    staff_notices_heading, staff_new_notice, staff_edit, staff_pin, staff_unpin, staff_state_published,
    staff_state_scheduled, staff_state_expired, staff_pending, staff_publish_at, staff_expire_at,
    staff_conflict, staff_redo, staff_refused, staff_refused_new, staff_notices_empty, staff_saved_pending,
    staff_save_failed, staff_title_required, staff_body_required, staff_no_changes, staff_editor_edit,
    staff_field_title, staff_field_body,
    staff_title_hint, staff_body_hint, staff_chars, staff_publish_label, staff_expire_label, staff_no_expiry,
    staff_today, staff_plus_day, staff_hour_up, staff_hour_down, staff_set_expiry, staff_clear_expiry,
    staff_end_of_today, staff_pictures, staff_no_pictures, staff_attached, staff_save, staff_cancel,
    staff_review_heading, staff_review_empty, staff_review_count, staff_approve, staff_reject,
    staff_confirm_reject, staff_reason_hint, staff_reason_duplicate, staff_reason_unclear,
    staff_reason_elsewhere, staff_reason_improper, staff_marks, staff_submitted, staff_reviewed_heading,
    staff_approved_row, staff_rejected_row, staff_review_taken, staff_review_refused,
    // 微心愿: the board and the posting flow.
    wish_tab_open, wish_new, wish_filter_category, wish_filter_estate, wish_scan, wish_claimed_by, wish_claimed_on,
    wish_fulfilled_on, wish_submitted_on, wish_resident, wish_board_empty, wish_board_count, wish_post_title,
    wish_progress, wish_step_category, wish_step_text, wish_step_place, wish_step_phone, wish_step_confirm,
    wish_next, wish_prev, wish_need_category, wish_need_text, wish_need_place, wish_need_phone, wish_need_choice, wish_text_hint,
    wish_counter, wish_phrases_title, wish_place_title, wish_name_title, wish_name_hint, wish_name_preview,
    wish_name_none, wish_phone_notice, wish_phone_agree, wish_phone_skip, wish_phone_hint, wish_phone_echo,
    wish_field_category, wish_field_text, wish_field_place, wish_field_name, wish_field_phone,
    wish_not_given, wish_submit, wish_done_title, wish_code_label, wish_write_down, wish_scan_status,
    wish_review_note, wish_finish, wish_no_kiosk_code, wish_unreadable, wish_name_too_long, wish_no_free_code, wish_not_saved,
    wish_no_outbox, wish_no_places, wish_default_categories,
    wish_phrases_help, wish_phrases_medical, wish_phrases_study, wish_phrases_repair, wish_phrases_legal,
    wish_phrases_other,
    // 查询进度: a wish's progress by its tracking code.
    track_open, track_title, track_subtitle, track_field, track_field_hint, track_submit, track_where_code,
    track_waiting, track_invalid, track_unknown, track_unknown_offline, track_code_shown, track_category,
    track_pending_review, track_rejected, track_pending_upload, track_explain_pending_review, track_explain_open,
    track_explain_claimed, track_explain_fulfilled, track_explain_rejected, track_explain_pending_upload,
    track_from_server, track_from_cache, track_from_outbox,
    // Staff mode: login, staff home, sync health, device facts.
    staff_mode_marker, staff_login_title, staff_login_subtitle, staff_login_id, staff_login_pin,
    staff_login_id_hint, staff_login_pin_hint, staff_login_dot, staff_login_submit, staff_login_checking, staff_login_invalid,
    staff_login_wait, staff_login_locked, staff_login_short_pin, staff_login_need_id, staff_login_no_outbox,
    staff_home_title, staff_role_admin, staff_role_staff, staff_home_hint, staff_sync_health, staff_device_info,
    staff_sync_now, staff_restart, staff_quit, staff_logout, staff_confirm, staff_confirm_restart,
    staff_confirm_quit, staff_confirm_discard, staff_sync_requested, staff_sync_unavailable, staff_retry_queued,
    staff_discarded, staff_command_failed, sync_summary, sync_online, sync_offline, sync_no_server,
    sync_never, sync_paused, sync_errors, sync_no_errors, sync_pending, sync_dead, sync_none,
    sync_row, sync_retry, sync_discard, sync_outbox_unavailable, outbox_kind_wish, outbox_kind_notice,
    outbox_kind_notice_edit, outbox_kind_wish_review, outbox_kind_staff_action, device_version, device_uptime,
    device_uptime_value, device_cache, device_outbox, device_free_disk, device_server, device_community,
    device_kiosk_code, device_unknown,
    count_  // not a string: the number of entries
};

const char* text(Str id);

// Replaces each "{}" in the string with the next argument, in order.
std::string format(Str id, std::initializer_list<std::string_view> args);

// 微心愿: the built-in categories (when neither the community nor the config names any) and the
// quick phrases offered for a category, each as the pieces of a "|"-separated string.
std::vector<std::string> split_list(Str id);
Str wish_phrases_for(std::string_view category);

}  // namespace gongshi::kiosk
