#include "gongshi/demo_data.hpp"
#include "gongshi/tracking_code.hpp"

#include <stb/stb_image_write.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <new>
#include <map>
#include <mutex>
#include <numeric>
#include <span>

#include "demo_words.hpp"
#include "gongshi/staff_auth.hpp"
#include "gongshi/text.hpp"

namespace gongshi {

std::optional<DemoPreset> parse_preset(std::string_view name) {
    if (name == "community") return DemoPreset::community;
    if (name == "district") return DemoPreset::district;
    return std::nullopt;
}

namespace {

// A PIN hash at the policy cost takes most of a second, and every test that starts a demo cache
// or a demo server makes the demo: the default seed's three PIN hashes are embedded (made once
// with crypto_pwhash_str at the policy cost), other PINs are hashed once per process. A table
// left behind by a cost change is skipped (and demo_data_test fails until it is remade).
struct EmbeddedHash {
    std::string_view pin, hash;
};
constexpr EmbeddedHash kDefaultSeedHashes[] = {
    {"946119", "$argon2id$v=19$m=262144,t=5,p=1$/+gW8+nZNXYjdOd0R5qCOQ$5Ipf0Hia0JOnalLLw1QkO4Zv5r9HrGaDPjFHuDcOe/E"},
    {"199303", "$argon2id$v=19$m=262144,t=5,p=1$1oNWD1m4XunlMJhK0PEaXA$dRr/aUg2FDRwqCIT50iQIqWR0hyLrW81T74IMyttZIU"},
    {"952751", "$argon2id$v=19$m=262144,t=5,p=1$QWornK1hTZRFGR987JnnAg$lZTtI/iV6TG8QFZu5Sl6wqykFxkjFjdEaTVQhqV34Ro"},
};

std::string demo_pin_hash(const std::string& pin) {
    for (const EmbeddedHash& e : kDefaultSeedHashes)
        if (e.pin == pin && at_policy_cost(std::string(e.hash))) return std::string(e.hash);
    static std::mutex mutex;
    static std::map<std::string, std::string> made;
    const std::lock_guard lock(mutex);
    auto& hash = made[pin];
    if (hash.empty()) {
        auto fresh = hash_pin(pin);
        if (!fresh) throw std::bad_alloc();  // only when argon2id cannot get its memory
        hash = fresh.value();
    }
    return hash;
}

namespace words = demo_words;

// ---- randomness ---------------------------------------------------------------------------------

// splitmix64: tiny, fast and identical on every platform, unlike the std:: distributions (and
// std::shuffle), whose output differs between standard libraries.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n); the modulo bias is far below anything demo data could show.
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1)); }
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return unit() < p; }
    template <class T>
    const T& pick(std::span<const T> items) {
        return items[below(items.size())];
    }
    template <class T>
    void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
    }
    // k distinct positions of [0, n), k <= n, in random order.
    std::vector<std::size_t> sample(std::size_t n, std::size_t k) {
        std::vector<std::size_t> all(n);
        std::iota(all.begin(), all.end(), std::size_t{0});
        for (std::size_t i = 0; i < k; ++i) std::swap(all[i], all[i + below(n - i)]);
        all.resize(k);
        return all;
    }

private:
    std::uint64_t state_;
};

std::uint64_t coprime_below(Rng& rng, std::uint64_t n) {
    if (n <= 2) return 1;
    std::uint64_t a = 1 + rng.below(n - 1);
    while (std::gcd(a, n) != 1) a = a % (n - 1) + 1;
    return a;
}

// i -> (a*i + b) mod n with gcd(a, n) = 1: a bijection of [0, n) that looks shuffled, so names and
// codes drawn through it are unique without remembering the ones already used.
class Scatter {
public:
    Scatter(Rng& rng, std::uint64_t n) : n_(n), a_(coprime_below(rng, n)), b_(rng.below(n)) {}
    std::uint64_t operator()(std::uint64_t i) const { return (a_ * (i % n_) + b_) % n_; }

private:
    std::uint64_t n_, a_, b_;
};

// Picks indices with probability proportional to their weight.
class WeightedPicker {
public:
    void clear() {
        indices_.clear();
        cumulative_.clear();
    }
    void add(std::uint32_t index, double weight) {
        indices_.push_back(index);
        cumulative_.push_back((cumulative_.empty() ? 0.0 : cumulative_.back()) + weight);
    }
    bool empty() const { return indices_.empty(); }
    std::uint32_t pick(Rng& rng) const {
        const double x = rng.unit() * cumulative_.back();
        const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), x);
        // x can round up to the total, past the last entry.
        return indices_[std::min<std::size_t>(static_cast<std::size_t>(it - cumulative_.begin()), indices_.size() - 1)];
    }
    const std::vector<std::uint32_t>& indices() const { return indices_; }

private:
    std::vector<std::uint32_t> indices_;
    std::vector<double> cumulative_;
};

// ---- ids, times, text ---------------------------------------------------------------------------

// "m-0001": zero-padded to the digits of `count`, at least four.
std::string make_id(std::string_view prefix, std::size_t index, std::size_t count) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, index + 1).ptr;
    const auto len = static_cast<std::size_t>(end - digits);
    const std::size_t width = std::max<std::size_t>(4, std::to_string(count).size());
    std::string id(prefix);
    id.append(width > len ? width - len : 0, '0').append(digits, len);
    return id;
}

// The demo communities are in Asia/Shanghai, which has had no DST since 1991: +08:00 all year.
constexpr int kOffsetMinutes = 8 * 60;
constexpr std::int64_t kOffsetSeconds = kOffsetMinutes * 60;
constexpr int kDayStart = 8 * 3600;  // things happen between 08:00 and 18:00 local
constexpr int kDayEnd = 18 * 3600;   // "now" is 18:00 on `today`, so nothing of today is in the future

std::int64_t local_instant(std::int64_t day, int second_of_day) { return day * 86400 + second_of_day - kOffsetSeconds; }
Timestamp stamp(std::int64_t unix_seconds) { return {unix_seconds, kOffsetMinutes}; }
std::int64_t daytime_on(Rng& rng, std::int64_t day) { return local_instant(day, rng.between(kDayStart, kDayEnd - 1)); }
std::int64_t day_between(Rng& rng, std::int64_t first, std::int64_t last) {
    return first + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(last - first + 1)));
}

