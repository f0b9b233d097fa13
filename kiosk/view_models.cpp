#include "view_models.hpp"

#include <algorithm>
#include <filesystem>

#include "gongshi/log.hpp"

namespace gongshi::kiosk {

namespace {

constexpr std::size_t kAttractBodyChars = 90;
constexpr int kAttractTopMembers = 5;
constexpr std::size_t kAttractFulfilledWishes = 3;

// At most `limit` characters (not bytes) of UTF-8 text: whole paragraphs when the first one
// fits, otherwise the first paragraph cut with an ellipsis.
std::string excerpt(const std::string& text, std::size_t limit) {
    std::size_t chars = 0, last_paragraph_end = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (text[i] == '\n') last_paragraph_end = i;
        if (chars++ != limit) continue;
        if (last_paragraph_end == 0) return text.substr(0, i) + "…";
        std::string whole = text.substr(0, last_paragraph_end);
        whole.erase(whole.find_last_not_of('\n') + 1);
        return whole;
    }
    return text;
}

std::vector<AttractSlide> attract_slides(const Cache& cache, const TimeZone& tz, std::int64_t now) {
    std::vector<AttractSlide> slides;
    for (const Notice& n : cache.notices_published(now)) {
        if (!n.pinned) continue;
        AttractSlide s{Str::attract_pinned, n.title, {excerpt(n.body, kAttractBodyChars)}, std::nullopt};
        if (!n.media.empty()) s.image = n.media.front();
        slides.push_back(std::move(s));
    }
    RankingQuery q;
    q.subject = SubjectKind::member;
    q.period = period_containing(PeriodKind::month, tz.local_date(now));
    q.limit = kAttractTopMembers;
    const Ranking ranking = cache.ranking(q);
    if (!ranking.rows.empty()) {
        AttractSlide s{Str::attract_top_members, {}, {}, std::nullopt};
        for (const RankingRow& r : ranking.rows)
            s.lines.push_back(format(Str::attract_rank_row, {std::to_string(r.rank), r.name, std::to_string(r.points)}));
        slides.push_back(std::move(s));
    }
    // Newly fulfilled wishes: the latest few by fulfilment among the 200 submitted last (the query
    // orders by submission; a wish is fulfilled within days of it).
    WishFilter fulfilled;
    fulfilled.statuses = {WishStatus::fulfilled};
    fulfilled.limit = 200;
    std::vector<WishView> wishes = cache.wishes(fulfilled);
    const auto when = [](const WishView& w) { return w.wish.fulfilled_at ? w.wish.fulfilled_at->unix_seconds : 0; };
    std::sort(wishes.begin(), wishes.end(), [&](const WishView& a, const WishView& b) { return when(a) > when(b); });
    if (!wishes.empty()) {
        AttractSlide s{Str::attract_fulfilled, {}, {}, std::nullopt};
        for (std::size_t i = 0; i < wishes.size() && i < kAttractFulfilledWishes; ++i)
            s.lines.push_back(format(Str::attract_wish_row, {excerpt(wishes[i].wish.text, kAttractBodyChars / 3),
                                                             wishes[i].claimed_by_name}));
        slides.push_back(std::move(s));
    }
    const RegistrationStats reg = cache.registration_stats();
    if (reg.members_total > 0)
        slides.push_back(AttractSlide{
            Str::attract_registration,
            {},
            {format(Str::attract_members_registered,
                    {std::to_string(reg.members_registered), std::to_string(reg.members_total)}),
             format(Str::attract_units_registered, {std::to_string(reg.units_registered), std::to_string(reg.units_total)})},
            std::nullopt});
    return slides;
}

}  // namespace

ViewModels load_view_models(const Cache& cache, std::int64_t now_unix) {
    ViewModels m;
    m.data_version = cache.data_version();
    m.last_update_unix = cache.sync_meta().last_success_unix;
    const std::optional<Community> community = cache.community();
    if (!community) return m;
    m.has_data = true;
    m.community_name = community->name;
    if (!community->time_zone.empty()) m.time_zone = community->time_zone;
    m.about = AboutModel{community->about, community->office};
    const std::optional<TimeZone> tz = TimeZone::load(m.time_zone);
    if (tz) m.attract = attract_slides(cache, *tz, now_unix);
    return m;
}

void add_glyphs(GlyphSet& glyphs, const ViewModels& m) {
    glyphs.add_text(m.community_name);
    glyphs.add_text(m.about.about);
    glyphs.add_text(m.about.office.address);
    glyphs.add_text(m.about.office.phone);
    glyphs.add_text(m.about.office.hours);
    for (const AttractSlide& s : m.attract) {
        glyphs.add_text(s.title);
        for (const std::string& line : s.lines) glyphs.add_text(line);
    }
}

bool CacheReader::poll() {
    if (!cache_) {
        std::error_code ec;
        const auto mtime = std::filesystem::last_write_time(path_, ec);
        const auto now = std::chrono::steady_clock::now();
        if (ec || (mtime == failed_mtime_ && now - failed_at_ < kCacheReopenInterval)) return false;
        auto opened = Cache::open_read_only(path_);
        if (!opened) {
            if (mtime != failed_mtime_) log(LogLevel::warning, "cannot open cache " + path_ + ": " + opened.error());
            failed_mtime_ = mtime;
            failed_at_ = now;
            return false;
        }
        cache_.emplace(std::move(opened.value()));
        version_ = cache_->data_version();
        return true;
    }
    const std::int64_t v = cache_->data_version();
    if (v == version_) return false;
    version_ = v;
    return true;
}

}  // namespace gongshi::kiosk
