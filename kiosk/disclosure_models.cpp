// View models of the disclosure screens, from the cache's read queries, on the UI thread.
#include <algorithm>
#include <map>

#include "disclosure.hpp"
#include "fonts.hpp"
#include "ui_strings.hpp"

namespace gongshi::kiosk {

namespace {

constexpr int kPraiseRows = 8;
// Every subject of a period: a district has about 10,000, a few hundred kilobytes of rows, and
// the list must reach any rank by dragging.
constexpr int kAllRows = 1 << 30;

RankingQuery ranking_query(const Cache& cache, const RankingsView& view, std::int64_t now_unix) {
    RankingQuery q;
    q.subject = view.subject;
    q.period = period_containing(view.period, community_today(cache, now_unix));
    q.limit = kAllRows;
    return q;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The numbers a typed text may mean: as typed; digits alone get the community's letter prefix
// (taken from a member's number, "DY" in the demo), also zero-padded to that number's width, so
// "1", "0001" and "DY0001" all find DY0001.
std::vector<std::string> number_candidates(const Cache& cache, const std::string& typed) {
    std::vector<std::string> out{typed};
    if (typed.empty() || !std::all_of(typed.begin(), typed.end(), is_digit)) return out;
    MemberFilter one;
    one.limit = 1;
    const MemberPage page = cache.members(one);
    if (page.rows.empty()) return out;
    const std::string& sample = page.rows.front().member.member_no;
    const auto digits_at = std::find_if(sample.begin(), sample.end(), is_digit);
    const std::string prefix(sample.begin(), digits_at);
    const auto width = static_cast<std::size_t>(sample.end() - digits_at);
    if (prefix.empty()) return out;
    out.insert(out.begin(), prefix + typed);
    if (typed.size() < width) out.insert(out.begin() + 1, prefix + std::string(width - typed.size(), '0') + typed);
    return out;
}

// Where the member's row is in the rows built: the cache's offset, checked against the rows (they
// come from the same ordering; a data change between the two queries falls back to a search).
std::optional<int> ranking_offset_of_checked(const RankingsModel& m, const Cache& cache, const RankingQuery& q,
                                             const std::string& member_id) {
    const std::optional<int> offset = cache.ranking_offset_of(q, member_id);
    if (!offset) return std::nullopt;
    const auto at = static_cast<std::size_t>(*offset);
    if (at < m.rows.size() && m.rows[at].subject_id == member_id) return offset;
    const auto it = std::find_if(m.rows.begin(), m.rows.end(), [&](const RankingRow& r) { return r.subject_id == member_id; });
    if (it == m.rows.end()) return std::nullopt;
    return static_cast<int>(it - m.rows.begin());
}

void build_rankings(RankingsModel& m, const Cache& cache, const RankingsView& view, std::int64_t now_unix) {
    const RankingQuery q = ranking_query(cache, view, now_unix);
    Ranking ranking = cache.ranking(q);
    m.period_label = period_text(q.period);
    m.rows = std::move(ranking.rows);
    m.baseline = ranking.baseline;
    m.baseline_added = ranking.baseline && q.period.kind == PeriodKind::year;
    // Honours are the members named in the newest year's evaluation.
    m.honours.clear();
    m.honours_year = 0;
    const std::vector<int> years = cache.evaluation_years();
    if (!years.empty()) {
        m.honours_year = years.front();
        for (EvaluationRow& row : cache.evaluations(years.front(), SubjectKind::member))
            if (row.evaluation.honour)
                m.honours.push_back({std::move(row.name), std::move(row.unit_name), *row.evaluation.honour});
    }
    m.praise = cache.praise_board(kPraiseRows);
    find_in_rankings(m, cache, view, now_unix);
}

void build_evaluations(EvaluationsModel& m, const Cache& cache, const EvaluationsView& view) {
    m.years = cache.evaluation_years();
    m.year = view.year.value_or(m.years.empty() ? 0 : m.years.front());
    m.distribution = cache.evaluation_distribution(m.year, view.subject);
    m.rows = cache.evaluations(m.year, view.subject);
}

void build_posts(PostsModel& m, const Cache& cache, const PostsView& view, const std::string& pattern) {
    // One pass over every post gives the category summaries (the cache orders them by category).
    m.categories.clear();
    for (const PostView& p : cache.posts(std::nullopt)) {
        if (m.categories.empty() || m.categories.back().name != p.post.category)
            m.categories.push_back({p.post.category, 0, 0, false});
        CategorySummary& c = m.categories.back();
        ++c.posts;
        c.free_places += p.free_places();
        c.compulsory = c.compulsory || p.post.compulsory;
    }
    m.posts.clear();
    if (!view.category) return;
    for (PostView& p : cache.posts(view.category)) {
        PostCard card{std::move(p), {}, {}};
        if (card.view.free_places() > 0) {
            card.claim_url = claim_url(pattern, card.view.post.id);
            card.qr = encode_qr(card.claim_url).value_or(QrCode{});
        }
        m.posts.push_back(std::move(card));
    }
}

}  // namespace

std::optional<int> find_in_rankings(RankingsModel& m, const Cache& cache, const RankingsView& view,
                                    std::int64_t now_unix) {
    m.find = RankFind::none;
    m.found_row.reset();
    if (!view.find_number || view.subject != SubjectKind::member) return std::nullopt;
    std::optional<Member> member;
    for (const std::string& number : number_candidates(cache, *view.find_number))
        if ((member = cache.member_by_number(number))) break;
    if (!member) {
        m.find = RankFind::unknown_number;
        return std::nullopt;
    }
    const std::optional<int> offset = ranking_offset_of_checked(m, cache, ranking_query(cache, view, now_unix), member->id);
    m.find = offset ? RankFind::found : RankFind::no_points;
    m.found_row = offset;
    return offset;
}

Date community_today(const Cache& cache, std::int64_t now_unix) {
    const std::optional<TimeZone> tz = cache.time_zone();
    // Without the zone data, China Standard Time is the best guess (as the status bar does).
    return tz ? tz->local_date(now_unix) : civil_from_days((now_unix + 8 * 3600) / 86400);
}

std::string fill_pattern(const std::string& pattern, std::string_view hole, std::string_view value) {
    std::string out = pattern;
    for (std::size_t at = out.find(hole); at != std::string::npos; at = out.find(hole, at + value.size()))
        out.replace(at, hole.size(), value);
    return out;
}

std::string claim_url(const std::string& pattern, const std::string& post_id) {
    return fill_pattern(pattern, "{post_id}", post_id);
}

std::string period_text(const Period& p) {
    switch (p.kind) {
    case PeriodKind::month: return format(Str::period_label_month, {std::to_string(p.year), std::to_string(p.index)});
    case PeriodKind::quarter:
        return format(Str::period_label_quarter, {std::to_string(p.year), std::to_string(p.index)});
    case PeriodKind::year: return format(Str::period_label_year, {std::to_string(p.year)});
    case PeriodKind::all_time: break;
    }
    return text(Str::period_all);
}

void build_disclosure_model(DisclosureModels& models, DisclosureScreen screen, const Cache& cache,
                            const DisclosureViews& views, const DisclosureContext& context) {
    switch (screen) {
    case DisclosureScreen::rankings: build_rankings(models.rankings, cache, views.rankings, context.now_unix); break;
    case DisclosureScreen::evaluations: build_evaluations(models.evaluations, cache, views.evaluations); break;
    case DisclosureScreen::posts: build_posts(models.posts, cache, views.posts, context.claim_url_pattern); break;
    case DisclosureScreen::notices: {
        NoticeOverlay board = published_only(overlay_notices(cache.notices_all(), context.pending_notices), context.now_unix);
        models.notices = {std::move(board.notices), std::move(board.pending)};
        break;
    }
    case DisclosureScreen::rewards: models.rewards.rewards = cache.rewards(); break;
    }
}

void add_disclosure_glyphs(GlyphSet& glyphs, const DisclosureModels& m, DisclosureScreen screen) {
    switch (screen) {
    case DisclosureScreen::rankings:
        for (const RankingRow& r : m.rankings.rows) {
            glyphs.add_text(r.name);
            glyphs.add_text(r.unit_name);
        }
        for (const HonourRow& h : m.rankings.honours) {
            glyphs.add_text(h.name);
            glyphs.add_text(h.unit_name);
            glyphs.add_text(h.honour);
        }
        for (const PraiseRow& p : m.rankings.praise) {
            glyphs.add_text(p.name);
            glyphs.add_text(p.reason);
        }
        break;
    case DisclosureScreen::evaluations:
        for (const GradeCount& g : m.evaluations.distribution) glyphs.add_text(g.grade);
        for (const EvaluationRow& r : m.evaluations.rows) {
            glyphs.add_text(r.name);
            glyphs.add_text(r.unit_name);
            glyphs.add_text(r.evaluation.grade);
            glyphs.add_text(r.evaluation.honour.value_or(""));
        }
        break;
    case DisclosureScreen::posts:
        for (const CategorySummary& c : m.posts.categories) glyphs.add_text(c.name);
        for (const PostCard& p : m.posts.posts) {
            glyphs.add_text(p.view.post.name);
            for (const std::string& d : p.view.post.duties) glyphs.add_text(d);
            for (const auto& holder : p.view.holders) glyphs.add_text(holder.second);
            glyphs.add_text(p.claim_url);
        }
        break;
    case DisclosureScreen::notices:
        for (const Notice& n : m.notices.notices) {
            glyphs.add_text(n.title);
            glyphs.add_text(n.body);
        }
        break;
    case DisclosureScreen::rewards:
        for (const Reward& r : m.rewards.rewards) glyphs.add_text(r.name);
        break;
    }
}

}  // namespace gongshi::kiosk