// The first day of the month `months` after (or before) d's month.
Date add_months(const Date& d, int months) {
    const int index = d.year * 12 + d.month - 1 + months;
    return {index / 12, index % 12 + 1, 1};
}

std::vector<std::string> to_strings(words::Words list) { return {list.begin(), list.end()}; }

// lo..hi distinct items of a list (duties, pledge items, notice pictures).
template <class T>
std::vector<std::string> distinct_picks(Rng& rng, std::span<const T> list, int lo, int hi) {
    const auto k = std::min<std::size_t>(static_cast<std::size_t>(rng.between(lo, hi)), list.size());
    std::vector<std::string> out;
    for (std::size_t i : rng.sample(list.size(), k)) out.emplace_back(list[i]);
    return out;
}

// ---- media: small deterministic PNGs ------------------------------------------------------------

struct Rgb {
    std::uint8_t r, g, b;
};

class Canvas {
public:
    Canvas(int width, int height)
        : width_(width), height_(height), pixels_(static_cast<std::size_t>(width * height * 3)) {}

    void vertical_gradient(Rgb top, Rgb bottom) {
        for (int y = 0; y < height_; ++y) {
            const auto mix = [&](std::uint8_t a, std::uint8_t b) {
                return static_cast<std::uint8_t>(a + (b - a) * y / std::max(1, height_ - 1));
            };
            fill_rect(0, y, width_, y + 1, {mix(top.r, bottom.r), mix(top.g, bottom.g), mix(top.b, bottom.b)});
        }
    }
    void fill_rect(int x0, int y0, int x1, int y1, Rgb c) {
        for (int y = std::max(0, y0); y < std::min(height_, y1); ++y)
            for (int x = std::max(0, x0); x < std::min(width_, x1); ++x) set(x, y, c);
    }
    void fill_ellipse(int cx, int cy, int rx, int ry, Rgb c) {
        for (int y = std::max(0, cy - ry); y <= std::min(height_ - 1, cy + ry); ++y)
            for (int x = std::max(0, cx - rx); x <= std::min(width_ - 1, cx + rx); ++x) {
                const std::int64_t dx = x - cx, dy = y - cy;
                if (dx * dx * ry * ry + dy * dy * rx * rx <= std::int64_t{rx} * rx * ry * ry) set(x, y, c);
            }
    }
    std::string png() const {
        std::string out;
        stbi_write_png_to_func(
            [](void* context, void* data, int size) {
                static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                                           static_cast<std::size_t>(size));
            },
            &out, width_, height_, 3, pixels_.data(), width_ * 3);
        return out;
    }

private:
    void set(int x, int y, Rgb c) {
        auto* p = &pixels_[static_cast<std::size_t>((y * width_ + x) * 3)];
        p[0] = c.r;
        p[1] = c.g;
        p[2] = c.b;
    }
    int width_, height_;
    std::vector<std::uint8_t> pixels_;
};

constexpr Rgb kPalette[] = {{231, 76, 60},  {230, 126, 34}, {241, 196, 15}, {46, 204, 113},
                            {26, 188, 156}, {52, 152, 219}, {155, 89, 182}, {52, 73, 94},
                            {192, 57, 43},  {39, 174, 96},  {41, 128, 185}, {142, 68, 173}};
constexpr Rgb kSkinTones[] = {{255, 224, 189}, {241, 194, 125}, {224, 172, 105}};
constexpr int kAvatarCount = 12;  // one per palette colour
static_assert(std::size(kPalette) == kAvatarCount);
constexpr int kNoticeImageCount = 4;
constexpr int kRewardImageCount = 4;

Rgb shade(Rgb c, int percent) {
    const auto f = [&](std::uint8_t v) { return static_cast<std::uint8_t>(v * percent / 100); };
    return {f(c.r), f(c.g), f(c.b)};
}
Rgb tint(Rgb c, int percent) {  // towards white
    const auto f = [&](std::uint8_t v) { return static_cast<std::uint8_t>(v + (255 - v) * percent / 100); };
    return {f(c.r), f(c.g), f(c.b)};
}

// A head-and-shoulders silhouette on a coloured background.
std::string avatar_png(int i) {
    constexpr int kSize = 96;
    Canvas canvas(kSize, kSize);
    canvas.vertical_gradient(tint(kPalette[i], 30), kPalette[i]);
    canvas.fill_ellipse(kSize / 2, kSize, 36, 30, shade(kPalette[(i + 5) % kAvatarCount], 70));
    const int head = 16 + i % 4;
    canvas.fill_ellipse(kSize / 2, 40, head, head + 2, kSkinTones[i % 3]);
    return canvas.png();
}

// A sky, a sun and a row of buildings with lit windows.
std::string notice_png(int i) {
    constexpr int kWidth = 320, kHeight = 180;
    Canvas canvas(kWidth, kHeight);
    canvas.vertical_gradient(tint(kPalette[5 + i], 60), tint(kPalette[5 + i], 10));
    canvas.fill_ellipse(60 + 60 * i, 45, 22, 22, {255, 236, 139});
    Rng shapes(static_cast<std::uint64_t>(i) + 1);  // media never depend on the seed: their ids stay put
    for (int x = 0; x < kWidth;) {
        const int w = shapes.between(30, 60), top = shapes.between(70, 130);
        const Rgb wall = shade(kPalette[(i * 3 + x / 40) % kAvatarCount], 60);
        canvas.fill_rect(x, top, x + w - 4, kHeight, wall);
        for (int wy = top + 8; wy + 8 < kHeight; wy += 16)
            for (int wx = x + 6; wx + 8 < x + w - 4; wx += 14)
                canvas.fill_rect(wx, wy, wx + 7, wy + 8, {255, 244, 200});
        x += w;
    }
    return canvas.png();
}

