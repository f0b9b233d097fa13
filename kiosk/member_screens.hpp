// The member disclosure screens: the pledges wall (承诺公示), a member's profile and the
// registration progress (双报到). Their UI state (filters, the search keyboard, tabs), their view
// models built from the cache's queries, and the screens that draw them.
//
// A screen may change its own UI state (a filter chip, a tab, the search text); the app rebuilds
// the view model between frames when the state it was built for changed (refresh_member_models).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "disclosure.hpp"  // DataState, shared with the other disclosure screens
#include "gongshi/cache.hpp"
#include "keyboard.hpp"
#include "navigation.hpp"
#include "qr.hpp"
#include "widgets.hpp"

namespace gongshi::kiosk {

inline constexpr int kMembersPerPage = 60;  // cards drawn before "显示更多"

// ---- UI state (owned by App, wiped by reset_to_home) ----

enum class MemberFilterKind { none, grid, unit, category, registration };

struct PledgesUi {
    MemberFilter filter;  // grid, unit, category, registration; search and limit are filled from below
    KeyboardState search;
    bool keyboard_open = false;
    MemberFilterKind picking = MemberFilterKind::none;  // a filter's page of choices, open instead of the cards
    int shown = kMembersPerPage;
};

enum class RegistrationTab { members, units, pairings };

struct RegistrationUi {
    RegistrationTab tab = RegistrationTab::members;
    Registration status = Registration::unregistered;  // what still needs ticking off comes first
    int shown = kMembersPerPage;
};

// 积分查询: the member looks themselves up, then sees their points page.
struct PointsLookupUi {
    KeyboardState search;   // name, pinyin, initials or member number
    std::string member_id;  // whose page is open; empty: the search
};

struct MemberScreensUi {
    PledgesUi pledges;
    std::string profile_member_id;  // whose profile ScreenKind::member_profile shows
    RegistrationUi registration;
    PointsLookupUi points;
};
// The search field holds up to this many characters (a name, or its pinyin).
inline constexpr std::size_t kSearchMaxChars = 24;
MemberScreensUi fresh_member_screens_ui();

// ---- view models ----

struct Choice {
    std::string id;  // what the filter stores
    std::string label;
};

struct PledgesModel {
    bool built = false;
    MemberFilter built_for;
    std::vector<MemberCard> cards;
    int total = 0;
    std::vector<Choice> grids, units, categories;
};

struct ProfileModel {
    std::string built_for;
    std::optional<MemberProfile> profile;
    std::vector<std::string> wish_grids;  // grid name of each wish, same order
};

struct UnitRow {
    Unit unit;
    std::string paired_grid_name;  // empty when not paired
};

struct RegistrationModel {
    std::optional<RegistrationUi> built_for;
    RegistrationStats stats;
    std::vector<MemberCard> members;  // the tab's status, first `shown`
    int members_total = 0;
    std::vector<UnitRow> units;  // the tab's status (units tab) or every paired unit (pairings tab)
};

inline constexpr int kPointsMatches = 30;  // names offered while searching

struct PointsLookupModel {
    std::int64_t data_version = -1;
    std::optional<std::string> built_for_search;
    MemberPage matches;  // nobody while the search is empty
    std::string built_for_member;
    std::optional<MemberProfile> profile;  // points, history, grades
    std::optional<RankingRow> month_rank;  // none without points this month
    int month_ranked = 0;                  // members with points this month
    std::vector<Reward> affordable;        // cost within the balance, cheapest first
    std::string url;                       // member_points_url_pattern filled in
    QrCode qr;                             // of url; empty if it could not be encoded
};

struct MemberScreensModels {
    std::int64_t data_version = -1;
    PledgesModel pledges;
    ProfileModel profile;
    RegistrationModel registration;
    PointsLookupModel points;  // refresh_points_lookup
};

// The member screens' part of App: their UI state and the models built for it.
struct MemberScreens {
    MemberScreensUi ui = fresh_member_screens_ui();
    MemberScreensModels models;
};

// The MemberFilter a pledges UI state asks for (search from the keyboard, limit from paging).
MemberFilter pledges_query(const PledgesUi& ui);

// Rebuilds the models of the screens on the stack whose UI state or data moved, and feeds their
// text to the glyph set. UI thread, between frames.
void refresh_member_models(MemberScreensModels& models, const MemberScreensUi& ui, const Cache& cache,
                           const std::vector<ScreenKind>& stack, std::int64_t now_unix, GlyphSet& glyphs);

// 积分查询's model: the matches of the search as it is typed, and the page of the member chosen.
// UI thread, between frames, while the screen is on the stack.
void refresh_points_lookup(PointsLookupModel& model, const PointsLookupUi& ui, const Cache& cache, std::int64_t now_unix,
                           const std::string& url_pattern, GlyphSet& glyphs);

// ---- screens ----

// Tapping a card sets state.profile_member_id and opens the profile.
std::optional<Action> draw_pledges(const PledgesModel& model, MemberScreensUi& state, const DataState& data,
                                   Typing& typing, Ui& ui);
std::optional<Action> draw_member_profile(const ProfileModel& model, const DataState& data, Ui& ui);
std::optional<Action> draw_registration(const RegistrationModel& model, RegistrationUi& state, const DataState& data,
                                        Ui& ui);
// Tapping a match sets state.member_id; 重新查找 clears it.
std::optional<Action> draw_points_lookup(const PointsLookupModel& model, PointsLookupUi& state, const DataState& data,
                                         Typing& typing, Ui& ui);

// A member's points: this month and year by kind, the balance, then every entry with its reason
// (newest first, clipped to the view). Profile and 积分查询.
void draw_points_section(const MemberProfile& profile, Ui& ui);
// The yearly grades (and honours), newest first.
void draw_grades_section(const std::vector<Evaluation>& evaluations, Ui& ui);
// A section title with a little space above it.
void draw_section(Ui& ui, Str title);

// Shared by the three: the first-sync / offline message when there is no data at all.
void draw_no_data(const DataState& data, Ui& ui);
// A row of choices (tabs or chips) of equal width; returns the index tapped.
std::optional<int> draw_choice_row(Ui& ui, const std::vector<std::pair<std::string, bool>>& choices, float width);
// A page of big choice buttons under `title`, 全部 first, the current one highlighted. Returns
// what was tapped this frame: an empty optional inside for 全部.
std::optional<std::optional<std::string>> draw_choice_page(Ui& ui, const char* title, const std::vector<Choice>& choices,
                                                           const std::optional<std::string>& current);
// The label of the chosen filter value (全部 when none), for the button that opens its page.
const char* chosen_label(const std::vector<Choice>& choices, const std::optional<std::string>& id);
std::string local_date_text(const Timestamp& t);
// `s` cut to `width` pixels with an ellipsis, for one-line text in a fixed box (a card).
std::string fit_text(ImFont* font, std::string_view s, float width);
std::string date_text(const Date& d);

}  // namespace gongshi::kiosk
