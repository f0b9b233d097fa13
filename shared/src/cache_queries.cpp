// Cache read queries: each returns plain structs a screen's view model is built from.
#include <algorithm>
#include <limits>
#include <unordered_map>

#include "cache_schema.hpp"
#include "gongshi/cache.hpp"
#include "gongshi/text.hpp"

namespace gongshi {

namespace {

constexpr char kListSeparator = '\x1f';

template <class T>
T decode_row(const sql::Stmt& s, int col) {
    auto j = nlohmann::json::parse(s.text_view(col), nullptr, false);
    auto r = decode_as<T>(j);
    return r ? std::move(r.value()) : T{};  // rows were validated on the way in
}

// Every row's first column decoded as a T.
template <class T>
std::vector<T> decode_all(sql::Stmt s) {
    std::vector<T> out;
    while (s.step()) out.push_back(decode_row<T>(s, 0));
    return out;
}

std::vector<std::string> split_list(std::string_view s) {
    std::vector<std::string> out;
    while (!s.empty()) {
        const auto pos = s.find(kListSeparator);
        out.emplace_back(s.substr(0, pos));
        if (pos == std::string_view::npos) break;
        s.remove_prefix(pos + 1);
    }
    return out;
}

// Collects WHERE clauses and their bound values in order.
struct Where {
    std::string sql = " WHERE 1";
    std::vector<std::string> values;
    void add(const std::string& clause, std::initializer_list<std::string> vals = {}) {
        sql += " AND " + clause;
        values.insert(values.end(), vals);
    }
    int bind(sql::Stmt& s) const {
        int i = 1;
        for (const auto& v : values) s.bind(i++, v);
        return i;
    }
};

// Card details for the members a `page` CTE selected (id, pinyin), computed only for that page.
constexpr const char* kMemberCardSelect = R"sql(
SELECT m.data, u.name, g.name,
  (SELECT group_concat(p.name, char(31)) FROM claim c JOIN post p ON p.id = c.post_id WHERE c.member_id = m.id),
  (SELECT headline FROM pledge WHERE member_id = m.id AND approved = 1 ORDER BY year DESC LIMIT 1)
FROM page JOIN member m ON m.id = page.id LEFT JOIN unit u ON u.id = m.unit_id LEFT JOIN grid g ON g.id = m.grid_id
ORDER BY page.pinyin, page.id)sql";

MemberCard read_card(const sql::Stmt& s) {
    MemberCard c;
    c.member = decode_row<Member>(s, 0);
    c.unit_name = s.text(1);
    c.grid_name = s.text(2);
    c.post_names = split_list(s.text_view(3));
    c.pledge_headline = s.text(4);
    return c;
}

KindTotals& operator+=(KindTotals& t, const KindTotals& o) {
    t.group_activity += o.group_activity;
    t.individual_service += o.individual_service;
    t.bonus += o.bonus;
    t.deduction += o.deduction;
    t.redemption += o.redemption;
    return t;
}

int period_code(const Period& p) {
    switch (p.kind) {
        case PeriodKind::month: return cache_schema::month_code(p.year, p.index);
        case PeriodKind::quarter: return cache_schema::quarter_code(p.year, p.index);
        case PeriodKind::year: return cache_schema::year_code(p.year);
        case PeriodKind::all_time: break;
    }
    return cache_schema::kAllTimeCode;
}

// The subject table and the name columns a ranking page joins. Counts and ranks come from the
// totals alone (the ledger is the truth: the server removes a subject's ledger with the subject);
// a subject missing from its table shows its id rather than shifting everyone's rank.
struct RankingSource {
    const char* join;
    const char* unit_name;
};
RankingSource ranking_source(SubjectKind subject) {
    if (subject == SubjectKind::member)
        return {" LEFT JOIN member s ON s.id = pp.subject_id LEFT JOIN unit u ON u.id = s.unit_id", "COALESCE(u.name, '')"};
    return {" LEFT JOIN unit s ON s.id = pp.subject_id", "''"};
}

// Assigns competition ranks (1, 2, 2, 4) to rows sorted by points, the first row's rank given.
void assign_ranks(std::vector<RankingRow>& rows, int first_rank, int offset) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i == 0) rows[i].rank = first_rank;
        else if (rows[i].points == rows[i - 1].points) rows[i].rank = rows[i - 1].rank;
        else rows[i].rank = offset + static_cast<int>(i) + 1;
    }
}

}  // namespace

