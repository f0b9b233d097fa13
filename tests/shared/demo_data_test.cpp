#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>

#include "gongshi/demo_data.hpp"

using namespace gongshi;

namespace {

constexpr Date kToday{2026, 5, 20};

// Entities of one kind, in order.
template <class T>
std::vector<const T*> all_of(const DemoData& d) {
    std::vector<const T*> out;
    for (const auto& e : d.entities)
        if (const auto* x = std::get_if<T>(&e)) out.push_back(x);
    return out;
}

template <class T>
std::set<std::string> ids_of(const DemoData& d) {
    std::set<std::string> out;
    for (const auto* x : all_of<T>(d)) out.insert(x->id);
    return out;
}

// Generates a preset and prints how long it took (the figure docs/PERFORMANCE.md quotes).
DemoData timed_generate(DemoPreset preset, const char* name, const Date& today = kToday,
                        std::uint64_t seed = kDefaultDemoSeed) {
    const auto start = std::chrono::steady_clock::now();
    DemoData d = generate_demo(preset, today, seed);
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    std::printf("[ timing   ] generate_demo(%s): %.2f s, %zu entities\n", name, took.count(), d.entities.size());
    return d;
}

const DemoData& community() {
    static const DemoData data = timed_generate(DemoPreset::community, "community");
    return data;
}

// Everything but the randomly salted PIN hashes.
std::vector<nlohmann::json> comparable(const DemoData& d) {
    std::vector<nlohmann::json> out;
    for (const auto& e : d.entities) {
        auto j = encode(e);
        if (kind_of(e) == EntityKind::staff) j.erase("pin_hash");
        out.push_back(std::move(j));
    }
    return out;
}

void expect_round_trips(const DemoData& d, std::size_t every = 1) {
    for (std::size_t i = 0; i < d.entities.size(); i += every) {
        const auto& e = d.entities[i];
        const auto wire = encode(e);
        auto back = decode(kind_of(e), wire);
        ASSERT_TRUE(back) << back.error();
        EXPECT_EQ(encode(back.value()), wire) << kind_name(kind_of(e)) << " " << id_of(e);
    }
}

// Member and claim references resolve, and no post has more claims than places.
void expect_references_resolve(const DemoData& d) {
    const auto units = ids_of<Unit>(d), grids = ids_of<Grid>(d), members = ids_of<Member>(d);
    for (const auto* g : all_of<Grid>(d)) EXPECT_TRUE(!g->parent_id || grids.count(*g->parent_id)) << g->id;
    for (const auto* m : all_of<Member>(d)) {
        EXPECT_TRUE(units.count(m->unit_id)) << m->id;
        EXPECT_TRUE(grids.count(m->grid_id)) << m->id;
    }
    std::map<std::string, int> claims_per_post;
    for (const auto* c : all_of<Claim>(d)) {
        EXPECT_TRUE(members.count(c->member_id)) << c->id;
        ++claims_per_post[c->post_id];
    }
    for (const auto* p : all_of<Post>(d)) {
        EXPECT_LE(claims_per_post[p->id], p->places) << p->id;
        claims_per_post.erase(p->id);
    }
    EXPECT_TRUE(claims_per_post.empty()) << "claims of unknown posts";
    for (const auto* e : all_of<PointEvent>(d))
        EXPECT_TRUE(e->subject_kind == SubjectKind::member ? members.count(e->subject_id) : units.count(e->subject_id))
            << e->id;
}

// Referenced entities come first: each kind's block follows the previous kind's.
void expect_kind_order(const DemoData& d) {
    EXPECT_TRUE(std::is_sorted(d.entities.begin(), d.entities.end(),
                               [](const Entity& a, const Entity& b) { return a.index() < b.index(); }));
}

TEST(DemoData, ParsesPresetNames) {
    EXPECT_EQ(parse_preset("community"), DemoPreset::community);
    EXPECT_EQ(parse_preset("district"), DemoPreset::district);
    EXPECT_FALSE(parse_preset("village"));
}

TEST(DemoData, SameInputsGiveTheSameData) {
    const DemoData again = generate_demo(DemoPreset::community, kToday);
    EXPECT_EQ(comparable(again), comparable(community()));
    ASSERT_EQ(again.media.size(), community().media.size());
    for (std::size_t i = 0; i < again.media.size(); ++i) EXPECT_EQ(again.media[i].bytes, community().media[i].bytes);
    ASSERT_EQ(again.staff.size(), community().staff.size());
    for (std::size_t i = 0; i < again.staff.size(); ++i) EXPECT_EQ(again.staff[i].pin, community().staff[i].pin);
}

TEST(DemoData, AnotherSeedGivesOtherData) {
    EXPECT_NE(comparable(generate_demo(DemoPreset::community, kToday, 7)), comparable(community()));
}

TEST(DemoData, CommunityPresetHasTheAdvertisedSizes) {
    const auto& d = community();
    const auto in = [](std::size_t n, std::size_t lo, std::size_t hi) { return n >= lo && n <= hi; };
    EXPECT_EQ(all_of<Community>(d).size(), 1u);
    EXPECT_TRUE(in(all_of<Grid>(d).size(), 6, 10));
    EXPECT_TRUE(in(all_of<Unit>(d).size(), 25, 35));
    EXPECT_TRUE(in(all_of<Member>(d).size(), 250, 350));
    EXPECT_EQ(all_of<StaffAccount>(d).size(), 3u);
    EXPECT_TRUE(in(all_of<Post>(d).size(), 30, 50));
    EXPECT_TRUE(in(all_of<PointEvent>(d).size(), 2000, 5000));
    EXPECT_TRUE(in(all_of<Wish>(d).size(), 50, 70));
    EXPECT_TRUE(in(all_of<Notice>(d).size(), 12, 20));
    EXPECT_TRUE(in(all_of<Reward>(d).size(), 8, 12));
    EXPECT_FALSE(all_of<Claim>(d).empty());
    EXPECT_FALSE(all_of<Pledge>(d).empty());
    EXPECT_FALSE(all_of<Activity>(d).empty());
    EXPECT_FALSE(all_of<Evaluation>(d).empty());
    EXPECT_TRUE(in(d.media.size(), 12, 24));
    for (const auto& m : d.media) EXPECT_EQ(m.bytes.substr(1, 3), "PNG") << m.id;
}

TEST(DemoData, EveryEntityRoundTripsThroughTheCodec) { expect_round_trips(community()); }

TEST(DemoData, ReferencesResolve) {
    expect_references_resolve(community());
    expect_kind_order(community());
    std::set<std::string> media;
    for (const auto& m : community().media) media.insert(m.id);
    for (const auto* m : all_of<Member>(community())) EXPECT_TRUE(!m->photo || media.count(*m->photo)) << m->id;
    for (const auto* n : all_of<Notice>(community()))
        for (const auto& id : n->media) EXPECT_TRUE(media.count(id)) << n->id;
}

TEST(DemoData, EdgeDatesStillGiveValidData) {
    for (const Date today : {Date{2024, 2, 29}, Date{2027, 1, 1}, Date{2026, 12, 31}}) {
        const DemoData d = generate_demo(DemoPreset::community, today);
        expect_round_trips(d);
        expect_references_resolve(d);
    }
}

TEST(DemoData, EveryWishStatusIsPresent) {
    std::set<WishStatus> seen;
    for (const auto* w : all_of<Wish>(community())) {
        seen.insert(w->status);
        EXPECT_EQ(w->tracking_code.substr(0, 4), "D01-");
        EXPECT_EQ(w->claimed_by_id.has_value(), w->status == WishStatus::claimed || w->status == WishStatus::fulfilled);
        EXPECT_EQ(w->reject_reason.has_value(), w->status == WishStatus::rejected);
    }
    EXPECT_EQ(seen.size(), 5u);
}

TEST(DemoData, NoticesArePinnedExpiredScheduledAndIllustrated) {
    const auto today = days_from_civil(kToday) * 86400;
    int pinned = 0, expired = 0, scheduled = 0, illustrated = 0;
    for (const auto* n : all_of<Notice>(community())) {
        pinned += n->pinned;
        expired += n->expire_at && n->expire_at->unix_seconds < today;
        scheduled += n->publish_at.unix_seconds > today + 86400;
        illustrated += !n->media.empty();
    }
    EXPECT_GT(pinned, 0);
    EXPECT_GT(expired, 0);
    EXPECT_GT(scheduled, 0);
    EXPECT_GT(illustrated, 0);
}

TEST(DemoData, CurrentMonthMemberPointsHaveATie) {
    const auto month_start = days_from_civil({kToday.year, kToday.month, 1}) * 86400 - 8 * 3600;
    std::map<std::string, int> earned;
    for (const auto* e : all_of<PointEvent>(community()))
        if (e->subject_kind == SubjectKind::member && e->kind != PointKind::redemption &&
            e->occurred_at.unix_seconds >= month_start)
            earned[e->subject_id] += e->points;
    std::map<int, int> members_with;
    for (const auto& [id, points] : earned) ++members_with[points];
    EXPECT_TRUE(std::any_of(members_with.begin(), members_with.end(), [](const auto& p) { return p.second > 1; }));
    EXPECT_EQ(earned.at("m-0009"), earned.at("m-0010"));  // the scripted twins
}

TEST(DemoData, PinyinSearchNamesArePresent) {
    std::map<std::string, int> names;
    for (const auto* m : all_of<Member>(community())) ++names[m->name];
    EXPECT_EQ(names["张三丰"], 1);
    EXPECT_GE(names["张少峰"], 1);
    EXPECT_GE(names["汪芳"], 1);
}

TEST(DemoData, DistrictPresetHasTheBenchmarkSize) {
    const DemoData d = timed_generate(DemoPreset::district, "district");
    EXPECT_EQ(all_of<Community>(d).size(), 1u);
    EXPECT_EQ(all_of<Community>(d).front()->id, "c-district");
    EXPECT_EQ(all_of<Member>(d).size(), 10000u);
    EXPECT_EQ(all_of<Unit>(d).size(), 1000u);
    EXPECT_EQ(all_of<Grid>(d).size(), 100u);
    EXPECT_EQ(all_of<Post>(d).size(), 1300u);
    EXPECT_EQ(all_of<PointEvent>(d).size(), 600000u);
    EXPECT_EQ(all_of<Wish>(d).size(), 20000u);
    EXPECT_EQ(all_of<Notice>(d).size(), 500u);
    EXPECT_EQ(all_of<StaffAccount>(d).size(), 3u);
    EXPECT_EQ(ids_of<Wish>(d).size(), 20000u);
    std::set<std::string> codes;
    for (const auto* w : all_of<Wish>(d)) codes.insert(w->tracking_code);
    EXPECT_EQ(codes.size(), 20000u);
    expect_kind_order(d);
    expect_references_resolve(d);
    expect_round_trips(d, 97);
}

}  // namespace