// A product: a body and a cap or lid, in proportions per picture.
std::string reward_png(int i) {
    struct Shape {
        int body_w, body_h, cap_w, cap_h;
    };
    constexpr Shape kShapes[kRewardImageCount] = {
        {52, 70, 24, 14}, {80, 64, 60, 10}, {40, 80, 18, 18}, {84, 54, 84, 8}};
    constexpr int kSize = 128;
    const Shape& s = kShapes[i];
    Canvas canvas(kSize, kSize);
    canvas.vertical_gradient({250, 250, 250}, tint(kPalette[i * 2], 70));
    const int bottom = kSize - 16, body_top = bottom - s.body_h;
    canvas.fill_rect((kSize - s.body_w) / 2, body_top, (kSize + s.body_w) / 2, bottom, kPalette[i * 2]);
    canvas.fill_rect((kSize - s.cap_w) / 2, body_top - s.cap_h, (kSize + s.cap_w) / 2, body_top,
                     shade(kPalette[i * 2], 60));
    canvas.fill_rect((kSize - s.body_w) / 2 + 8, body_top + s.body_h / 3, (kSize + s.body_w) / 2 - 8,
                     body_top + s.body_h / 3 + 12, tint(kPalette[i * 2], 80));
    return canvas.png();
}

struct MediaSet {
    std::vector<DemoMedia> all;
    std::vector<MediaId> avatars, notice_images, reward_images;
};

MediaSet make_media() {
    MediaSet set;
    const auto add = [&](std::string bytes, std::vector<MediaId>& group) {
        group.push_back(sha256_hex(bytes));
        set.all.push_back({group.back(), std::move(bytes)});
    };
    for (int i = 0; i < kAvatarCount; ++i) add(avatar_png(i), set.avatars);
    for (int i = 0; i < kNoticeImageCount; ++i) add(notice_png(i), set.notice_images);
    for (int i = 0; i < kRewardImageCount; ++i) add(reward_png(i), set.reward_images);
    return set;
}

// ---- sizes of the presets -----------------------------------------------------------------------

struct Scale {
    const words::CommunityProfile& profile;
    std::string_view community_id;
    int grids, units, members, posts;
    int point_months;  // history length, ending with the month of `today`
    int point_events;
    int activities_per_month;
    int wishes, wish_days;  // submitted over the last wish_days days
    int notices, notice_days;
    int stock_factor;
};

const Scale kCommunityScale{.profile = words::kCommunityProfile,
                            .community_id = "c-demo",
                            .grids = 8,
                            .units = 30,
                            .members = 300,
                            .posts = 40,
                            .point_months = 12,
                            .point_events = 3000,
                            .activities_per_month = 2,
                            .wishes = 60,
                            .wish_days = 120,
                            .notices = 15,
                            .notice_days = 120,
                            .stock_factor = 1};
const Scale kDistrictScale{.profile = words::kDistrictProfile,
                           .community_id = "c-district",
                           .grids = 100,
                           .units = 1000,
                           .members = 10000,
                           .posts = 1300,
                           .point_months = 36,
                           .point_events = 600000,
                           .activities_per_month = 50,
                           .wishes = 20000,
                           .wish_days = 1095,
                           .notices = 500,
                           .notice_days = 1095,
                           .stock_factor = 20};

// The first members are fixed for tests and demos: the pinyin look-alikes (张三丰 first), then
// two members whose points in the current month are identical by construction (a ranking tie).
constexpr std::size_t kFirstTwin = 8;
constexpr std::size_t kShowcaseMembers = kFirstTwin + 2;
bool is_twin(std::size_t member) { return member == kFirstTwin || member == kFirstTwin + 1; }

// Share of a month's point events by kind; individual service takes the rest.
constexpr int kGroupPercent = 38, kUnitPercent = 7, kBonusPercent = 5, kDeductionPercent = 3, kRedemptionPercent = 2;

// ---- the generator ------------------------------------------------------------------------------

struct MemberInfo {
    std::string id;
    std::optional<std::int64_t> registered_day;
    double zeal;  // 0..1: how often the member serves, and so how well they are graded
};

struct UnitInfo {
    std::string id;
    std::optional<std::int64_t> registered_day;
    double zeal;
};

struct ActivityInfo {
    std::string id;
    std::string reason;  // 参加活动：<title>
    std::int64_t starts_at;
};

// A point event before it has an id: a month's drafts are sorted by time, then emitted.
struct Draft {
    std::int64_t at;
    std::uint32_t subject;
    bool unit;
    PointKind kind;
    int points;
    std::string_view reason;
    const ActivityInfo* activity;
};

class Generator {
public:
    Generator(const Scale& scale, const Date& today, std::uint64_t seed)
        : scale_(scale),
          today_days_(days_from_civil(today)),
          now_(local_instant(today_days_, kDayEnd)),
          window_first_(add_months(today, 1 - scale.point_months)),
          seed_(seed),
          cid_(scale.community_id),
          media_(make_media()) {}

    DemoData run() {
        out_.entities.reserve(static_cast<std::size_t>(scale_.grids + scale_.units + 4 * scale_.members +
                                                       9 * scale_.posts + scale_.point_events + scale_.wishes +
                                                       scale_.notices) +
                              static_cast<std::size_t>(scale_.point_months * scale_.activities_per_month) + 64);
        add_community();
        add_grids();
        add_units();
        add_members();
        add_staff();
        add_posts();
        add_claims();
        add_pledges();
        add_activities();
        add_point_events();
        add_evaluations();
        add_wishes();
        add_notices();
        add_rewards();
        out_.media = std::move(media_.all);
        return std::move(out_);
    }

private:
    // Each section draws from its own stream, so changing one section leaves the others alone.
    Rng stream(std::string_view section) const {
        std::uint64_t h = 14695981039346656037ull;  // FNV-1a
        for (char c : section) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        return Rng(seed_ ^ h);
    }
    template <class T>
    void emit(T entity) {
        out_.entities.emplace_back(std::move(entity));
    }
    static std::size_t count(int n) { return static_cast<std::size_t>(n); }
    std::int64_t window_first_day() const { return days_from_civil(window_first_); }

    std::string person_name(Rng& rng) const {
        std::string name(surname(rng));
        const int given = rng.chance(0.3) ? 1 : 2;
        std::size_t previous = words::kGivenNameChars.size();
        for (int i = 0; i < given; ++i) {
            std::size_t c = rng.below(words::kGivenNameChars.size());
            if (c == previous) c = (c + 1) % words::kGivenNameChars.size();
            name += words::kGivenNameChars[c];
            previous = c;
        }
        return name;
    }
    std::string_view surname(Rng& rng) const {
        int x = static_cast<int>(rng.below(static_cast<std::uint64_t>(surname_weight_total_)));
        for (const auto& s : words::kSurnames) {
            if (x < s.weight) return s.text;
            x -= s.weight;
        }
        return words::kSurnames.front().text;
    }

