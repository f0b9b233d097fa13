// View models of the member screens, built on the UI thread from the cache's read queries.
#include <algorithm>
#include <unordered_map>

#include "member_screens.hpp"

namespace gongshi::kiosk {

namespace {

bool on_stack(const std::vector<ScreenKind>& stack, ScreenKind screen) {
    return std::find(stack.begin(), stack.end(), screen) != stack.end();
}

bool same_filter(const MemberFilter& a, const MemberFilter& b) {
    return a.grid_id == b.grid_id && a.unit_id == b.unit_id && a.post_category == b.post_category &&
           a.registration == b.registration && a.search == b.search && a.offset == b.offset && a.limit == b.limit;
}

bool same_registration_ui(const RegistrationUi& a, const RegistrationUi& b) {
    return a.tab == b.tab && a.status == b.status && a.shown == b.shown;
}

void add_card_glyphs(GlyphSet& glyphs, const MemberCard& c) {
    glyphs.add_text(c.member.name);
    glyphs.add_text(c.unit_name);
    glyphs.add_text(c.grid_name);
    glyphs.add_text(c.pledge_headline);
    glyphs.add_text(c.member.contact_masked);
    for (const std::string& p : c.post_names) glyphs.add_text(p);
}

// The members a search finds (name, pinyin, initials or member number), their text in the glyph set.
MemberPage search_members(const Cache& cache, const MemberFilter& filter, GlyphSet& glyphs) {
    MemberPage page = cache.members(filter);
    for (const MemberCard& c : page.rows) add_card_glyphs(glyphs, c);
    return page;
}

PledgesModel build_pledges(const Cache& cache, const MemberFilter& filter, GlyphSet& glyphs) {
    PledgesModel m;
    m.built_for = filter;
    MemberPage page = search_members(cache, filter, glyphs);
    m.cards = std::move(page.rows);
    m.total = page.total;
    for (const Grid& g : cache.grids()) m.grids.push_back({g.id, g.name});
    for (const Unit& u : cache.units()) m.units.push_back({u.id, u.name});
    for (const std::string& c : cache.post_categories()) m.categories.push_back({c, c});
    for (const auto* list : {&m.grids, &m.units, &m.categories})
        for (const Choice& c : *list) glyphs.add_text(c.label);
    return m;
}

void add_profile_glyphs(GlyphSet& glyphs, const MemberProfile& p) {
    add_card_glyphs(glyphs, p.card);
    for (const ClaimedPost& c : p.posts) {
        glyphs.add_text(c.post.name);
        glyphs.add_text(c.post.category);
        for (const std::string& d : c.post.duties) glyphs.add_text(d);
    }
    for (const Pledge& pl : p.pledges)
        for (const std::string& item : pl.items) glyphs.add_text(item);
    for (const PointEvent& e : p.history) glyphs.add_text(e.reason);
    for (const Evaluation& e : p.evaluations) {
        glyphs.add_text(e.grade);
        if (e.honour) glyphs.add_text(*e.honour);
    }
    for (const Wish& w : p.wishes) {
        glyphs.add_text(w.text);
        glyphs.add_text(w.category);
    }
}

ProfileModel build_profile(const Cache& cache, const std::string& member_id, std::int64_t now, GlyphSet& glyphs) {
    ProfileModel m;
    m.built_for = member_id;
    m.profile = cache.member_profile(member_id, now);
    if (!m.profile) return m;
    add_profile_glyphs(glyphs, *m.profile);
    std::unordered_map<std::string, std::string> grid_names;
    for (const Grid& g : cache.grids()) grid_names[g.id] = g.name;
    for (const Wish& w : m.profile->wishes) {
        m.wish_grids.push_back(grid_names[w.grid_id]);
        glyphs.add_text(m.wish_grids.back());
    }
    return m;
}

// 积分查询's page of one member: the profile (points, history, grades), this month's rank, the
// rewards within the balance and the QR code of the same page on the central site.
void build_points_page(PointsLookupModel& m, const Cache& cache, const std::string& member_id, std::int64_t now,
                       const std::string& url_pattern, GlyphSet& glyphs) {
    m.built_for_member = member_id;
    m.profile = cache.member_profile(member_id, now);
    m.month_rank.reset();
    m.month_ranked = 0;
    m.affordable.clear();
    m.qr = {};
    if (!m.profile) return;
    add_profile_glyphs(glyphs, *m.profile);
    RankingQuery month;
    month.period = period_containing(PeriodKind::month, community_today(cache, now));
    if (const std::optional<int> offset = cache.ranking_offset_of(month, member_id)) {
        month.offset = *offset;
        month.limit = 1;
        Ranking row = cache.ranking(month);
        m.month_ranked = row.total;
        if (!row.rows.empty()) m.month_rank = std::move(row.rows.front());
    }
    for (Reward& r : cache.rewards())
        if (r.cost <= m.profile->points.balance) {
            glyphs.add_text(r.name);
            m.affordable.push_back(std::move(r));
        }
    std::stable_sort(m.affordable.begin(), m.affordable.end(), [](const Reward& a, const Reward& b) { return a.cost < b.cost; });
    m.url = fill_pattern(url_pattern, "{member_no}", m.profile->card.member.member_no);
    m.qr = encode_qr(m.url).value_or(QrCode{});
}

RegistrationModel build_registration(const Cache& cache, const RegistrationUi& ui, GlyphSet& glyphs) {
    RegistrationModel m;
    m.built_for = ui;
    m.stats = cache.registration_stats();
    switch (ui.tab) {
    case RegistrationTab::members: {
        MemberFilter f;
        f.registration = ui.status;
        f.limit = ui.shown;
        MemberPage page = cache.members(f);
        m.members = std::move(page.rows);
        m.members_total = page.total;
        for (const MemberCard& c : m.members) add_card_glyphs(glyphs, c);
        break;
    }
    case RegistrationTab::units:
    case RegistrationTab::pairings: {
        std::unordered_map<std::string, std::string> grid_names;
        for (const Grid& g : cache.grids()) grid_names[g.id] = g.name;
        for (Unit& u : cache.units()) {
            const bool wanted = ui.tab == RegistrationTab::units ? u.registration == ui.status : u.paired_grid_id.has_value();
            if (!wanted) continue;
            std::string grid = u.paired_grid_id ? grid_names[*u.paired_grid_id] : std::string();
            glyphs.add_text(u.name);
            glyphs.add_text(grid);
            m.units.push_back({std::move(u), std::move(grid)});
        }
        // Pairings read by estate: every unit of one estate together.
        if (ui.tab == RegistrationTab::pairings)
            std::stable_sort(m.units.begin(), m.units.end(),
                             [](const UnitRow& a, const UnitRow& b) { return a.paired_grid_name < b.paired_grid_name; });
        break;
    }
    }
    return m;
}

}  // namespace

MemberScreensUi fresh_member_screens_ui() {
    MemberScreensUi ui;
    ui.pledges.search.field.max_chars = kSearchMaxChars;
    ui.points.search.field.max_chars = kSearchMaxChars;
    return ui;
}

MemberFilter pledges_query(const PledgesUi& ui) {
    MemberFilter f = ui.filter;
    f.search = ui.search.query();
    f.offset = 0;
    f.limit = ui.shown;
    return f;
}

void refresh_points_lookup(PointsLookupModel& model, const PointsLookupUi& ui, const Cache& cache, std::int64_t now_unix,
                           const std::string& url_pattern, GlyphSet& glyphs) {
    const std::int64_t version = cache.data_version();
    const bool data_moved = version != model.data_version;
    model.data_version = version;
    const std::string query = ui.search.query();
    if (data_moved || model.built_for_search != query) {
        model.built_for_search = query;
        model.matches = {};
        // An empty search lists nobody: a member looks for themselves, not through everyone.
        if (!query.empty()) {
            MemberFilter f;
            f.search = query;
            f.limit = kPointsMatches;
            model.matches = search_members(cache, f, glyphs);
        }
    }
    if (!ui.member_id.empty() && (data_moved || model.built_for_member != ui.member_id))
        build_points_page(model, cache, ui.member_id, now_unix, url_pattern, glyphs);
}

void refresh_member_models(MemberScreensModels& models, const MemberScreensUi& ui, const Cache& cache,
                           const std::vector<ScreenKind>& stack, std::int64_t now_unix, GlyphSet& glyphs) {
    const std::int64_t version = cache.data_version();
    const bool data_moved = version != models.data_version;
    models.data_version = version;
    if (on_stack(stack, ScreenKind::pledges)) {
        const MemberFilter want = pledges_query(ui.pledges);
        if (data_moved || !models.pledges.built || !same_filter(want, models.pledges.built_for)) {
            models.pledges = build_pledges(cache, want, glyphs);
            models.pledges.built = true;
        }
    }
    if (on_stack(stack, ScreenKind::member_profile) &&
        (data_moved || models.profile.built_for != ui.profile_member_id))
        models.profile = build_profile(cache, ui.profile_member_id, now_unix, glyphs);
    if (on_stack(stack, ScreenKind::registration) &&
        (data_moved || !models.registration.built_for || !same_registration_ui(*models.registration.built_for, ui.registration)))
        models.registration = build_registration(cache, ui.registration, glyphs);
}

}  // namespace gongshi::kiosk
