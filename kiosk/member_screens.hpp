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

struct MemberScreensUi {
    PledgesUi pledges;
    std::string profile_member_id;  // whose profile ScreenKind::member_profile shows
    RegistrationUi registration;
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

struct MemberScreensModels {
    std::int64_t data_version = -1;
    PledgesModel pledges;
    ProfileModel profile;
    RegistrationModel registration;
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

// ---- screens ----

// Tapping a card sets state.profile_member_id and opens the profile.
std::optional<Action> draw_pledges(const PledgesModel& model, MemberScreensUi& state, const DataState& data,
                                   Typing& typing, Ui& ui);
std::optional<Action> draw_member_profile(const ProfileModel& model, const DataState& data, Ui& ui);
std::optional<Action> draw_registration(const RegistrationModel& model, RegistrationUi& state, const DataState& data,
                                        Ui& ui);

// Shared by the three: the first-sync / offline message when there is no data at all.
void draw_no_data(const DataState& data, Ui& ui);
// A row of choices (tabs or chips) of equal width; returns the index tapped.
std::optional<int> draw_choice_row(Ui& ui, const std::vector<std::pair<std::string, bool>>& choices, float width);
std::string local_date_text(const Timestamp& t);
// `s` cut to `width` pixels with an ellipsis, for one-line text in a fixed box (a card).
std::string fit_text(ImFont* font, std::string_view s, float width);
std::string date_text(const Date& d);

}  // namespace gongshi::kiosk