    void add_community() {
        const auto& p = scale_.profile;
        Community c;
        c.id = cid_;
        c.name = p.name;
        c.time_zone = "Asia/Shanghai";
        c.grade_labels = to_strings(words::kGradeLabels);
        c.wish_categories = to_strings(words::kWishCategories);
        c.office = {std::string(p.office_address), std::string(p.office_phone), std::string(p.office_hours)};
        c.about = p.about;
        emit(std::move(c));
    }

    // Estates first (about 3 in 8 grids), then buildings, each under an estate: parents come first.
    void add_grids() {
        Rng rng = stream("grids");
        const std::size_t total = count(scale_.grids), estates = (total * 3 + 7) / 8;
        const Scatter names(rng, words::kEstatePrefixes.size() * words::kEstateSuffixes.size());
        std::vector<int> last_building(estates, 0);
        for (std::size_t i = 0; i < total; ++i) {
            Grid g{make_id("g-", i, total), cid_, {}, std::nullopt};
            if (i < estates) {
                const auto n = names(i);
                g.name = std::string(words::kEstatePrefixes[n / words::kEstateSuffixes.size()]) +
                         std::string(words::kEstateSuffixes[n % words::kEstateSuffixes.size()]);
                estate_ids_.push_back(g.id);
            } else {
                const std::size_t estate = (i - estates) % estates;
                last_building[estate] += rng.between(1, 3);
                g.parent_id = grid_ids_[estate];
                g.name = grid_names_[estate] + std::to_string(last_building[estate]) + "号楼";
            }
            grid_ids_.push_back(g.id);
            grid_names_.push_back(g.name);
            emit(std::move(g));
        }
    }

    std::optional<std::int64_t> registration_day(Rng& rng, double probability) const {
        if (!rng.chance(probability)) return std::nullopt;
        return day_between(rng, window_first_day() - 365, today_days_ - 20);
    }

    void add_units() {
        Rng rng = stream("units");
        const std::size_t total = count(scale_.units);
        const std::size_t bureau_orgs = words::kBureaus.size() * words::kLevelPrefixes.size();
        const std::size_t suffixes = words::kBranchSuffixes.size();
        const Scatter names(rng, (bureau_orgs + words::kInstitutions.size()) * suffixes);
        for (std::size_t i = 0; i < total; ++i) {
            const auto n = names(i);
            const std::size_t org = n / suffixes;
            std::string name = org < bureau_orgs
                                   ? std::string(words::kLevelPrefixes[org % words::kLevelPrefixes.size()]) +
                                         std::string(words::kBureaus[org / words::kLevelPrefixes.size()])
                                   : std::string(words::kInstitutions[org - bureau_orgs]);
            name += words::kBranchSuffixes[n % suffixes];
            UnitInfo info{make_id("u-", i, total), registration_day(rng, 0.85), rng.unit()};
            Unit u{info.id, cid_, std::move(name), Registration::unregistered, std::nullopt, std::nullopt};
            if (info.registered_day) {
                u.registration = Registration::registered;
                u.registered_on = civil_from_days(*info.registered_day);
                if (rng.chance(0.4)) u.paired_grid_id = rng.pick(std::span<const std::string>(estate_ids_));
            }
            units_.push_back(std::move(info));
            emit(std::move(u));
        }
    }

    void add_members() {
        Rng rng = stream("members");
        const std::size_t total = count(scale_.members);
        for (std::size_t i = 0; i < total; ++i) {
            const bool showcase = i < kShowcaseMembers;
            MemberInfo info{make_id("m-", i, total), std::nullopt, rng.unit()};
            // Showcase members registered before the points history starts, so they earn all of it.
            info.registered_day =
                showcase ? std::optional(window_first_day() - rng.between(30, 400)) : registration_day(rng, 0.9);
            Member m;
            m.id = info.id;
            m.community_id = cid_;
            m.member_no = make_id("DY", i, total);
            m.name = i < words::kSearchTestNames.size() ? std::string(words::kSearchTestNames[i]) : person_name(rng);
            const double role = rng.unit();
            m.role = role < 0.78 ? MemberRole::in_service : role < 0.9 ? MemberRole::community : MemberRole::retired;
            m.unit_id = units_[rng.below(units_.size())].id;
            m.grid_id = grid_ids_[rng.below(grid_ids_.size())];
            if (info.registered_day) {
                m.registration = Registration::registered;
                m.registered_on = civil_from_days(*info.registered_day);
            }
            if (rng.chance(0.85)) m.photo = rng.pick(std::span<const MediaId>(media_.avatars));
            if (rng.chance(0.95)) m.contact_masked = phone_masked(rng);
            members_.push_back(std::move(info));
            emit(std::move(m));
        }
    }

    static std::string phone_masked(Rng& rng) {
        std::string digits(rng.pick(words::kPhonePrefixes));
        for (int k = 0; k < 8; ++k) digits += static_cast<char>('0' + rng.below(10));
        return mask_phone(digits);
    }

    // PINs are deterministic; their hashes come from demo_pin_hash (embedded or salted at random).
    void add_staff() {
        Rng rng = stream("staff");
        for (std::size_t i = 0; i < words::kStaffNames.size(); ++i) {
            char pin[8];
            std::snprintf(pin, sizeof pin, "%06d", rng.between(0, 999999));
            const std::string hash = demo_pin_hash(pin);
            StaffAccount s{std::to_string(1001 + i), cid_, std::string(words::kStaffNames[i]),
                           i == 0 ? "admin" : "staff", hash};
            out_.staff.push_back({s.id, pin});
            emit(std::move(s));
        }
    }