std::optional<Community> Cache::community() const {
    auto s = db_.must_prepare("SELECT data FROM community ORDER BY id LIMIT 1");
    if (!s.step()) return std::nullopt;
    return decode_row<Community>(s, 0);
}

std::optional<TimeZone> Cache::time_zone() const {
    auto c = community();
    return TimeZone::load(c ? c->time_zone : "Asia/Shanghai");
}

std::vector<Grid> Cache::grids() const {
    return decode_all<Grid>(db_.must_prepare("SELECT data FROM grid ORDER BY id"));
}

std::vector<Unit> Cache::units() const {
    return decode_all<Unit>(db_.must_prepare("SELECT data FROM unit ORDER BY id"));
}

std::vector<std::string> Cache::post_categories() const {
    std::vector<std::string> out;
    auto s = db_.must_prepare("SELECT DISTINCT category FROM post ORDER BY category");
    while (s.step()) out.push_back(s.text(0));
    return out;
}

// ---- member search ---------------------------------------------------------------------------

struct Cache::MemberIndex {
    struct Entry {
        std::string id, name, pinyin, initials, number, unit_id, grid_id;
        bool registered = false;
        std::vector<std::string> categories;  // of the posts the member holds
    };
    std::vector<Entry> entries;  // in display order: pinyin, then id
    std::unordered_map<std::string, std::string> grid_parent;
    std::int64_t data_version = -1, total_changes = -1;

    bool in_grid(const Entry& e, const std::string& grid) const {
        if (e.grid_id == grid) return true;
        const auto it = grid_parent.find(e.grid_id);
        return it != grid_parent.end() && it->second == grid;
    }
};

const Cache::MemberIndex& Cache::member_index() const {
    const auto version = db_.data_version();
    const auto changes = sqlite3_total_changes64(db_.get());
    if (member_index_ && member_index_->data_version == version && member_index_->total_changes == changes)
        return *member_index_;
    auto index = std::make_shared<MemberIndex>();
    index->data_version = version;
    index->total_changes = changes;
    auto members = db_.must_prepare(
        "SELECT id, name, pinyin, initials, lower(member_no), unit_id, grid_id, registered FROM member ORDER BY pinyin, id");
    std::unordered_map<std::string, std::size_t> position;
    while (members.step()) {
        position[members.text(0)] = index->entries.size();
        index->entries.push_back({members.text(0), members.text(1), members.text(2), members.text(3), members.text(4),
                                  members.text(5), members.text(6), members.integer(7) == 1, {}});
    }
    auto claims = db_.must_prepare("SELECT c.member_id, p.category FROM claim c JOIN post p ON p.id = c.post_id");
    while (claims.step())
        if (auto it = position.find(claims.text(0)); it != position.end())
            index->entries[it->second].categories.push_back(claims.text(1));
    auto grids = db_.must_prepare("SELECT id, data ->> '$.parent_id' FROM grid WHERE data ->> '$.parent_id' NOT NULL");
    while (grids.step()) index->grid_parent[grids.text(0)] = grids.text(1);
    member_index_ = std::move(index);
    return *member_index_;
}

namespace {

// What a resident typed, prepared once per search: Latin input matches prefixes of full pinyin,
// initials or member number ("zhangsan", "zsf", "dy0001"); anything else matches inside the name.
struct SearchText {
    std::string text;
    bool latin = false;

    explicit SearchText(std::string typed) : text(std::move(typed)) {
        std::erase(text, ' ');
        latin = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        if (latin) text = lowercase_ascii(text);
    }
    template <class Entry>
    bool matches(const Entry& e) const {
        if (text.empty()) return true;
        if (!latin) return e.name.find(text) != std::string::npos;
        return e.pinyin.starts_with(text) || e.initials.starts_with(text) || e.number.starts_with(text);
    }
};

}  // namespace

