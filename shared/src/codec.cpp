#include "gongshi/codec.hpp"

#include <simdjson.h>

#include <array>
#include <climits>
#include <cmath>
#include <cstdint>
#include <type_traits>

namespace gongshi {

using nlohmann::json;

// ---- enum names ---------------------------------------------------------------------------

namespace {

template <class E, std::size_t N>
using Names = std::array<const char*, N>;

constexpr Names<Registration, 2> kRegistration{"registered", "unregistered"};
constexpr Names<MemberRole, 3> kRole{"in_service", "community", "retired"};
constexpr Names<ReviewStatus, 3> kReview{"pending", "approved", "rejected"};
constexpr Names<SubjectKind, 2> kSubject{"member", "unit"};
constexpr Names<PointKind, 5> kPointKind{"group_activity", "individual_service", "bonus", "deduction", "redemption"};
constexpr Names<WishStatus, 5> kWishStatus{"pending_review", "open", "claimed", "fulfilled", "rejected"};
constexpr Names<EntityKind, 14> kKind{"community", "grid",        "unit",       "member", "staff",  "post",  "claim",
                                      "pledge",    "activity",    "point_event", "evaluation", "wish", "notice", "reward"};

template <class E>
constexpr const auto& names_of() {
    if constexpr (std::is_same_v<E, Registration>) return kRegistration;
    else if constexpr (std::is_same_v<E, MemberRole>) return kRole;
    else if constexpr (std::is_same_v<E, ReviewStatus>) return kReview;
    else if constexpr (std::is_same_v<E, SubjectKind>) return kSubject;
    else if constexpr (std::is_same_v<E, PointKind>) return kPointKind;
    else if constexpr (std::is_same_v<E, WishStatus>) return kWishStatus;
    else return kKind;
}

}  // namespace

template <class E>
std::optional<E> enum_from_string(std::string_view s) {
    const auto& names = names_of<E>();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (s == names[i]) return static_cast<E>(i);
    return std::nullopt;
}
template std::optional<Registration> enum_from_string(std::string_view);
template std::optional<MemberRole> enum_from_string(std::string_view);
template std::optional<ReviewStatus> enum_from_string(std::string_view);
template std::optional<SubjectKind> enum_from_string(std::string_view);
template std::optional<PointKind> enum_from_string(std::string_view);
template std::optional<WishStatus> enum_from_string(std::string_view);

const char* to_string(Registration v) { return kRegistration[static_cast<std::size_t>(v)]; }
const char* to_string(MemberRole v) { return kRole[static_cast<std::size_t>(v)]; }
const char* to_string(ReviewStatus v) { return kReview[static_cast<std::size_t>(v)]; }
const char* to_string(SubjectKind v) { return kSubject[static_cast<std::size_t>(v)]; }
const char* to_string(PointKind v) { return kPointKind[static_cast<std::size_t>(v)]; }
const char* to_string(WishStatus v) { return kWishStatus[static_cast<std::size_t>(v)]; }
const char* kind_name(EntityKind kind) { return kKind[static_cast<std::size_t>(kind)]; }
std::optional<EntityKind> parse_kind(std::string_view name) { return enum_from_string<EntityKind>(name); }

EntityKind kind_of(const Entity& e) { return static_cast<EntityKind>(e.index()); }
const std::string& id_of(const Entity& e) {
    return std::visit([](const auto& v) -> const std::string& { return v.id; }, e);
}

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        char32_t cp = 0, min = 0;
        if (c < 0x80) { ++i; continue; }
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
        else return false;
        if (i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += len;
    }
    return true;
}

// ---- field lists: one per entity, walked by both the encoder and the decoder ----------------

