// The Chinese vocabulary of the demo data generator (demo_data.cpp): names, organisations,
// posts, texts. Data only; the generator decides how the words are combined.
#pragma once

#include <span>
#include <string_view>

#include "gongshi/domain.hpp"

namespace gongshi::demo_words {

using Words = std::span<const std::string_view>;

struct WeightedWord {
    std::string_view text;
    int weight;  // relative frequency
};

struct PostTemplate {
    std::string_view name;
    bool compulsory;  // 必领岗位
};

struct PostCategory {
    std::string_view name;  // 政策宣传, 治安维稳, ...
    std::span<const PostTemplate> posts;
    Words duties;  // 履岗菜单 to draw 2-4 from
};

struct LedgerLine {
    PointKind kind;
    int points;
    std::string_view reason;
};

struct WishTemplate {
    std::string_view category;  // one of kWishCategories
    std::string_view text;
};

struct NoticeTemplate {
    std::string_view title;
    Words paragraphs;
};

struct RewardTemplate {
    std::string_view name;
    int cost;
    int stock;  // for a single community; the district preset scales it
};

struct CommunityProfile {
    std::string_view name;
    std::string_view about;
    std::string_view office_address;
    std::string_view office_phone;
    std::string_view office_hours;
    std::string_view notice_signature;  // who signs the notices (落款)
};

extern const CommunityProfile kCommunityProfile;
extern const CommunityProfile kDistrictProfile;
extern const Words kGradeLabels;
extern const Words kWishCategories;
extern const Words kHonours;  // 服务之星, 履岗先锋

extern const std::span<const WeightedWord> kSurnames;
extern const Words kGivenNameChars;  // never 三, so 张三丰 stays unique
extern const Words kSearchTestNames;  // same pinyin or initials; 张三丰 first
extern const Words kPhonePrefixes;

extern const Words kEstatePrefixes;
extern const Words kEstateSuffixes;
extern const Words kBureaus;       // take a 市 or 区 prefix
extern const Words kInstitutions;  // complete names
extern const Words kLevelPrefixes;  // 市, 区
extern const Words kBranchSuffixes;  // 机关党支部, 党总支, ...

extern const std::span<const PostCategory> kPostCategories;
extern const Words kPledgeItems;
extern const Words kPartyDayTitles;  // 主题党日, one a month
extern const Words kActivityTitles;
extern const Words kActivityPlaces;
extern const std::string_view kActivityReasonPrefix;   // 参加活动：
extern const std::string_view kRedemptionReasonPrefix;  // 兑换：

extern const std::span<const LedgerLine> kMemberServices;
extern const std::span<const LedgerLine> kMemberBonuses;
extern const std::span<const LedgerLine> kMemberDeductions;
extern const std::span<const LedgerLine> kUnitLines;

extern const std::span<const WishTemplate> kWishes;
extern const Words kRejectReasons;
extern const std::span<const NoticeTemplate> kNotices;
extern const std::span<const RewardTemplate> kRewards;
extern const Words kStaffNames;

}  // namespace gongshi::demo_words
