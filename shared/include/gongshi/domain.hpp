// The entities the kiosk discloses (see ../shared/DOMAIN.md). Plain structs, no behaviour:
// the JSON codec (codec.hpp) and the cache (cache.hpp) are the only code that builds them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gongshi/time.hpp"

namespace gongshi {

// A media id is the lowercase hex sha256 of the file (content-addressed, immutable).
using MediaId = std::string;

struct OfficeContact {
    std::string address;
    std::string phone;
    std::string hours;  // free text, e.g. "周一至周五 8:30-17:30"
    bool operator==(const OfficeContact&) const = default;
};

struct Community {
    std::string id;
    std::string name;
    std::string time_zone;                  // IANA name, e.g. "Asia/Shanghai"
    std::vector<std::string> grade_labels;  // best first: 优秀 良好 一般 较差, or 好 较好 一般 差
    std::optional<int> points_baseline;     // Luzhou's 80; empty where points start at zero
    std::vector<std::string> wish_categories;
    OfficeContact office;
    std::string about;                      // what this terminal is for, shown on the about screen
    bool operator==(const Community&) const = default;
};

struct Grid {  // 网格 / 小区 / 楼栋
    std::string id;
    std::string community_id;
    std::string name;
    std::optional<std::string> parent_id;  // a building's estate
    bool operator==(const Grid&) const = default;
};

enum class Registration { registered, unregistered };

struct Unit {  // 单位党组织
    std::string id;
    std::string community_id;
    std::string name;
    Registration registration = Registration::unregistered;
    std::optional<Date> registered_on;
    std::optional<std::string> paired_grid_id;  // 包联 estate
    bool operator==(const Unit&) const = default;
};

enum class MemberRole { in_service, community, retired };

struct Member {  // 党员
    std::string id;
    std::string community_id;
    std::string member_no;
    std::string name;
    MemberRole role = MemberRole::in_service;
    std::string unit_id;
    std::string grid_id;
    Registration registration = Registration::unregistered;
    std::optional<Date> registered_on;
    std::optional<MediaId> photo;
    std::string contact_masked;  // the server masks it: 138****1234
    bool operator==(const Member&) const = default;
};

struct StaffAccount {  // 社区工作人员
    std::string id;    // the staff id typed on the kiosk
    std::string community_id;
    std::string name;
    std::string role;      // "staff" or "admin"
    std::string pin_hash;  // argon2id string from crypto_pwhash_str
    bool operator==(const StaffAccount&) const = default;
};

struct Post {  // 岗位
    std::string id;
    std::string community_id;
    std::string name;
    std::string category;             // 政策宣传, 治安维稳, ...
    std::vector<std::string> duties;  // 履岗菜单
    int places = 1;
    bool compulsory = false;          // 必领岗位
    bool operator==(const Post&) const = default;
};

struct Claim {  // 认领
    std::string id;
    std::string post_id;
    std::string member_id;
    Date claimed_on;
    bool operator==(const Claim&) const = default;
};

enum class ReviewStatus { pending, approved, rejected };

struct Pledge {  // 承诺
    std::string id;
    std::string member_id;
    int year = 0;
    std::vector<std::string> items;
    ReviewStatus review = ReviewStatus::pending;
    bool operator==(const Pledge&) const = default;
};

struct Activity {  // 活动 / 主题党日
    std::string id;
    std::string community_id;
    std::string title;
    Timestamp starts_at;
    std::string place;
    bool operator==(const Activity&) const = default;
};

enum class SubjectKind { member, unit };
enum class PointKind { group_activity, individual_service, bonus, deduction, redemption };

struct PointEvent {  // one line of a points ledger
    std::string id;
    std::string community_id;
    SubjectKind subject_kind = SubjectKind::member;
    std::string subject_id;
    Timestamp occurred_at;
    PointKind kind = PointKind::individual_service;
    int points = 0;  // signed
    std::string reason;
    std::optional<std::string> activity_id;
    bool operator==(const PointEvent&) const = default;
};

struct Evaluation {  // 评议
    std::string id;
    SubjectKind subject_kind = SubjectKind::member;
    std::string subject_id;
    int year = 0;
    std::string grade;            // one of the community's grade labels
    std::optional<double> score;  // 0..100
    std::optional<std::string> honour;  // 服务之星 / 履岗先锋
    bool operator==(const Evaluation&) const = default;
};

enum class WishStatus { pending_review, open, claimed, fulfilled, rejected };

struct Wish {  // 微心愿
    std::string id;
    std::string community_id;
    std::string tracking_code;
    std::string category;
    std::string text;
    std::string display_name_masked;  // 王**; empty when the resident gave no name
    std::string grid_id;
    WishStatus status = WishStatus::pending_review;
    std::optional<SubjectKind> claimed_by_kind;
    std::optional<std::string> claimed_by_id;
    Timestamp submitted_at;
    std::optional<Timestamp> claimed_at;
    std::optional<Timestamp> fulfilled_at;
    std::optional<std::string> reject_reason;  // staff only, never public
    std::int64_t version = 1;
    bool operator==(const Wish&) const = default;
};

struct Notice {  // 通知公告
    std::string id;
    std::string community_id;
    std::string title;
    std::string body;
    std::vector<MediaId> media;
    bool pinned = false;
    Timestamp publish_at;
    std::optional<Timestamp> expire_at;
    std::int64_t version = 1;
    bool operator==(const Notice&) const = default;
    // On the board at `now`: published, and not yet expired.
    bool live_at(std::int64_t now_unix) const {
        return publish_at.unix_seconds <= now_unix && (!expire_at || expire_at->unix_seconds > now_unix);
    }
};

struct Reward {  // 积分超市
    std::string id;
    std::string community_id;
    std::string name;
    int cost = 0;
    int stock = 0;
    std::optional<MediaId> image;
    bool operator==(const Reward&) const = default;
};

}  // namespace gongshi