namespace {

// Bounds that separate plausible data from corruption.
struct Range {
    double lo, hi;
};
constexpr Range kPoints{-10000, 10000};
constexpr Range kCount{0, 1000000};
constexpr Range kYear{kMinYear, kMaxYear};
constexpr Range kScore{0, 100};
constexpr Range kBaseline{0, 100000};
constexpr Range kVersion{1, 1e15};

#define GS_FIELDS(Type) \
    template <class V, class T> \
    requires std::is_same_v<std::remove_const_t<T>, Type> void fields_of(V& v, T& x)

GS_FIELDS(Community) {
    v("id", x.id); v("name", x.name); v("time_zone", x.time_zone); v("grade_labels", x.grade_labels);
    v("points_baseline", x.points_baseline, kBaseline); v("wish_categories", x.wish_categories);
    v("office_address", x.office.address); v("office_phone", x.office.phone); v("office_hours", x.office.hours);
    v.optional_text("about", x.about);
}
GS_FIELDS(Grid) {
    v("id", x.id); v("community_id", x.community_id); v("name", x.name); v("parent_id", x.parent_id);
}
GS_FIELDS(Unit) {
    v("id", x.id); v("community_id", x.community_id); v("name", x.name); v("registration", x.registration);
    v("registered_on", x.registered_on); v("paired_grid_id", x.paired_grid_id);
}
GS_FIELDS(Member) {
    v("id", x.id); v("community_id", x.community_id); v("member_no", x.member_no); v("name", x.name);
    v("role", x.role); v("unit_id", x.unit_id); v("grid_id", x.grid_id); v("registration", x.registration);
    v("registered_on", x.registered_on); v("photo", x.photo); v.optional_text("contact_masked", x.contact_masked);
}
GS_FIELDS(StaffAccount) {
    v("id", x.id); v("community_id", x.community_id); v("name", x.name); v("role", x.role);
    v("pin_hash", x.pin_hash);
}
GS_FIELDS(Post) {
    v("id", x.id); v("community_id", x.community_id); v("name", x.name); v("category", x.category);
    v("duties", x.duties); v("places", x.places, kCount); v("compulsory", x.compulsory);
}
GS_FIELDS(Claim) {
    v("id", x.id); v("post_id", x.post_id); v("member_id", x.member_id); v("claimed_on", x.claimed_on);
}
GS_FIELDS(Pledge) {
    v("id", x.id); v("member_id", x.member_id); v("year", x.year, kYear); v("items", x.items);
    v("review", x.review);
}
GS_FIELDS(Activity) {
    v("id", x.id); v("community_id", x.community_id); v("title", x.title); v("starts_at", x.starts_at);
    v("place", x.place);
}
GS_FIELDS(PointEvent) {
    v("id", x.id); v("community_id", x.community_id); v("subject_kind", x.subject_kind);
    v("subject_id", x.subject_id); v("occurred_at", x.occurred_at); v("kind", x.kind);
    v("points", x.points, kPoints); v("reason", x.reason); v("activity_id", x.activity_id);
}
GS_FIELDS(Evaluation) {
    v("id", x.id); v("subject_kind", x.subject_kind); v("subject_id", x.subject_id); v("year", x.year, kYear);
    v("grade", x.grade); v("score", x.score, kScore); v("honour", x.honour);
}
GS_FIELDS(Wish) {
    v("id", x.id); v("community_id", x.community_id); v("tracking_code", x.tracking_code);
    v("category", x.category); v("text", x.text); v.optional_text("display_name_masked", x.display_name_masked);
    v("grid_id", x.grid_id); v("status", x.status); v("claimed_by_kind", x.claimed_by_kind);
    v("claimed_by_id", x.claimed_by_id); v("submitted_at", x.submitted_at); v("claimed_at", x.claimed_at);
    v("fulfilled_at", x.fulfilled_at); v("reject_reason", x.reject_reason); v("version", x.version, kVersion);
}
GS_FIELDS(Notice) {
    v("id", x.id); v("community_id", x.community_id); v("title", x.title); v("body", x.body);
    v("media", x.media); v("pinned", x.pinned); v("publish_at", x.publish_at); v("expire_at", x.expire_at);
    v("version", x.version, kVersion);
}
GS_FIELDS(Reward) {
    v("id", x.id); v("community_id", x.community_id); v("name", x.name); v("cost", x.cost, kCount);
    v("stock", x.stock, kCount); v("image", x.image);
}
#undef GS_FIELDS

// ---- encoder ---------------------------------------------------------------------------------

json to_wire(const std::string& s) { return s; }
json to_wire(bool b) { return b; }
json to_wire(int i) { return i; }
json to_wire(std::int64_t i) { return i; }
json to_wire(double d) { return d; }
json to_wire(const Date& d) { return format_date(d); }
json to_wire(const Timestamp& t) { return format_timestamp(t); }
json to_wire(const std::vector<std::string>& v) { return v; }
template <class E>
requires std::is_enum_v<E> json to_wire(E e) { return to_string(e); }

struct Encoder {
    json out = json::object();
    template <class T>
    void operator()(const char* name, const T& value, Range = {}) {
        out[name] = to_wire(value);
    }
    template <class T>
    void operator()(const char* name, const std::optional<T>& value, Range = {}) {
        if (value) out[name] = to_wire(*value);
    }
    void optional_text(const char* name, const std::string& value) {
        if (!value.empty()) out[name] = value;
    }
};

}  // namespace