    // Templates are used in order; after one pass each round prefixes a grid: 阳光小区3号楼楼道长.
    void add_posts() {
        Rng rng = stream("posts");
        std::vector<std::pair<const words::PostCategory*, const words::PostTemplate*>> templates;
        for (const auto& category : words::kPostCategories)
            for (const auto& post : category.posts) templates.emplace_back(&category, &post);
        const std::size_t total = count(scale_.posts);
        for (std::size_t i = 0; i < total; ++i) {
            const auto [category, post] = templates[i % templates.size()];
            const std::size_t round = i / templates.size();
            Post p;
            p.id = make_id("p-", i, total);
            p.community_id = cid_;
            p.name =
                (round == 0 ? std::string() : grid_names_[(round - 1) % grid_names_.size()]) + std::string(post->name);
            p.category = category->name;
            p.duties = distinct_picks(rng, category->duties, 2, 4);
            p.places = rng.between(1, 8);
            p.compulsory = post->compulsory;
            post_places_.push_back(p.places);
            post_ids_.push_back(p.id);
            emit(std::move(p));
        }
    }

    // Registered members take 1-2 of the places, about 80% of which get filled: a post never has
    // more claims than places because each claim consumes one place.
    void add_claims() {
        Rng rng = stream("claims");
        std::vector<std::size_t> places;
        for (std::size_t p = 0; p < post_places_.size(); ++p)
            for (int k = 0; k < post_places_[p]; ++k)
                if (rng.chance(0.8)) places.push_back(p);
        rng.shuffle(places);
        std::vector<std::size_t> claimants = registered_members();
        rng.shuffle(claimants);
        std::vector<Claim> claims;
        std::size_t next = 0;
        for (std::size_t m : claimants) {
            if (next >= places.size()) break;
            const std::size_t first = places[next++];
            add_claim(rng, claims, first, m);
            if (next < places.size() && places[next] != first && rng.chance(0.35))
                add_claim(rng, claims, places[next++], m);
        }
        for (std::size_t i = 0; i < claims.size(); ++i) {
            claims[i].id = make_id("cl-", i, claims.size());
            emit(std::move(claims[i]));
        }
    }
    void add_claim(Rng& rng, std::vector<Claim>& claims, std::size_t post, std::size_t member) const {
        const std::int64_t from = std::max(*members_[member].registered_day, today_days_ - 365);
        claims.push_back(
            {{}, post_ids_[post], members_[member].id, civil_from_days(day_between(rng, from, today_days_))});
    }

    std::vector<std::size_t> registered_members() const {
        std::vector<std::size_t> out;
        for (std::size_t i = 0; i < members_.size(); ++i)
            if (members_[i].registered_day) out.push_back(i);
        return out;
    }

    // Last year's pledge for those registered before this year; this year's for every registered
    // member, more of them still waiting for review.
    void add_pledges() {
        Rng rng = stream("pledges");
        const int year = civil_from_days(today_days_).year;
        const std::int64_t year_start = days_from_civil({year, 1, 1});
        std::vector<Pledge> pledges;
        for (std::size_t m : registered_members()) {
            for (const int y : {year - 1, year}) {
                if (y < year && *members_[m].registered_day >= year_start) continue;
                const double r = rng.unit();
                const double pending = y < year ? 0.0 : 0.14;
                const ReviewStatus review = r < pending          ? ReviewStatus::pending
                                            : r < pending + 0.05 ? ReviewStatus::rejected
                                                                 : ReviewStatus::approved;
                pledges.push_back({{}, members_[m].id, y, distinct_picks(rng, words::kPledgeItems, 2, 4), review});
            }
        }
        for (std::size_t i = 0; i < pledges.size(); ++i) {
            pledges[i].id = make_id("pl-", i, pledges.size());
            emit(std::move(pledges[i]));
        }
    }

    // Each month has its 主题党日 and other group activities; those after "now" are upcoming.
    void add_activities() {
        Rng rng = stream("activities");
        const std::size_t total = count(scale_.point_months * scale_.activities_per_month);
        for (int month = 0; month < scale_.point_months; ++month) {
            const Date first = add_months(window_first_, month);
            const std::int64_t first_day = days_from_civil(first);
            const std::int64_t last_day = days_from_civil(add_months(first, 1)) - 1;
            std::vector<Activity> batch;
            for (int k = 0; k < scale_.activities_per_month; ++k) {
                const std::string_view title =
                    k == 0 ? words::kPartyDayTitles[static_cast<std::size_t>(month) % words::kPartyDayTitles.size()]
                           : rng.pick(words::kActivityTitles);
                constexpr int kStartTimes[] = {9 * 3600, 14 * 3600 + 1800, 19 * 3600};
                const int start_time = kStartTimes[rng.below(std::size(kStartTimes))];
                batch.push_back({{},
                                 cid_,
                                 std::string(title),
                                 stamp(local_instant(day_between(rng, first_day, last_day), start_time)),
                                 std::string(rng.pick(words::kActivityPlaces))});
            }
            std::stable_sort(batch.begin(), batch.end(), [](const Activity& a, const Activity& b) {
                return a.starts_at.unix_seconds < b.starts_at.unix_seconds;
            });
            month_activities_.push_back(activities_.size());
            for (auto& a : batch) {
                a.id = make_id("a-", activities_.size(), total);
                activities_.push_back(
                    {a.id, std::string(words::kActivityReasonPrefix) + a.title, a.starts_at.unix_seconds});
                emit(std::move(a));
            }
        }
        month_activities_.push_back(activities_.size());
    }

    // ---- points -----------------------------------------------------------------------------

    // Exactly scale_.point_events events, spread over the days of the window in proportion.
    void add_point_events() {
        Rng rng = stream("points");
        for (const auto& r : words::kRewards)
            redemption_reasons_.push_back(std::string(words::kRedemptionReasonPrefix) + std::string(r.name));
        balance_.assign(members_.size(), 0);
        const std::int64_t first = window_first_day();
        const auto events_before = [&](std::int64_t day) {  // events on days [first, day)
            return static_cast<std::int64_t>(scale_.point_events) * (day - first) / (today_days_ - first + 1);
        };
        std::size_t next_id = 0;
        std::vector<Draft> drafts;
        for (int month = 0; month < scale_.point_months; ++month) {
            const std::int64_t a = days_from_civil(add_months(window_first_, month));
            const std::int64_t b = std::min(days_from_civil(add_months(window_first_, month + 1)) - 1, today_days_);
            const bool current = month + 1 == scale_.point_months;
            fill_pickers(a, current);
            drafts.clear();
            int budget = static_cast<int>(events_before(b + 1) - events_before(a));
            if (current) budget -= add_twin_drafts(rng, drafts, a, b, budget);
            month_drafts(rng, drafts, month, a, b, budget);
            std::stable_sort(drafts.begin(), drafts.end(), [](const Draft& x, const Draft& y) { return x.at < y.at; });
            for (const Draft& d : drafts) emit_point(d, next_id++);
        }
    }