MemberPage Cache::members(const MemberFilter& f) const {
    const MemberIndex& index = member_index();
    const SearchText search(f.search);
    MemberPage page;
    nlohmann::json page_ids = nlohmann::json::array();
    for (const auto& e : index.entries) {
        if ((f.grid_id && !index.in_grid(e, *f.grid_id)) || (f.unit_id && e.unit_id != *f.unit_id) ||
            (f.registration && e.registered != (*f.registration == Registration::registered)) ||
            (f.post_category && std::find(e.categories.begin(), e.categories.end(), *f.post_category) == e.categories.end()) ||
            !search.matches(e))
            continue;
        if (page.total >= f.offset && page.total < f.offset + f.limit) page_ids.push_back(e.id);
        ++page.total;
    }
    auto rows = db_.must_prepare(
        "WITH page AS (SELECT m.id, m.pinyin FROM json_each(?) j JOIN member m ON m.id = j.value)" +
        std::string(kMemberCardSelect));
    rows.bind(1, page_ids.dump());
    while (rows.step()) page.rows.push_back(read_card(rows));
    return page;
}

std::optional<Member> Cache::member_by_number(const std::string& member_no) const {
    auto s = db_.must_prepare("SELECT data FROM member WHERE member_no = ?");
    s.bind(1, member_no);
    if (!s.step()) return std::nullopt;
    return decode_row<Member>(s, 0);
}

PointsBreakdown Cache::points_breakdown(const std::string& member_id, std::int64_t now_unix) const {
    PointsBreakdown b;
    const auto tz = time_zone();
    const Date today = tz ? tz->local_date(now_unix) : civil_from_days(now_unix / 86400);
    auto s = db_.must_prepare(
        "SELECT local_month, SUM(CASE kind WHEN 0 THEN points ELSE 0 END), SUM(CASE kind WHEN 1 THEN points ELSE 0 END),"
        " SUM(CASE kind WHEN 2 THEN points ELSE 0 END), SUM(CASE kind WHEN 3 THEN points ELSE 0 END),"
        " SUM(CASE kind WHEN 4 THEN points ELSE 0 END) FROM point_event"
        " WHERE subject_kind = 0 AND subject_id = ? GROUP BY local_month ORDER BY local_month DESC");
    s.bind(1, member_id);
    while (s.step()) {
        MonthPoints m{s.integer(0) / 100, s.integer(0) % 100,
                      {s.integer(1), s.integer(2), s.integer(3), s.integer(4), s.integer(5)}};
        if (m.year == today.year && m.month == today.month) b.this_month += m.totals;
        if (m.year == today.year) b.this_year += m.totals;
        b.all_time += m.totals;
        b.by_month.push_back(m);
    }
    b.balance = b.all_time.earned() + b.all_time.redemption;
    return b;
}

std::optional<MemberProfile> Cache::member_profile(const std::string& member_id, std::int64_t now_unix) const {
    auto card = db_.must_prepare(std::string("WITH page AS (SELECT id, pinyin FROM member WHERE id = ?)") + kMemberCardSelect);
    card.bind(1, member_id);
    if (!card.step()) return std::nullopt;
    MemberProfile p;
    p.card = read_card(card);

    auto posts = db_.must_prepare(
        "SELECT p.data, c.data FROM claim c JOIN post p ON p.id = c.post_id WHERE c.member_id = ? ORDER BY p.category, p.id");
    posts.bind(1, member_id);
    while (posts.step()) p.posts.push_back({decode_row<Post>(posts, 0), decode_row<Claim>(posts, 1).claimed_on});

    auto pledges = db_.must_prepare("SELECT data FROM pledge WHERE member_id = ? AND approved = 1 ORDER BY year DESC");
    pledges.bind(1, member_id);
    p.pledges = decode_all<Pledge>(std::move(pledges));

    p.points = points_breakdown(member_id, now_unix);
    auto history = db_.must_prepare(
        "SELECT id, community_id, occurred_at, offset_minutes, kind, points, reason, activity_id FROM point_event "
        "WHERE subject_kind = 0 AND subject_id = ? ORDER BY occurred_at DESC, id");
    history.bind(1, member_id);
    while (history.step()) {
        PointEvent e;
        e.id = history.text(0);
        e.community_id = history.text(1);
        e.subject_kind = SubjectKind::member;
        e.subject_id = member_id;
        e.occurred_at = {history.int64(2), history.integer(3)};
        e.kind = static_cast<PointKind>(history.integer(4));
        e.points = history.integer(5);
        e.reason = history.text(6);
        e.activity_id = history.optional_text(7);
        p.history.push_back(std::move(e));
    }

    auto evaluations = db_.must_prepare("SELECT data FROM evaluation WHERE subject_id = ? AND subject_kind = 0 ORDER BY year DESC");
    evaluations.bind(1, member_id);
    p.evaluations = decode_all<Evaluation>(std::move(evaluations));

    WishFilter wf;
    wf.statuses = {WishStatus::claimed, WishStatus::fulfilled};
    wf.claimed_by_id = member_id;
    wf.limit = std::numeric_limits<int>::max();
    for (auto& w : wishes(wf)) p.wishes.push_back(std::move(w.wish));
    return p;
}