json encode(const Entity& e) {
    return std::visit([](const auto& x) {
        Encoder enc;
        fields_of(enc, x);
        return std::move(enc.out);
    }, e);
}

// ---- decoder ---------------------------------------------------------------------------------

namespace {

// The decoder reads JSON through one small interface, so the same field rules serve nlohmann
// values (single entities: the server, tests) and simdjson's DOM (change pages, the sync's hot
// path: about six times faster to parse).
struct NlohmannValue {
    const json* j;

    bool is_object() const { return j->is_object(); }
    std::optional<NlohmannValue> member(const char* name) const {
        const auto it = j->find(name);
        if (it == j->end() || it->is_null()) return std::nullopt;
        return NlohmannValue{&*it};
    }
    std::optional<std::string_view> string() const {
        if (!j->is_string()) return std::nullopt;
        return std::string_view(j->get_ref<const std::string&>());
    }
    std::optional<bool> boolean() const { return j->is_boolean() ? std::optional(j->get<bool>()) : std::nullopt; }
    std::optional<std::int64_t> integer() const {
        if (j->is_number_unsigned() && j->get<std::uint64_t>() > INT64_MAX) return std::nullopt;
        return j->is_number_integer() ? std::optional(j->get<std::int64_t>()) : std::nullopt;
    }
    std::optional<double> number() const { return j->is_number() ? std::optional(j->get<double>()) : std::nullopt; }
    // Calls f on each item; false if this is not an array or f refused an item.
    template <class F>
    bool each(F&& f) const {
        if (!j->is_array()) return false;
        for (const auto& item : *j)
            if (!f(NlohmannValue{&item})) return false;
        return true;
    }
};

// A simdjson result as an optional: empty on any error (a wrong type, a number out of range).
template <class T>
std::optional<T> ok_value(simdjson::simdjson_result<T> result) {
    T value{};
    return std::move(result).get(value) == simdjson::SUCCESS ? std::optional(value) : std::nullopt;
}

struct SimdValue {
    simdjson::dom::element e;

    bool is_object() const { return e.is_object(); }
    std::optional<SimdValue> member(const char* name) const {
        const auto found = ok_value(e.at_key(name));
        if (!found || found->is_null()) return std::nullopt;
        return SimdValue{*found};
    }
    std::optional<std::string_view> string() const { return ok_value(e.get_string()); }
    std::optional<bool> boolean() const { return ok_value(e.get_bool()); }
    std::optional<std::int64_t> integer() const { return ok_value(e.get_int64()); }
    std::optional<double> number() const { return e.is_number() ? ok_value(e.get_double()) : std::nullopt; }
    template <class F>
    bool each(F&& f) const {
        const auto items = ok_value(e.get_array());
        if (!items) return false;
        for (simdjson::dom::element item : *items)
            if (!f(SimdValue{item})) return false;
        return true;
    }
};

template <class Value>
class Decoder {
public:
    Decoder(Value obj, EntityKind kind) : obj_(obj), kind_(kind) {}

    template <class T>
    void operator()(const char* name, T& out, Range range = {0, 0}) {
        if (!error_.empty()) return;
        const auto v = obj_.member(name);
        if (!v) {
            fail(name, "is missing");
            return;
        }
        read(name, *v, out, range);
        if (std::string_view(name) == "id" && error_.empty()) id_ = *v->string();
    }
    template <class T>
    void operator()(const char* name, std::optional<T>& out, Range range = {0, 0}) {
        if (!error_.empty()) return;
        const auto v = obj_.member(name);
        if (!v) return out.reset();
        T value{};
        if (read(name, *v, value, range)) out = std::move(value);
    }
    void optional_text(const char* name, std::string& out) {
        std::optional<std::string> value;
        (*this)(name, value);
        out = value.value_or("");
    }