    // Members and units earn from the first month that starts after they registered. The member
    // picker is never empty: the showcase members registered before the window (8 are not twins).
    void fill_pickers(std::int64_t month_start, bool current) {
        member_picker_.clear();
        for (std::size_t i = 0; i < members_.size(); ++i)
            if (members_[i].registered_day && *members_[i].registered_day <= month_start && !(current && is_twin(i)))
                member_picker_.add(static_cast<std::uint32_t>(i), weight(members_[i].zeal));
        unit_picker_.clear();
        for (std::size_t i = 0; i < units_.size(); ++i)
            if (units_[i].registered_day && *units_[i].registered_day <= month_start)
                unit_picker_.add(static_cast<std::uint32_t>(i), weight(units_[i].zeal));
    }
    static double weight(double zeal) { return 0.2 + 4.0 * zeal * zeal * zeal; }  // a few very active ones

    // The two twins get the same points this month (and no random ones): a guaranteed tie.
    int add_twin_drafts(Rng& rng, std::vector<Draft>& drafts, std::int64_t a, std::int64_t b, int budget) {
        constexpr int kScript = 5;  // four individual services and a bonus each
        const int per_twin = std::min(kScript, budget / 2);
        for (std::size_t twin = kFirstTwin; twin < kShowcaseMembers; ++twin)
            for (int k = 0; k < per_twin; ++k) {
                const auto& line = k + 1 < kScript ? words::kMemberServices[static_cast<std::size_t>(k)]
                                                   : rng.pick(words::kMemberBonuses);
                drafts.push_back({daytime_on(rng, day_between(rng, a, b)), static_cast<std::uint32_t>(twin), false,
                                  line.kind, line.points, line.reason, nullptr});
            }
        return 2 * per_twin;
    }

    void month_drafts(Rng& rng, std::vector<Draft>& drafts, int month, std::int64_t a, std::int64_t b, int budget) {
        std::vector<const ActivityInfo*> past;
        for (auto i = month_activities_[static_cast<std::size_t>(month)];
             i < month_activities_[static_cast<std::size_t>(month) + 1]; ++i)
            if (activities_[i].starts_at <= now_) past.push_back(&activities_[i]);
        const int units = unit_picker_.empty() ? 0 : budget * kUnitPercent / 100;
        const int group = past.empty() ? 0 : budget * kGroupPercent / 100;
        const int bonuses = budget * kBonusPercent / 100, deductions = budget * kDeductionPercent / 100;
        const int redemptions = budget * kRedemptionPercent / 100;
        const int left_over = add_group_drafts(rng, drafts, past, group);
        const int services = budget - units - group - bonuses - deductions - redemptions + left_over;
        const auto random_day = [&] { return daytime_on(rng, day_between(rng, a, b)); };
        const auto member_line = [&](const words::LedgerLine& line) {
            drafts.push_back(
                {random_day(), member_picker_.pick(rng), false, line.kind, line.points, line.reason, nullptr});
        };
        for (int k = 0; k < units; ++k) {
            const auto& line = rng.pick(words::kUnitLines);
            drafts.push_back(
                {random_day(), unit_picker_.pick(rng), true, line.kind, line.points, line.reason, nullptr});
        }
        for (int k = 0; k < services; ++k) member_line(rng.pick(words::kMemberServices));
        for (int k = 0; k < bonuses; ++k) member_line(rng.pick(words::kMemberBonuses));
        for (int k = 0; k < deductions; ++k) member_line(rng.pick(words::kMemberDeductions));
        for (int k = 0; k < redemptions; ++k) add_redemption(rng, drafts, random_day());
    }

    // Each past activity of the month gets an equal share of participants, all distinct: a stride
    // coprime to the number of eligible members walks them without repeats. Returns the events
    // that found no participant (a tiny month), for individual services to take.
    int add_group_drafts(Rng& rng, std::vector<Draft>& drafts, const std::vector<const ActivityInfo*>& past,
                         int group) {
        const auto& eligible = member_picker_.indices();
        const int activities = static_cast<int>(past.size());
        int left_over = 0;
        for (int j = 0; j < activities; ++j) {
            const auto& activity = *past[static_cast<std::size_t>(j)];
            const int share = group / activities + (j < group % activities ? 1 : 0);
            const int taken = std::min(share, static_cast<int>(eligible.size()));
            left_over += share - taken;
            if (taken == 0) continue;
            const std::uint64_t start = rng.below(eligible.size()), stride = coprime_below(rng, eligible.size());
            for (int k = 0; k < taken; ++k)
                drafts.push_back({activity.starts_at,
                                  eligible[(start + static_cast<std::uint64_t>(k) * stride) % eligible.size()], false,
                                  PointKind::group_activity, 2, activity.reason, &activity});
        }
        return left_over;
    }

    // A redemption spends points earned in earlier months; a member who cannot afford even the
    // cheapest reward serves instead, so the month keeps its number of events.
    void add_redemption(Rng& rng, std::vector<Draft>& drafts, std::int64_t at) {
        const std::uint32_t m = member_picker_.pick(rng);
        std::size_t reward = rng.below(words::kRewards.size());
        if (words::kRewards[reward].cost > balance_[m]) reward = cheapest_reward();
        const int cost = words::kRewards[reward].cost;
        if (cost > balance_[m]) {
            const auto& line = rng.pick(words::kMemberServices);
            drafts.push_back({at, m, false, line.kind, line.points, line.reason, nullptr});
            return;
        }
        balance_[m] -= cost;
        drafts.push_back({at, m, false, PointKind::redemption, -cost, redemption_reasons_[reward], nullptr});
    }
    static std::size_t cheapest_reward() {
        const auto it = std::min_element(words::kRewards.begin(), words::kRewards.end(),
                                         [](const auto& x, const auto& y) { return x.cost < y.cost; });
        return static_cast<std::size_t>(it - words::kRewards.begin());
    }