std::vector<PostView> Cache::posts(const std::optional<std::string>& category) const {
    std::vector<PostView> out;
    // Compulsory (必领) posts first; the flag lives only in the JSON.
    auto s = db_.must_prepare(category ? "SELECT data FROM post WHERE category = ? ORDER BY data ->> '$.compulsory' DESC, id"
                                       : "SELECT data FROM post ORDER BY category, id");
    if (category) s.bind(1, *category);
    while (s.step()) out.push_back({decode_row<Post>(s, 0), 0, {}});
    auto holders = db_.must_prepare(
        "SELECT c.post_id, m.id, m.name FROM claim c JOIN member m ON m.id = c.member_id ORDER BY c.post_id, m.pinyin");
    std::unordered_map<std::string, PostView*> by_id;
    for (auto& v : out) by_id[v.post.id] = &v;
    while (holders.step()) {
        auto it = by_id.find(holders.text(0));
        if (it == by_id.end()) continue;
        it->second->taken++;
        it->second->holders.emplace_back(holders.text(1), holders.text(2));
    }
    return out;
}

Ranking Cache::ranking(const RankingQuery& q) const {
    Ranking r;
    const auto source = ranking_source(q.subject);
    const int subject = static_cast<int>(q.subject);
    if (q.from && q.to) {
        // A custom range of days has no stored totals: sum the ledger over the range.
        auto s = db_.must_prepare(std::string("SELECT pp.subject_id, COALESCE(s.name, pp.subject_id), ") + source.unit_name +
                                  ", SUM(pp.points) AS earned FROM point_event pp" + source.join +
                                  " WHERE pp.subject_kind = ? AND pp.local_day >= ? AND pp.local_day < ? AND pp.kind <> 4"
                                  " GROUP BY pp.subject_id ORDER BY earned DESC, pp.subject_id");
        s.bind(1, subject).bind(2, days_from_civil(*q.from)).bind(3, days_from_civil(*q.to));
        std::vector<RankingRow> all;
        while (s.step()) all.push_back({0, s.text(0), s.text(1), s.text(2), s.integer(3)});
        assign_ranks(all, 1, 0);
        r.total = static_cast<int>(all.size());
        const auto first = std::min<std::size_t>(static_cast<std::size_t>(std::max(q.offset, 0)), all.size());
        const auto last = std::min<std::size_t>(first + static_cast<std::size_t>(std::max(q.limit, 0)), all.size());
        r.rows.assign(all.begin() + static_cast<std::ptrdiff_t>(first), all.begin() + static_cast<std::ptrdiff_t>(last));
        return r;
    }
    const int code = period_code(q.period);
    auto count = db_.must_prepare("SELECT count(*) FROM points_period WHERE subject_kind = ? AND period = ?");
    count.bind(1, subject).bind(2, code);
    if (count.step()) r.total = count.integer(0);
    // Page through the totals first, then join names for that page only: OFFSET would otherwise
    // join every skipped row.
    auto rows = db_.must_prepare(std::string("WITH pp AS (SELECT subject_id, earned FROM points_period"
                                             " WHERE subject_kind = ? AND period = ?"
                                             " ORDER BY earned DESC, subject_id LIMIT ? OFFSET ?)"
                                             " SELECT pp.subject_id, COALESCE(s.name, pp.subject_id), ") +
                                 source.unit_name + ", pp.earned FROM pp" + source.join +
                                 " ORDER BY pp.earned DESC, pp.subject_id");
    rows.bind(1, subject).bind(2, code).bind(3, q.limit).bind(4, q.offset);
    while (rows.step()) r.rows.push_back({0, rows.text(0), rows.text(1), rows.text(2), rows.integer(3)});
    if (!r.rows.empty()) {
        auto ahead = db_.must_prepare("SELECT count(*) FROM points_period WHERE subject_kind = ? AND period = ? AND earned > ?");
        ahead.bind(1, subject).bind(2, code).bind(3, r.rows.front().points);
        assign_ranks(r.rows, ahead.step() ? ahead.integer(0) + 1 : 1, q.offset);
    }
    // Yearly figures under a baseline scheme are baseline + that year's adjustments.
    if (auto c = community(); c && c->points_baseline) {
        r.baseline = c->points_baseline;
        if (q.period.kind == PeriodKind::year)
            for (auto& row : r.rows) row.points += *c->points_baseline;
    }
    return r;
}