    const std::string& error() const { return error_; }

private:
    bool fail(const char* field, const std::string& problem) {
        if (error_.empty())
            error_ = std::string(kind_name(kind_)) + " " + (id_.empty() ? "(no id)" : id_) + ": field '" + field +
                     "' " + problem;
        return false;
    }

    bool read(const char* name, const Value& j, std::string& out, Range) {
        const auto s = j.string();
        if (!s) return fail(name, "must be a string");
        if (!valid_utf8(*s)) return fail(name, "is not valid UTF-8");
        if (s->size() > kMaxText) return fail(name, "is longer than " + std::to_string(kMaxText) + " bytes");
        out = *s;
        return true;
    }
    bool read(const char* name, const Value& j, bool& out, Range) {
        const auto b = j.boolean();
        if (!b) return fail(name, "must be true or false");
        out = *b;
        return true;
    }
    template <class I>
    requires std::is_integral_v<I> bool read(const char* name, const Value& j, I& out, Range range) {
        const auto v = j.integer();
        if (!v) return fail(name, "must be an integer");
        const auto lo = static_cast<std::int64_t>(range.lo), hi = static_cast<std::int64_t>(range.hi);
        if (hi > lo && (*v < lo || *v > hi)) return out_of_range(name, range);
        out = static_cast<I>(*v);
        return true;
    }
    bool read(const char* name, const Value& j, double& out, Range range) {
        const auto v = j.number();
        if (!v) return fail(name, "must be a number");
        if (!std::isfinite(*v) || (range.hi > range.lo && (*v < range.lo || *v > range.hi)))
            return out_of_range(name, range);
        out = *v;
        return true;
    }
    bool read(const char* name, const Value& j, Date& out, Range) {
        const auto s = j.string();
        auto d = s ? parse_date(*s) : std::nullopt;
        if (!d) return fail(name, "must be a date YYYY-MM-DD between " + std::to_string(kMinYear) + " and " +
                                      std::to_string(kMaxYear));
        out = *d;
        return true;
    }
    bool read(const char* name, const Value& j, Timestamp& out, Range) {
        const auto s = j.string();
        auto t = s ? parse_timestamp(*s) : std::nullopt;
        if (!t || civil_from_days(t->unix_seconds / 86400).year < kMinYear ||
            civil_from_days(t->unix_seconds / 86400).year > kMaxYear)
            return fail(name, "must be an RFC 3339 time with an offset");
        out = *t;
        return true;
    }
    bool read(const char* name, const Value& j, std::vector<std::string>& out, Range) {
        out.clear();
        bool item_failed = false;
        const bool array = j.each([&](const Value& item) {
            std::string s;
            if (!read(name, item, s, {})) return !(item_failed = true);
            out.push_back(std::move(s));
            return true;
        });
        if (!array && !item_failed) return fail(name, "must be an array of strings");
        return array;
    }
    template <class E>
    requires std::is_enum_v<E> bool read(const char* name, const Value& j, E& out, Range) {
        const auto s = j.string();
        auto e = s ? enum_from_string<E>(*s) : std::nullopt;
        if (!e) return fail(name, "has an unknown value");
        out = *e;
        return true;
    }
    bool out_of_range(const char* name, Range r) {
        return fail(name, "is out of range [" + std::to_string(static_cast<long long>(r.lo)) + ", " +
                              std::to_string(static_cast<long long>(r.hi)) + "]");
    }

    static constexpr std::size_t kMaxText = 64 * 1024;
    Value obj_;
    EntityKind kind_;
    std::string id_;
    std::string error_;
};

template <std::size_t I = 0>
Entity default_entity(EntityKind kind) {
    if constexpr (I + 1 < std::variant_size_v<Entity>) {
        if (static_cast<std::size_t>(kind) != I) return default_entity<I + 1>(kind);
    }
    return Entity(std::in_place_index<I>);
}

template <class Value>
Result<Entity> decode_value(EntityKind kind, Value data) {
    if (!data.is_object()) return Result<Entity>::failure(std::string(kind_name(kind)) + ": data must be an object");
    Entity entity = default_entity(kind);
    Decoder<Value> dec(data, kind);
    std::visit([&](auto& x) { fields_of(dec, x); }, entity);
    if (!dec.error().empty()) return Result<Entity>::failure(dec.error());
    if (id_of(entity).empty()) return Result<Entity>::failure(std::string(kind_name(kind)) + ": empty id");
    return entity;
}

}  // namespace

