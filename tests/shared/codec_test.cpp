#include <gtest/gtest.h>

#include "fixtures.hpp"
#include "gongshi/codec.hpp"

using namespace gongshi;
using nlohmann::json;

namespace {

// One record of every kind with every optional field set.
std::vector<Entity> one_of_each() {
    Wish wish{"w1", "c1", "D01-7KQ3M", "生活帮扶", "修理水龙头", "王**", "g1", WishStatus::fulfilled,
              SubjectKind::unit, "u1", test::at("2026-05-01T09:00:00+08:00"), test::at("2026-05-02T10:00:00+08:00"),
              test::at("2026-05-03T11:00:00+08:00"), std::nullopt, 3};
    Member m = test::member("m1", "张三丰");
    m.photo = std::string(64, 'a');
    return {test::community(80),
            test::grid("g2", "阳光小区3号楼", "g1"),
            test::unit("u1", "区财政局机关党支部", true),
            m,
            StaffAccount{"s1", "c1", "李主任", "admin", "$argon2id$v=19$m=65536,t=2,p=1$abc$def"},
            Post{"p1", "c1", "义务巡防岗", "治安维稳", {"夜间巡逻", "消防检查"}, 4, true},
            Claim{"cl1", "p1", "m1", {2026, 3, 2}},
            Pledge{"pl1", "m1", 2026, {"每月参加一次巡逻", "帮助独居老人"}, ReviewStatus::approved},
            Activity{"a1", "c1", "主题党日", test::at("2026-04-10T14:30:00+08:00"), "社区活动室"},
            PointEvent{"e1", "c1", SubjectKind::unit, "u1", test::at("2026-04-10T16:00:00+08:00"),
                       PointKind::group_activity, 2, "参加主题党日", "a1"},
            Evaluation{"ev1", SubjectKind::member, "m1", 2025, "优秀", 92.5, "服务之星"},
            wish,
            Notice{"n1", "c1", "停水通知", "明天停水\n请提前储水", {std::string(64, 'b')}, true,
                   test::at("2026-05-01T00:00:00+08:00"), test::at("2026-06-01T00:00:00+08:00"), 2},
            Reward{"r1", "c1", "洗衣液", 30, 12, std::string(64, 'c')}};
}

// Removes `field` from the encoded record of `kind` in one_of_each().
json without(EntityKind kind, const char* field) {
    json j = encode(one_of_each()[static_cast<std::size_t>(kind)]);
    j.erase(field);
    return j;
}

json with(EntityKind kind, const char* field, json value) {
    json j = encode(one_of_each()[static_cast<std::size_t>(kind)]);
    j[field] = std::move(value);
    return j;
}

// A one-change page carrying `data` as an upsert, for decode_page (simdjson) to read.
std::string page_with(EntityKind kind, const json& data) {
    const std::string id = data.is_object() && data.contains("id") ? data["id"].get<std::string>() : "x";
    return json{{"cursor", "1"}, {"more", false},
                {"changes", json::array({{{"kind", kind_name(kind)}, {"op", "upsert"}, {"id", id}, {"data", data}}})}}
        .dump();
}

}  // namespace

TEST(Codec, EveryKindRoundTrips) {
    const auto all = one_of_each();
    ASSERT_EQ(all.size(), std::size(kAllEntityKinds));
    for (const auto& e : all) {
        const json wire = encode(e);
        auto back = decode(kind_of(e), json::parse(wire.dump()));
        ASSERT_TRUE(back) << back.error();
        EXPECT_EQ(encode(back.value()), wire) << kind_name(kind_of(e));
        EXPECT_EQ(back.value(), e) << kind_name(kind_of(e));
        // Pages are read by the other parser; it must give the same entity.
        auto page = decode_page(page_with(kind_of(e), wire));
        ASSERT_TRUE(page) << page.error();
        ASSERT_EQ(page->changes.size(), 1u);
        EXPECT_EQ(*page->changes[0].entity, e) << kind_name(kind_of(e));
    }
}

TEST(Codec, UnknownFieldsAreIgnored) {
    auto r = decode(EntityKind::member, with(EntityKind::member, "future_field", {{"x", 1}}));
    ASSERT_TRUE(r) << r.error();
    EXPECT_EQ(std::get<Member>(r.value()).name, "张三丰");
}

TEST(Codec, OptionalFieldsMayBeAbsentOrNull) {
    auto r = decode(EntityKind::notice, with(EntityKind::notice, "expire_at", nullptr));
    ASSERT_TRUE(r) << r.error();
    EXPECT_FALSE(std::get<Notice>(r.value()).expire_at);
    auto r2 = decode(EntityKind::member, without(EntityKind::member, "photo"));
    ASSERT_TRUE(r2) << r2.error();
    EXPECT_FALSE(std::get<Member>(r2.value()).photo);
}

struct BadRecord {
    EntityKind kind;
    json data;
    std::string expected;  // the error must contain this
};