std::optional<int> Cache::ranking_offset_of(const RankingQuery& q, const std::string& subject_id) const {
    const int subject = static_cast<int>(q.subject);
    const int code = period_code(q.period);
    auto mine = db_.must_prepare("SELECT earned FROM points_period WHERE subject_kind = ? AND period = ? AND subject_id = ?");
    mine.bind(1, subject).bind(2, code).bind(3, subject_id);
    if (!mine.step()) return std::nullopt;
    auto ahead = db_.must_prepare("SELECT count(*) FROM points_period WHERE subject_kind = ?1 AND period = ?2 AND"
                                  " (earned > ?3 OR (earned = ?3 AND subject_id < ?4))");
    ahead.bind(1, subject).bind(2, code).bind(3, mine.integer(0)).bind(4, subject_id);
    return ahead.step() ? std::optional(ahead.integer(0)) : std::nullopt;
}

namespace {
Where wish_where(const WishFilter& f) {
    Where w;
    std::string in = "w.status IN (-1";
    for (auto s : f.statuses) in += ", " + std::to_string(static_cast<int>(s));
    w.add(in + ")");
    if (f.category) w.add("w.category = ?", {*f.category});
    if (f.grid_id) w.add("w.grid_id IN (SELECT id FROM grid WHERE id = ? OR data ->> '$.parent_id' = ?)", {*f.grid_id, *f.grid_id});
    if (f.claimed_by_id) w.add("w.claimed_by_id = ?", {*f.claimed_by_id});
    return w;
}
}  // namespace

std::vector<WishView> Cache::wishes(const WishFilter& f) const {
    std::vector<WishView> out;
    const Where w = wish_where(f);
    auto s = db_.must_prepare(
        "SELECT w.data, g.name, COALESCE(m.name, u.name, '') FROM wish w LEFT JOIN grid g ON g.id = w.grid_id "
        "LEFT JOIN member m ON m.id = w.claimed_by_id LEFT JOIN unit u ON u.id = w.claimed_by_id" +
        w.sql + (f.oldest_first ? " ORDER BY w.submitted_at, w.id" : " ORDER BY w.submitted_at DESC, w.id") +
        " LIMIT ? OFFSET ?");
    const int next = w.bind(s);
    s.bind(next, f.limit).bind(next + 1, f.offset);
    while (s.step()) out.push_back({decode_row<Wish>(s, 0), s.text(1), s.text(2)});
    return out;
}

int Cache::wish_count(const WishFilter& f) const {
    const Where w = wish_where(f);
    auto s = db_.must_prepare("SELECT count(*) FROM wish w" + w.sql);
    w.bind(s);
    return s.step() ? s.integer(0) : 0;
}

std::optional<Wish> Cache::wish_by_tracking_code(const std::string& code) const {
    auto s = db_.must_prepare("SELECT data FROM wish WHERE tracking_code = ?");
    s.bind(1, code);
    if (!s.step()) return std::nullopt;
    return decode_row<Wish>(s, 0);
}

std::vector<Notice> Cache::notices_published(std::int64_t now_unix) const {
    auto s = db_.must_prepare(
        "SELECT data FROM notice WHERE publish_at <= ?1 AND (expire_at IS NULL OR expire_at > ?1) "
        "ORDER BY pinned DESC, publish_at DESC, id");
    s.bind(1, now_unix);
    return decode_all<Notice>(std::move(s));
}

std::vector<Notice> Cache::notices_all() const {
    return decode_all<Notice>(db_.must_prepare("SELECT data FROM notice ORDER BY publish_at DESC, id"));
}

std::vector<Reward> Cache::rewards() const {
    return decode_all<Reward>(db_.must_prepare("SELECT data FROM reward ORDER BY cost, id"));
}

RegistrationStats Cache::registration_stats() const {
    RegistrationStats r;
    auto s = db_.must_prepare(
        "SELECT (SELECT count(*) FROM member WHERE registered = 1), (SELECT count(*) FROM member),"
        " (SELECT count(*) FROM unit WHERE registered = 1), (SELECT count(*) FROM unit)");
    if (s.step()) r = {s.integer(0), s.integer(1), s.integer(2), s.integer(3)};
    return r;
}