    void emit_point(const Draft& d, std::size_t index) {
        PointEvent e;
        e.id = make_id("pe-", index, count(scale_.point_events));
        e.community_id = cid_;
        e.subject_kind = d.unit ? SubjectKind::unit : SubjectKind::member;
        e.subject_id = d.unit ? units_[d.subject].id : members_[d.subject].id;
        e.occurred_at = stamp(d.at);
        e.kind = d.kind;
        e.points = d.points;
        e.reason = d.reason;
        if (d.activity) e.activity_id = d.activity->id;
        if (!d.unit && d.kind != PointKind::redemption) balance_[d.subject] += d.points;
        emit(std::move(e));
    }

    // ---- evaluations --------------------------------------------------------------------------

    // Last year's grades: 50% points + 50% democratic evaluation. The points window may not cover
    // last year, so the points half follows the zeal that also drives each subject's ledger.
    void add_evaluations() {
        Rng rng = stream("evaluations");
        const int year = civil_from_days(today_days_).year - 1;
        const std::int64_t year_end = days_from_civil({year + 1, 1, 1});
        std::vector<Evaluation> member_evals, unit_evals;
        for (const auto& m : members_)
            if (m.registered_day && *m.registered_day < year_end)
                member_evals.push_back(evaluation(rng, SubjectKind::member, m.id, m.zeal, year));
        for (const auto& u : units_)
            if (u.registered_day && *u.registered_day < year_end)
                unit_evals.push_back(evaluation(rng, SubjectKind::unit, u.id, u.zeal, year));
        award_honours(member_evals);
        std::size_t index = 0;
        const std::size_t total = member_evals.size() + unit_evals.size();
        for (auto* list : {&member_evals, &unit_evals})
            for (auto& e : *list) {
                e.id = make_id("ev-", index++, total);
                emit(std::move(e));
            }
    }

    static Evaluation evaluation(Rng& rng, SubjectKind kind, const std::string& id, double zeal, int year) {
        const double points_half = 50.0 + 50.0 * zeal;
        const double democratic = rng.between(650, 1000) / 10.0;
        const double score = std::round((points_half + democratic) * 5.0) / 10.0;  // the mean, to 0.1
        constexpr double kThresholds[] = {90.0, 75.0, 62.0};  // 优秀, 良好, 一般; below: 较差
        std::size_t grade = 0;
        while (grade < std::size(kThresholds) && score < kThresholds[grade]) ++grade;
        return {{}, kind, id, year, std::string(words::kGradeLabels[grade]), score, std::nullopt};
    }

