// The JSON wire format of every entity (docs/API.md). Unknown fields are ignored; a missing
// required field, a wrong type, invalid UTF-8 or an absurd value is an error naming the
// entity kind, its id and the field, and nothing is produced.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "gongshi/domain.hpp"
#include "gongshi/result.hpp"

namespace gongshi {

enum class EntityKind {
    community, grid, unit, member, staff, post, claim, pledge, activity, point_event, evaluation, wish, notice, reward
};
inline constexpr EntityKind kAllEntityKinds[] = {
    EntityKind::community, EntityKind::grid,     EntityKind::unit,        EntityKind::member,
    EntityKind::staff,     EntityKind::post,     EntityKind::claim,       EntityKind::pledge,
    EntityKind::activity,  EntityKind::point_event, EntityKind::evaluation, EntityKind::wish,
    EntityKind::notice,    EntityKind::reward};

const char* kind_name(EntityKind kind);  // "point_event", ...
std::optional<EntityKind> parse_kind(std::string_view name);

// Variant order matches EntityKind.
using Entity = std::variant<Community, Grid, Unit, Member, StaffAccount, Post, Claim, Pledge, Activity, PointEvent,
                            Evaluation, Wish, Notice, Reward>;
EntityKind kind_of(const Entity& e);
const std::string& id_of(const Entity& e);

nlohmann::json encode(const Entity& e);
Result<Entity> decode(EntityKind kind, const nlohmann::json& data);

template <class T, std::size_t I = 0>
constexpr EntityKind kind_of_type() {
    if constexpr (std::is_same_v<T, std::variant_alternative_t<I, Entity>>) return static_cast<EntityKind>(I);
    else return kind_of_type<T, I + 1>();
}

template <class T>
Result<T> decode_as(const nlohmann::json& data) {
    auto r = decode(kind_of_type<T>(), data);
    if (!r) return Result<T>::failure(r.error());
    return std::get<T>(std::move(r.value()));
}

// One entry of the change feed. `entity` is set for upserts and holds the decoded data.
struct Change {
    EntityKind kind = EntityKind::community;
    bool is_delete = false;
    std::string id;
    std::optional<Entity> entity;
};

struct ChangePage {
    std::string cursor;  // opaque to the kiosk; stored with the page it came with
    bool more = false;
    std::vector<Change> changes;
};

nlohmann::json encode_change(const Change& c);
nlohmann::json encode_page(const ChangePage& page);
// Rejects the whole page if any change is bad, so a page is applied whole or not at all.
Result<ChangePage> decode_page(std::string_view body);

// Enum <-> wire names, shared by the codec, the cache and the server.
const char* to_string(Registration v);
const char* to_string(MemberRole v);
const char* to_string(ReviewStatus v);
const char* to_string(SubjectKind v);
const char* to_string(PointKind v);
const char* to_string(WishStatus v);
template <class E>
std::optional<E> enum_from_string(std::string_view s);

bool valid_utf8(std::string_view s);

}  // namespace gongshi
