// Small hand-made records for the shared/ tests: every field filled, values chosen by hand so
// expectations can be worked out on paper.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "gongshi/codec.hpp"

namespace gongshi::test {

inline Timestamp at(const char* rfc3339) { return *parse_timestamp(rfc3339); }

inline Community community(std::optional<int> baseline = std::nullopt) {
    return {"c1", "幸福里社区", "Asia/Shanghai", {"优秀", "良好", "一般", "较差"}, baseline,
            {"生活帮扶", "其他"}, {"幸福路1号", "0575-88888888", "周一至周五 8:30-17:30"}, "公示终端"};
}
inline Grid grid(std::string id, std::string name, std::optional<std::string> parent = std::nullopt) {
    return {std::move(id), "c1", std::move(name), std::move(parent)};
}
inline Unit unit(std::string id, std::string name, bool registered) {
    return {std::move(id), "c1", std::move(name), registered ? Registration::registered : Registration::unregistered,
            registered ? std::optional(Date{2025, 3, 1}) : std::nullopt, "g1"};
}
inline Member member(std::string id, std::string name, std::string unit_id = "u1", std::string grid_id = "g1",
                     bool registered = true) {
    return {id, "c1", "DY-" + id, std::move(name), MemberRole::in_service, std::move(unit_id), std::move(grid_id),
            registered ? Registration::registered : Registration::unregistered,
            registered ? std::optional(Date{2025, 4, 2}) : std::nullopt, std::nullopt, "138****1234"};
}
inline PointEvent point_event(std::string id, std::string member_id, const char* when, int pts,
                              PointKind kind = PointKind::individual_service) {
    return {std::move(id), "c1", SubjectKind::member, std::move(member_id), at(when), kind, pts, "服务", std::nullopt};
}
inline Notice notice(std::string id, const char* publish, std::optional<const char*> expire, bool pinned) {
    return {std::move(id), "c1", "通知" + id, "正文", {}, pinned, at(publish),
            expire ? std::optional(at(*expire)) : std::nullopt, 1};
}

inline Change upsert(Entity e) {
    const auto kind = kind_of(e);
    std::string id = id_of(e);
    return {kind, false, std::move(id), std::move(e)};
}
// An upsert of one member's point event.
inline Change points(std::string id, std::string member_id, const char* when, int pts,
                     PointKind kind = PointKind::individual_service) {
    return upsert(point_event(std::move(id), std::move(member_id), when, pts, kind));
}
inline Change remove(EntityKind kind, std::string id) { return {kind, true, std::move(id), std::nullopt}; }

inline ChangePage page(std::vector<Change> changes, std::string cursor = "1") {
    return {std::move(cursor), false, std::move(changes)};
}

// A fresh temporary folder, removed with the object.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() / ("gongshi-test-" + std::to_string(::getpid()) + "-" +
                                                         std::to_string(counter()++));
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string file(const char* name) const { return (path / name).string(); }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

}  // namespace gongshi::test