TEST(Codec, BadRecordsNameKindIdAndField) {
    const std::vector<BadRecord> cases{
        {EntityKind::member, without(EntityKind::member, "grid_id"), "member m1: field 'grid_id' is missing"},
        {EntityKind::member, with(EntityKind::member, "grid_id", 7), "member m1: field 'grid_id' must be a string"},
        {EntityKind::member, with(EntityKind::member, "name", std::string("\xe5\xbc", 2)),
         "member m1: field 'name' is not valid UTF-8"},
        {EntityKind::pledge, with(EntityKind::pledge, "year", 99999), "pledge pl1: field 'year' is out of range"},
        {EntityKind::claim, with(EntityKind::claim, "claimed_on", "99999-01-01"), "claim cl1: field 'claimed_on' must be a date"},
        {EntityKind::point_event, with(EntityKind::point_event, "points", 1e9), "point_event e1: field 'points' must be an integer"},
        {EntityKind::point_event, with(EntityKind::point_event, "points", 5000000), "point_event e1: field 'points' is out of range"},
        {EntityKind::point_event, with(EntityKind::point_event, "occurred_at", "2026-04-10T16:00:00"),
         "point_event e1: field 'occurred_at' must be an RFC 3339 time"},
        {EntityKind::wish, with(EntityKind::wish, "status", "lost"), "wish w1: field 'status' has an unknown value"},
        {EntityKind::post, with(EntityKind::post, "duties", json::array({"巡逻", 3})), "post p1: field 'duties' must be a string"},
        {EntityKind::post, with(EntityKind::post, "compulsory", "yes"), "post p1: field 'compulsory' must be true or false"},
        {EntityKind::evaluation, with(EntityKind::evaluation, "score", 180.0), "evaluation ev1: field 'score' is out of range"},
        {EntityKind::reward, with(EntityKind::reward, "stock", -1), "reward r1: field 'stock' is out of range"},
        {EntityKind::grid, without(EntityKind::grid, "id"), "grid (no id): field 'id' is missing"},
        {EntityKind::notice, json::array(), "notice: data must be an object"},
    };
    for (const auto& c : cases) {
        auto r = decode(c.kind, c.data);
        ASSERT_FALSE(r) << c.expected;
        EXPECT_NE(r.error().find(c.expected), std::string::npos) << "got: " << r.error();
        // The same record inside a change page (the other parser) is refused with the same words;
        // bad UTF-8 makes the whole page invalid JSON there (MalformedPagesAreClearErrors).
        if (c.expected.find("UTF-8") != std::string::npos) continue;
        auto page = decode_page(page_with(c.kind, c.data));
        ASSERT_FALSE(page) << c.expected;
        EXPECT_NE(page.error().find(c.expected), std::string::npos) << "page got: " << page.error();
    }
}

TEST(Codec, PageRoundTrips) {
    ChangePage page{"42", true, {test::upsert(test::member("m1", "张三丰")), test::remove(EntityKind::notice, "n9")}};
    auto back = decode_page(encode_page(page).dump());
    ASSERT_TRUE(back) << back.error();
    EXPECT_EQ(back->cursor, "42");
    EXPECT_TRUE(back->more);
    ASSERT_EQ(back->changes.size(), 2u);
    EXPECT_EQ(std::get<Member>(*back->changes[0].entity).name, "张三丰");
    EXPECT_TRUE(back->changes[1].is_delete);
    EXPECT_EQ(back->changes[1].id, "n9");
}

TEST(Codec, OneBadChangeRejectsTheWholePage) {
    json page = encode_page({"7", false, {test::upsert(test::member("m1", "张三丰")), test::upsert(test::member("m2", "李四"))}});
    page["changes"][1]["data"].erase("unit_id");
    auto r = decode_page(page.dump());
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().find("member m2: field 'unit_id' is missing"), std::string::npos) << r.error();
}

TEST(Codec, MalformedPagesAreClearErrors) {
    const std::vector<std::pair<std::string, std::string>> cases{
        {"{\"cursor\":\"1\",\"more\":false,\"changes\":[", "not valid JSON"},
        {"[]", "must be a JSON object"},
        {R"({"more":false,"changes":[]})", "'cursor' missing"},
        {R"({"cursor":"1","more":"no","changes":[]})", "'more' missing or not a boolean"},
        {R"({"cursor":"1","more":false,"changes":{}})", "'changes' missing or not an array"},
        {R"({"cursor":"1","more":false,"changes":[{"kind":"alien","op":"upsert","id":"x","data":{}}]})", "unknown kind 'alien'"},
        {R"({"cursor":"1","more":false,"changes":[{"kind":"grid","op":"merge","id":"x"}]})", "grid x: 'op' must be upsert or delete"},
        {R"({"cursor":"1","more":false,"changes":[{"kind":"grid","op":"upsert","id":"x"}]})", "grid x: upsert without data"},
        {R"({"cursor":"1","more":false,"changes":[{"kind":"grid","op":"upsert","id":"x","data":{"id":"y","community_id":"c","name":"n"}}]})",
         "data id 'y' differs"},
        {"{\"cursor\":\"1\",\"more\":false,\"changes\":[{\"kind\":\"grid\",\"op\":\"delete\",\"id\":\"\xff\"}]}", "not valid JSON"},
    };
    for (const auto& [body, expected] : cases) {
        auto r = decode_page(body);
        ASSERT_FALSE(r) << body;
        EXPECT_NE(r.error().find(expected), std::string::npos) << "got: " << r.error();
    }
}

TEST(Codec, Utf8Validation) {
    EXPECT_TRUE(valid_utf8("张三丰 abc"));
    EXPECT_TRUE(valid_utf8("\xF0\xA0\x80\x80"));   // U+20000, CJK Extension B
    EXPECT_FALSE(valid_utf8("\xC0\xAF"));          // overlong
    EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));      // surrogate
    EXPECT_FALSE(valid_utf8("\xE5\xBC"));          // truncated
    EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // beyond U+10FFFF
}
