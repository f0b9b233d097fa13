#include "ui_strings.hpp"

namespace gongshi::kiosk {

// A switch rather than an array so the compiler (-Wswitch) rejects a Str without text.
const char* text(Str id) {
    switch (id) {
    case Str::home_subtitle: return "在职党员“双报到”信息公示";
    case Str::community_fallback: return "社区党群服务站";
    case Str::tile_pledges: return "承诺公示";
    case Str::tile_pledges_hint: return "党员公开承诺，接受群众监督";
    case Str::tile_pledges_badge: return "诺";
    case Str::tile_posts: return "岗位认领";
    case Str::tile_posts_hint: return "服务岗位与认领情况";
    case Str::tile_posts_badge: return "岗";
    case Str::tile_rankings: return "积分排行";
    case Str::tile_rankings_hint: return "党员和单位的服务积分排名";
    case Str::tile_rankings_badge: return "榜";
    case Str::tile_evaluations: return "评议结果";
    case Str::tile_evaluations_hint: return "年度评议等次与表彰";
    case Str::tile_evaluations_badge: return "评";
    case Str::tile_registration: return "双报到";
    case Str::tile_registration_hint: return "党员和单位报到情况";
    case Str::tile_registration_badge: return "报";
    case Str::tile_wishes: return "微心愿";
    case Str::tile_wishes_hint: return "提交心愿，查看认领进度";
    case Str::tile_wishes_badge: return "愿";
    case Str::tile_notices: return "通知公告";
    case Str::tile_notices_hint: return "社区通知与公示栏";
    case Str::tile_notices_badge: return "告";
    case Str::tile_rewards: return "积分超市";
    case Str::tile_rewards_hint: return "用服务积分兑换物品";
    case Str::tile_rewards_badge: return "兑";
    case Str::tile_points: return "积分查询";
    case Str::tile_points_hint: return "查询本人服务积分明细";
    case Str::tile_points_badge: return "查";
    case Str::tile_about: return "关于本机";
    case Str::tile_about_hint: return "社区联系方式与本机信息";
    case Str::tile_about_badge: return "机";
    case Str::nav_back: return "返回";
    case Str::nav_home: return "首页";
    case Str::coming_soon: return "此功能即将开放";
    case Str::coming_soon_detail: return "本栏目正在建设中，敬请期待。";
    case Str::updated_at: return "更新于 {}";
    case Str::never_updated: return "尚未更新";
    case Str::month_day: return "{}月{}日";
    case Str::offline: return "离线";
    case Str::outbox_depth: return "待上传 {} 条";
    case Str::date_format: return "{}月{}日 {}";
    case Str::weekday_sun: return "星期日";
    case Str::weekday_mon: return "星期一";
    case Str::weekday_tue: return "星期二";
    case Str::weekday_wed: return "星期三";
    case Str::weekday_thu: return "星期四";
    case Str::weekday_fri: return "星期五";
    case Str::weekday_sat: return "星期六";
    case Str::idle_question: return "还在使用吗？";
    case Str::idle_countdown: return "{} 秒后返回首页";
    case Str::idle_continue: return "继续使用";
    case Str::attract_touch: return "触摸屏幕开始使用";
    case Str::wake: return "唤醒";
    case Str::attract_pinned: return "置顶公告";
    case Str::attract_top_members: return "本月服务积分前列";
    case Str::attract_rank_row: return "第 {} 名　{}　{} 分";
    case Str::attract_registration: return "双报到进展";
    case Str::attract_members_registered: return "已报到党员 {} / {} 人";
    case Str::attract_units_registered: return "已报到单位 {} / {} 个";
    case Str::about_address: return "社区地址：{}";
    case Str::about_phone: return "联系电话：{}";
    case Str::about_hours: return "办公时间：{}";
    case Str::about_device: return "本机信息";
    case Str::about_data_version: return "数据版本：{}";
    case Str::about_screen: return "屏幕：{} × {}";
    case Str::about_software: return "软件版本：{}";
    case Str::about_cache: return "数据文件：{}";
    case Str::about_no_data: return "本机尚无社区数据，请联系社区工作人员。";
    case Str::image_missing: return "暂无图片";
    case Str::count_: break;
    }
    return "";
}

std::string format(Str id, std::initializer_list<std::string_view> args) {
    const std::string_view pattern = text(id);
    std::string out;
    auto arg = args.begin();
    std::size_t pos = 0;
    for (std::size_t hole; (hole = pattern.find("{}", pos)) != std::string_view::npos; pos = hole + 2) {
        out.append(pattern.substr(pos, hole - pos));
        if (arg != args.end()) out.append(*arg++);
    }
    out.append(pattern.substr(pos));
    return out;
}

}  // namespace gongshi::kiosk