std::vector<GradeCount> Cache::evaluation_distribution(int year, SubjectKind subject) const {
    std::vector<GradeCount> out;
    if (auto c = community())
        for (const auto& label : c->grade_labels) out.push_back({label, 0});
    auto s = db_.must_prepare("SELECT grade, count(*) FROM evaluation WHERE year = ? AND subject_kind = ? GROUP BY grade");
    s.bind(1, year).bind(2, static_cast<int>(subject));
    while (s.step()) {
        const std::string grade = s.text(0);
        auto it = std::find_if(out.begin(), out.end(), [&](const GradeCount& g) { return g.grade == grade; });
        if (it == out.end()) out.push_back({grade, s.integer(1)});  // a label outside the scale still counts
        else it->count = s.integer(1);
    }
    return out;
}

std::vector<EvaluationRow> Cache::evaluations(int year, SubjectKind subject) const {
    std::vector<EvaluationRow> out;
    const bool members = subject == SubjectKind::member;
    auto s = db_.must_prepare(
        std::string("SELECT e.data, COALESCE(s.name, e.subject_id), ") + (members ? "COALESCE(u.name, '')" : "''") +
        " FROM evaluation e LEFT JOIN " + (members ? "member" : "unit") + " s ON s.id = e.subject_id" +
        (members ? " LEFT JOIN unit u ON u.id = s.unit_id" : "") +
        " WHERE e.year = ? AND e.subject_kind = ?"
        " ORDER BY COALESCE(e.data ->> '$.score', -1) DESC, s.name, e.id");
    s.bind(1, year).bind(2, static_cast<int>(subject));
    while (s.step()) out.push_back({decode_row<Evaluation>(s, 0), s.text(1), s.text(2)});
    return out;
}

std::vector<int> Cache::evaluation_years() const {
    std::vector<int> out;
    auto s = db_.must_prepare("SELECT DISTINCT year FROM evaluation ORDER BY year DESC");
    while (s.step()) out.push_back(s.integer(0));
    return out;
}

std::vector<PraiseRow> Cache::praise_board(int limit) const {
    std::vector<PraiseRow> out;
    // Walks the (subject_kind, local_day) index from the newest day and stops at `limit`, so a
    // district ledger is not sorted whole; substr has no wildcards to escape, unlike LIKE.
    auto s = db_.must_prepare(
        "SELECT pe.subject_id, COALESCE(m.name, pe.subject_id), pe.local_day, pe.points, pe.reason FROM point_event pe"
        " LEFT JOIN member m ON m.id = pe.subject_id"
        " WHERE pe.subject_kind = ?1 AND pe.kind = ?2 AND substr(pe.reason, 1, 2) = '好评'"
        " ORDER BY pe.local_day DESC, pe.occurred_at DESC, pe.id LIMIT ?3");
    s.bind(1, static_cast<int>(SubjectKind::member)).bind(2, static_cast<int>(PointKind::bonus)).bind(3, limit);
    while (s.step())
        out.push_back({s.text(0), s.text(1), civil_from_days(s.int64(2)), s.integer(3), s.text(4)});
    return out;
}

std::vector<StaffAccount> Cache::staff_accounts() const {
    return decode_all<StaffAccount>(db_.must_prepare("SELECT data FROM staff ORDER BY id"));
}

std::vector<Entity> Cache::dump(EntityKind kind) const {
    std::vector<Entity> out;
    if (kind != EntityKind::point_event) {
        auto s = db_.must_prepare(std::string("SELECT data FROM ") + kind_name(kind) + " ORDER BY id");
        while (s.step()) {
            auto e = decode(kind, nlohmann::json::parse(s.text_view(0), nullptr, false));
            if (e) out.push_back(std::move(e.value()));
        }
        return out;
    }
    auto s = db_.must_prepare(
        "SELECT id, community_id, subject_kind, subject_id, occurred_at, offset_minutes, kind, points, reason, "
        "activity_id FROM point_event ORDER BY id");
    while (s.step()) {
        PointEvent e{s.text(0), s.text(1), static_cast<SubjectKind>(s.integer(2)), s.text(3),
                     {s.int64(4), s.integer(5)}, static_cast<PointKind>(s.integer(6)), s.integer(7), s.text(8),
                     s.optional_text(9)};
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace gongshi