Result<Entity> decode(EntityKind kind, const json& data) { return decode_value(kind, NlohmannValue{&data}); }

// ---- change pages ----------------------------------------------------------------------------

json encode_change(const Change& c) {
    json j{{"kind", kind_name(c.kind)}, {"op", c.is_delete ? "delete" : "upsert"}, {"id", c.id}};
    if (!c.is_delete && c.entity) j["data"] = encode(*c.entity);
    return j;
}

json encode_page(const ChangePage& page) {
    json changes = json::array();
    for (const auto& c : page.changes) changes.push_back(encode_change(c));
    return {{"cursor", page.cursor}, {"more", page.more}, {"changes", std::move(changes)}};
}

namespace {

std::optional<std::string_view> text_member(const SimdValue& j, const char* name) {
    return ok_value(j.e.at_key(name).get_string());
}

Result<Change> decode_change(SimdValue j, std::size_t index) {
    const std::string where = "change #" + std::to_string(index);
    using R = Result<Change>;
    if (!j.is_object()) return R::failure(where + ": must be an object");
    const auto kind_text = text_member(j, "kind");
    if (!kind_text) return R::failure(where + ": 'kind' missing or not a string");
    auto kind = parse_kind(*kind_text);
    if (!kind) return R::failure(where + ": unknown kind '" + std::string(*kind_text) + "'");
    const auto id = text_member(j, "id");
    if (!id || id->empty()) return R::failure(where + " (" + kind_name(*kind) + "): 'id' missing or not a string");
    Change c{*kind, false, std::string(*id), std::nullopt};
    if (!valid_utf8(c.id)) return R::failure(where + " (" + kind_name(*kind) + "): id is not valid UTF-8");
    const auto op = text_member(j, "op").value_or("");
    if (op == "delete") {
        c.is_delete = true;
        return c;
    }
    if (op != "upsert") return R::failure(std::string(kind_name(*kind)) + " " + c.id + ": 'op' must be upsert or delete");
    const auto data = ok_value(j.e.at_key("data"));
    if (!data) return R::failure(std::string(kind_name(*kind)) + " " + c.id + ": upsert without data");
    auto entity = decode_value(*kind, SimdValue{*data});
    if (!entity) return R::failure(entity.error());
    if (id_of(entity.value()) != c.id)
        return R::failure(std::string(kind_name(*kind)) + " " + c.id + ": data id '" + id_of(entity.value()) +
                          "' differs from the change id");
    c.entity = std::move(entity.value());
    return c;
}

}  // namespace

Result<ChangePage> decode_page(std::string_view body) {
    using R = Result<ChangePage>;
    // One parser per thread keeps its buffers between pages (a full sync decodes hundreds).
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (const auto error = parser.parse(body.data(), body.size()).get(root); error != simdjson::SUCCESS)
        return R::failure(std::string("change page is not valid JSON (") + simdjson::error_message(error) + ")");
    const SimdValue j{root};
    if (!j.is_object()) return R::failure("change page must be a JSON object");
    const auto cursor = text_member(j, "cursor");
    const auto more = ok_value(root.at_key("more").get_bool());
    const auto changes = ok_value(root.at_key("changes").get_array());
    if (!cursor || cursor->empty()) return R::failure("change page: 'cursor' missing or not a string");
    if (!more) return R::failure("change page: 'more' missing or not a boolean");
    if (!changes) return R::failure("change page: 'changes' missing or not an array");
    ChangePage page;
    page.cursor = std::string(*cursor);
    page.more = *more;
    page.changes.reserve(changes->size());
    std::size_t i = 0;
    for (simdjson::dom::element change : *changes) {
        auto c = decode_change(SimdValue{change}, i++);
        if (!c) return R::failure(c.error());
        page.changes.push_back(std::move(c.value()));
    }
    return page;
}

}  // namespace gongshi