    // The best 1% (at least four) are named, alternating 服务之星 and 履岗先锋.
    static void award_honours(std::vector<Evaluation>& evals) {
        std::vector<std::size_t> order(evals.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            return evals[x].score != evals[y].score ? evals[x].score > evals[y].score : x < y;
        });
        const std::size_t named = std::min(order.size(), std::max<std::size_t>(4, evals.size() / 100));
        for (std::size_t k = 0; k < named; ++k)
            evals[order[k]].honour = std::string(words::kHonours[k % words::kHonours.size()]);
    }

    // ---- wishes -------------------------------------------------------------------------------

    void add_wishes() {
        Rng rng = stream("wishes");
        const std::vector<WishStatus> statuses = wish_statuses(rng);
        const auto members = registered_members();
        std::vector<std::size_t> units;
        for (std::size_t i = 0; i < units_.size(); ++i)
            if (units_[i].registered_day) units.push_back(i);
        std::vector<Wish> wishes;
        for (const WishStatus status : statuses) {
            const auto& t = rng.pick(words::kWishes);
            Wish w;
            w.community_id = cid_;
            w.category = t.category;
            w.text = t.text;
            if (rng.chance(0.75)) w.display_name_masked = mask_name(person_name(rng));
            w.grid_id = grid_ids_[rng.below(grid_ids_.size())];
            w.status = status;
            set_wish_history(rng, w);
            if (w.claimed_at) {
                const bool by_unit = units.empty() || rng.chance(0.35);
                w.claimed_by_kind = by_unit ? SubjectKind::unit : SubjectKind::member;
                w.claimed_by_id = by_unit ? units_[rng.pick(std::span<const std::size_t>(units))].id
                                          : members_[rng.pick(std::span<const std::size_t>(members))].id;
            }
            if (status == WishStatus::rejected) w.reject_reason = std::string(rng.pick(words::kRejectReasons));
            wishes.push_back(std::move(w));
        }
        std::stable_sort(wishes.begin(), wishes.end(), [](const Wish& x, const Wish& y) {
            return x.submitted_at.unix_seconds < y.submitted_at.unix_seconds;
        });
        const Scatter codes(rng, kCodeSpace);
        for (std::size_t i = 0; i < wishes.size(); ++i) {
            wishes[i].id = make_id("w-", i, wishes.size());
            wishes[i].tracking_code = tracking_code(codes(i));
            emit(std::move(wishes[i]));
        }
    }

    // Fixed shares, shuffled, so every status is present even in the small preset.
    std::vector<WishStatus> wish_statuses(Rng& rng) const {
        constexpr std::pair<WishStatus, int> kShares[] = {{WishStatus::pending_review, 10},
                                                          {WishStatus::open, 22},
                                                          {WishStatus::claimed, 18},
                                                          {WishStatus::rejected, 10}};
        std::vector<WishStatus> out;
        for (const auto& [status, percent] : kShares)
            out.insert(out.end(), count(scale_.wishes * percent / 100), status);
        out.resize(count(scale_.wishes), WishStatus::fulfilled);  // the rest, about 40%
        rng.shuffle(out);
        return out;
    }

    // Submitted, claimed and fulfilled times fitting the status; version counts the transitions.
    void set_wish_history(Rng& rng, Wish& w) const {
        const auto ago = [&](int least, int most) { return today_days_ - rng.between(least, most); };
        const auto after = [&](std::int64_t day, int lo, int hi) {
            return std::min(today_days_, day + rng.between(lo, hi));
        };
        // Days since submission by status, in WishStatus order; fulfilled ones span the wish window.
        constexpr std::pair<int, int> kSubmittedDaysAgo[] = {{0, 3}, {0, 30}, {2, 40}, {3, 0}, {1, 60}};
        auto [lo, hi] = kSubmittedDaysAgo[static_cast<std::size_t>(w.status)];
        if (w.status == WishStatus::fulfilled) hi = scale_.wish_days;
        const std::int64_t submitted = ago(lo, hi);
        w.submitted_at = stamp(daytime_on(rng, submitted));
        w.version = w.status == WishStatus::pending_review ? 1 : 2;
        if (w.status != WishStatus::claimed && w.status != WishStatus::fulfilled) return;
        const std::int64_t claimed = after(submitted, 0, 3);
        // An hour at least between steps, and never after "now".
        const auto step_after = [&](std::int64_t previous, std::int64_t day) {
            return stamp(std::min(now_, std::max(previous + 3600, daytime_on(rng, day))));
        };
        w.claimed_at = step_after(w.submitted_at.unix_seconds, claimed);
        w.version = 3;
        if (w.status != WishStatus::fulfilled) return;
        w.fulfilled_at = step_after(w.claimed_at->unix_seconds, after(claimed, 1, 10));
        w.version = 4;
    }

    // D01-7KQ3M: D01 marks codes made by the demo server; no 0/O or 1/I to misread.
    static constexpr std::uint64_t kCodeSpace = 32ull * 32 * 32 * 32 * 32;
    static std::string tracking_code(std::uint64_t n) {
        std::string code = "D01-00000";
        // "D01" holds digits outside the code alphabet, so it can never be a kiosk's prefix.
        for (std::size_t k = code.size(); k-- > 4; n /= kCodeAlphabet.size())
            code[k] = kCodeAlphabet[n % kCodeAlphabet.size()];
        return code;
    }

    // ---- notices ------------------------------------------------------------------------------

    // Evenly spread over the notice window (with jitter), the newest few scheduled in the future.
    // Older even ones have expired; every third of the others expires later; a few current ones
    // are pinned; every fourth carries pictures.
    void add_notices() {
        Rng rng = stream("notices");
        const std::size_t total = count(scale_.notices);
        const std::size_t scheduled = std::max<std::size_t>(2, total / 100);
        std::vector<std::size_t> templates(words::kNotices.size());
        std::iota(templates.begin(), templates.end(), std::size_t{0});
        rng.shuffle(templates);
        std::vector<Notice> notices;
        std::vector<std::size_t> current;
        for (std::size_t i = 0; i < total; ++i) {
            Notice n;
            n.id = make_id("n-", i, total);
            n.community_id = cid_;
            const auto& t = words::kNotices[templates[i % templates.size()]];
            n.title = t.title;
            std::int64_t day = today_days_ + rng.between(1, 10);
            if (i + scheduled < total) {
                const double step = static_cast<double>(scale_.notice_days) / static_cast<double>(total - scheduled);
                day = std::min(today_days_, today_days_ - scale_.notice_days +
                                                static_cast<std::int64_t>(step * static_cast<double>(i)) +
                                                rng.between(0, 2));
            }
            n.publish_at = stamp(local_instant(day, rng.between(9 * 3600, 17 * 3600)));
            n.body = notice_body(t, civil_from_days(day));
            if (i % 2 == 0 && day + 30 < today_days_) {
                n.expire_at = stamp(local_instant(day + rng.between(7, 30), 86399));
            } else {
                if (i % 3 == 0)
                    n.expire_at = stamp(local_instant(std::max(day, today_days_) + rng.between(5, 30), 86399));
                if (day <= today_days_) current.push_back(i);
            }
            if (i % 4 == 1) n.media = distinct_picks(rng, std::span<const MediaId>(media_.notice_images), 1, 2);
            n.version = rng.chance(0.2) ? 2 : 1;
            notices.push_back(std::move(n));
        }
        const std::size_t pinned = std::min(current.size(), std::max<std::size_t>(2, total / 100));
        for (std::size_t k : rng.sample(current.size(), pinned)) notices[current[k]].pinned = true;
        for (auto& n : notices) emit(std::move(n));
    }

    // Paragraphs, then the signature and date (落款).
    std::string notice_body(const words::NoticeTemplate& t, const Date& d) const {
        std::string body;
        for (const auto paragraph : t.paragraphs) body.append(paragraph).append("\n\n");
        char date[32];
        std::snprintf(date, sizeof date, "%d年%d月%d日", d.year, d.month, d.day);
        return body.append(scale_.profile.notice_signature).append("\n").append(date);
    }

    // ---- rewards ------------------------------------------------------------------------------

    void add_rewards() {
        const std::size_t total = words::kRewards.size();
        for (std::size_t i = 0; i < total; ++i) {
            const auto& r = words::kRewards[i];
            Reward reward{make_id("r-", i, total),       cid_,        std::string(r.name), r.cost,
                          r.stock * scale_.stock_factor, std::nullopt};
            if (i < media_.reward_images.size()) reward.image = media_.reward_images[i];
            emit(std::move(reward));
        }
    }

    const Scale& scale_;
    std::int64_t today_days_;
    std::int64_t now_;
    Date window_first_;
    std::uint64_t seed_;
    std::string cid_;
    MediaSet media_;
    int surname_weight_total_ = std::accumulate(words::kSurnames.begin(), words::kSurnames.end(), 0,
                                                [](int sum, const auto& s) { return sum + s.weight; });
    DemoData out_;

    std::vector<std::string> grid_ids_, grid_names_, estate_ids_;
    std::vector<UnitInfo> units_;
    std::vector<MemberInfo> members_;
    std::vector<std::string> post_ids_;
    std::vector<int> post_places_;
    std::vector<ActivityInfo> activities_;
    std::vector<std::size_t> month_activities_;  // month -> first index in activities_, plus an end
    std::vector<std::string> redemption_reasons_;
    std::vector<int> balance_;  // per member: points earned so far minus points spent
    WeightedPicker member_picker_, unit_picker_;
};

}  // namespace

DemoData generate_demo(DemoPreset preset, const Date& today, std::uint64_t seed) {
    return Generator(preset == DemoPreset::community ? kCommunityScale : kDistrictScale, today, seed).run();
}

}  // namespace gongshi
