#include "demo_words.hpp"

namespace gongshi::demo_words {

using std::string_view;

// ---- the community itself -------------------------------------------------------------------

const CommunityProfile kCommunityProfile{
    "幸福里社区",
    "本终端是幸福里社区在职党员“双报到”公示查询系统。居民可以在这里查看到社区报到的党员和单位、"
    "服务岗位与履岗承诺、每月积分和年度评议结果，也可以提交微心愿：群众点单、组织派单、单位接单、党员接单。"
    "居民的姓名和电话不会公开显示。",
    "幸福里社区党群服务中心（幸福路88号）",
    "0575-88123456",
    "周一至周五 8:30-17:30，周六 9:00-12:00",
    "幸福里社区党委",
};

const CommunityProfile kDistrictProfile{
    "越城区",
    "本终端设在越城区党群服务中心，汇总全区在职党员“双报到”情况：报到党员和单位、服务岗位、承诺、"
    "积分排行和年度评议，按月公示。居民可以提交微心愿，由社区审核后派单给党员和单位认领。",
    "越城区党群服务中心一楼大厅（解放北路168号）",
    "0575-85012345",
    "周一至周五 8:30-12:00，14:00-17:30",
    "中共越城区委组织部",
};

constexpr string_view kGradeLabelArray[] = {"优秀", "良好", "一般", "较差"};
const Words kGradeLabels = kGradeLabelArray;

constexpr string_view kWishCategoryArray[] = {"生活帮扶", "就医陪护", "助学辅导", "家电维修", "法律咨询", "其他"};
const Words kWishCategories = kWishCategoryArray;

constexpr string_view kHonourArray[] = {"服务之星", "履岗先锋"};
const Words kHonours = kHonourArray;

// ---- people -------------------------------------------------------------------------------------

// Rough relative frequencies of the common surnames.
constexpr WeightedWord kSurnameArray[] = {
    {"王", 72}, {"李", 72}, {"张", 68}, {"刘", 54}, {"陈", 45}, {"杨", 31}, {"黄", 22}, {"赵", 20}, {"吴", 19},
    {"周", 18}, {"徐", 13}, {"孙", 12}, {"马", 12}, {"朱", 11}, {"胡", 10}, {"郭", 10}, {"何", 9},  {"高", 9},
    {"林", 9},  {"罗", 8},  {"郑", 8},  {"梁", 7},  {"谢", 6},  {"宋", 6},  {"唐", 6},  {"许", 5},  {"韩", 5},
    {"冯", 5},  {"邓", 5},  {"曹", 5},  {"彭", 5},  {"曾", 5},  {"肖", 4},  {"田", 4},  {"董", 4},  {"袁", 4},
    {"潘", 4},  {"于", 4},  {"蒋", 4},  {"蔡", 4},  {"余", 4},  {"杜", 4},  {"叶", 4},  {"程", 4},  {"苏", 3},
    {"魏", 3},  {"吕", 3},  {"丁", 3},  {"任", 3},  {"沈", 3},  {"姚", 3},  {"卢", 3},  {"姜", 3},  {"崔", 3},
    {"钟", 3},  {"谭", 3},  {"陆", 3},  {"汪", 3},  {"范", 3},  {"金", 3},  {"石", 3},  {"廖", 2},  {"贾", 2},
    {"夏", 2},  {"韦", 2},  {"傅", 2},  {"方", 2},  {"白", 2},  {"邹", 2},  {"孟", 2},  {"熊", 2},  {"秦", 2},
    {"邱", 2},  {"江", 2},  {"尹", 2},  {"薛", 2},  {"闫", 2},  {"段", 2},  {"雷", 2},  {"侯", 2},  {"龙", 2},
    {"史", 2},  {"陶", 2},  {"黎", 2},  {"贺", 2},  {"顾", 2},  {"毛", 2},  {"郝", 2},  {"龚", 2},  {"邵", 2},
    {"万", 2},  {"钱", 2},  {"严", 2},  {"覃", 1},  {"武", 1},  {"戴", 1},  {"莫", 1},  {"孔", 1},  {"向", 1},
    {"汤", 1},
};
const std::span<const WeightedWord> kSurnames = kSurnameArray;

constexpr string_view kGivenNameCharArray[] = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
    "霞", "平", "刚", "辉", "玲", "桂", "英", "华", "红", "建", "国", "文", "志", "海", "林", "斌", "燕",
    "婷", "雪", "慧", "晓", "新", "春", "秋", "立", "德", "永", "宏", "光", "荣", "福", "祥", "云", "峰",
    "晨", "宇", "浩", "鑫", "欣", "怡", "佳", "琳", "颖", "雅", "子", "俊", "凯", "鹏", "飞", "梅", "兰",
    "玉", "秀", "金", "淑", "珍", "凤", "波", "松", "亮", "健", "成", "利", "清", "航", "琪", "萍", "东",
    "卫", "民", "彬", "阳", "丹", "蓉", "瑶", "思", "嘉", "博", "睿", "泽", "昊", "晴", "蕾",
};
const Words kGivenNameChars = kGivenNameCharArray;

// zsf ×4, wangfang ×2, liming ×2: what pinyin search has to tell apart.
constexpr string_view kSearchTestNameArray[] = {"张三丰", "张少峰", "周淑芬", "赵思凡", "王芳", "汪芳", "李明", "黎明"};
const Words kSearchTestNames = kSearchTestNameArray;

constexpr string_view kPhonePrefixArray[] = {"130", "131", "132", "133", "135", "136", "137", "138", "139",
                                             "150", "151", "152", "153", "155", "156", "158", "159", "177",
                                             "180", "181", "186", "187", "188", "189", "199"};
const Words kPhonePrefixes = kPhonePrefixArray;

// ---- places and organisations ------------------------------------------------------------------

constexpr string_view kEstatePrefixArray[] = {
    "阳光", "幸福", "翠竹", "金桂", "锦绣", "和平", "东湖", "西园", "书香", "枫林", "银杏", "桃源",
    "香樟", "紫荆", "玉兰", "丽景", "春晖", "滨江", "望湖", "新华", "文昌", "嘉禾", "兰亭", "鉴湖",
    "塔山", "府山", "稽山", "越秀", "秀水", "龙山", "迎恩", "北海", "南池", "清风", "明珠", "静园",
};
const Words kEstatePrefixes = kEstatePrefixArray;

constexpr string_view kEstateSuffixArray[] = {"小区", "花园", "家园", "苑", "新村", "公寓"};
const Words kEstateSuffixes = kEstateSuffixArray;

constexpr string_view kBureauArray[] = {
    "财政局",       "教育局",         "卫生健康局",     "民政局",       "人力资源和社会保障局", "住房和城乡建设局",
    "交通运输局",   "市场监督管理局", "司法局",         "自然资源和规划局", "农业农村局",       "文化广电旅游局",
    "统计局",       "审计局",         "应急管理局",     "医疗保障局",   "水利局",               "商务局",
    "科学技术局",   "发展和改革局",   "经济和信息化局", "综合行政执法局", "退役军人事务局",   "档案馆",
    "机关事务管理局", "信访局",       "人民法院",       "人民检察院",   "总工会",               "妇联",
    "科协",         "残联",           "融媒体中心",     "疾病预防控制中心", "图书馆",           "文化馆",
    "税务局",       "住房公积金中心",
};
const Words kBureaus = kBureauArray;

constexpr string_view kInstitutionArray[] = {
    "市第一人民医院", "市第二人民医院", "市中医院",       "区人民医院",     "市妇幼保健院",   "市第一中学",
    "区实验小学",     "区第二中学",     "市职业技术学院", "市供电公司",     "市自来水公司",   "市燃气集团",
    "市公交集团",     "市城投集团",     "区农商银行",     "市邮政分公司",   "市移动分公司",   "市电信分公司",
    "区公安分局",     "市消防救援支队", "区人民武装部",   "区烟草专卖局",   "市气象局",       "市广播电视台",
    "市日报社",       "区机关幼儿园",   "市体育中心",     "城南街道办事处", "市文化旅游集团", "市水务集团",
};
const Words kInstitutions = kInstitutionArray;

constexpr string_view kLevelPrefixArray[] = {"区", "市"};
const Words kLevelPrefixes = kLevelPrefixArray;

constexpr string_view kBranchSuffixArray[] = {"机关党支部", "党总支",     "党委",       "第一党支部",
                                              "第二党支部", "第三党支部", "第四党支部", "离退休干部党支部",
                                              "青年党支部", "联合党支部"};
const Words kBranchSuffixes = kBranchSuffixArray;

// ---- posts ---------------------------------------------------------------------------------------

constexpr PostTemplate kPolicyPosts[] = {{"政策宣讲员", true}, {"反诈宣传员", false}, {"垃圾分类宣传员", false}};
constexpr string_view kPolicyDuties[] = {"每月到社区开展一次政策宣讲", "向居民发放惠民政策宣传资料",
                                         "入户讲解医保社保新政策", "在楼道宣传栏张贴政策解读",
                                         "收集居民对政策的意见建议"};
constexpr PostTemplate kPatrolPosts[] = {{"义务巡防员", false}, {"平安守护岗", false}, {"夜间巡逻岗", false}};
constexpr string_view kPatrolDuties[] = {"每周参加一次义务巡逻", "排查楼道消防安全隐患", "劝阻电动车进楼入户充电",
                                         "重要节日期间参加平安值守", "发现可疑情况及时报告网格员"};
constexpr PostTemplate kCleaningPosts[] = {{"环境卫生监督岗", false}, {"河道保洁员", false}, {"清洁家园志愿者", false}};
constexpr string_view kCleaningDuties[] = {"每月参加一次小区环境大扫除", "清理楼道小广告和堆放杂物",
                                           "指导居民垃圾分类投放", "监督绿化带和公共区域卫生", "参与河道巡查和保洁"};
constexpr PostTemplate kNeedyPosts[] = {{"结对帮扶员", false}, {"关爱独居老人岗", false}, {"困难家庭帮扶岗", false}};
constexpr string_view kNeedyDuties[] = {"结对联系一户困难家庭", "每月上门走访独居老人", "帮助困难群众申请救助政策",
                                        "为留守儿童提供学习陪伴", "节日期间开展送温暖活动"};
constexpr PostTemplate kConveniencePosts[] = {{"便民代办员", false}, {"便民维修岗", false}, {"爱心理发岗", false}};
constexpr string_view kConvenienceDuties[] = {"为行动不便的居民代办证件", "帮助老人使用智能手机",
                                              "协助修理小家电", "为居民代购生活用品", "参加每月一次的社区便民服务日"};
constexpr PostTemplate kSupervisionPosts[] = {{"居务监督员", true}, {"物业服务监督员", false}, {"民情观察员", false}};
constexpr string_view kSupervisionDuties[] = {"列席居务会议并监督居务公开", "监督物业服务质量",
                                              "收集居民对社区工作的意见", "参与社区财务公开审查",
                                              "监督惠民资金发放"};
constexpr PostTemplate kMediationPosts[] = {{"邻里调解员", false}, {"矛盾纠纷调解岗", false}, {"和事佬调解员", false}};
constexpr string_view kMediationDuties[] = {"参与调解邻里纠纷", "协助化解物业矛盾", "及时上报矛盾隐患",
                                            "参加调解员业务培训", "做好调解记录和回访"};
constexpr PostTemplate kLegalPosts[] = {{"法律咨询员", false}, {"普法宣传员", false}};
constexpr string_view kLegalDuties[] = {"每月在社区坐班提供一次法律咨询", "为居民解答婚姻家庭法律问题",
                                        "开展普法讲座", "协助居民起草法律文书", "引导居民依法理性维权"};
constexpr PostTemplate kStairwellPosts[] = {{"楼道长", true}, {"单元楼栋长", true}, {"楼道微网格员", false}};
constexpr string_view kStairwellDuties[] = {"负责本楼道居民的联络", "每季度召开一次楼道议事会", "及时传达社区通知",
                                            "维护楼道环境整洁", "掌握楼道内困难居民情况"};
constexpr PostTemplate kCivilityPosts[] = {{"文明劝导员", false}, {"交通文明引导员", false}, {"文明养犬劝导员", false}};
constexpr string_view kCivilityDuties[] = {"劝导不文明养犬行为", "在路口开展文明交通引导", "劝阻高空抛物和乱堆乱放",
                                           "宣传文明餐桌和光盘行动", "参与文明城市创建督查"};
constexpr PostTemplate kOverseasPosts[] = {{"侨情联络员", false}};
constexpr string_view kOverseasDuties[] = {"定期走访联系归侨侨眷", "收集侨胞意见建议", "协助办理涉侨事务",
                                           "宣传涉侨法律政策"};
constexpr PostTemplate kEconomyPosts[] = {{"创业指导员", false}, {"农产品销售帮扶员", false}, {"招商信息员", false}};
constexpr string_view kEconomyDuties[] = {"为辖区小微企业提供政策咨询", "帮助居民对接就业岗位", "开展创业技能培训",
                                          "帮助农户销售农产品", "收集企业发展诉求"};

constexpr PostCategory kPostCategoryArray[] = {
    {"政策宣传", kPolicyPosts, kPolicyDuties},          {"治安维稳", kPatrolPosts, kPatrolDuties},
    {"环境保洁", kCleaningPosts, kCleaningDuties},      {"扶贫帮困", kNeedyPosts, kNeedyDuties},
    {"便民服务", kConveniencePosts, kConvenienceDuties}, {"民主监督", kSupervisionPosts, kSupervisionDuties},
    {"纠纷调解", kMediationPosts, kMediationDuties},    {"法律咨询", kLegalPosts, kLegalDuties},
    {"楼道服务", kStairwellPosts, kStairwellDuties},    {"文明劝导", kCivilityPosts, kCivilityDuties},
    {"侨情联络", kOverseasPosts, kOverseasDuties},      {"经济发展", kEconomyPosts, kEconomyDuties},
};
const std::span<const PostCategory> kPostCategories = kPostCategoryArray;

constexpr string_view kPledgeItemArray[] = {
    "每月至少参加一次社区志愿服务", "结对帮扶一户困难家庭",       "每季度参加一次楼道议事会",
    "带头做好垃圾分类",             "每月走访一次独居老人",       "积极参加义务巡逻",
    "带头文明养犬、文明停车",       "为居民提供一次免费法律咨询", "主动调解邻里矛盾",
    "带动家人参加社区活动",         "每年为居民办一件实事",       "参与社区环境整治",
    "辅导社区困难家庭子女学习",     "带头遵守小区管理公约",       "及时反映居民诉求",
    "参加主题党日活动不缺席",       "协助社区做好防汛防台工作",   "开展反诈宣传不少于三次",
};
const Words kPledgeItems = kPledgeItemArray;

// ---- activities and the points ledger ------------------------------------------------------------

constexpr string_view kPartyDayTitleArray[] = {"主题党日：重温入党誓词", "主题党日：学习党章党规",
                                               "主题党日：参观红色教育基地", "主题党日：我为群众办实事",
                                               "主题党日：党员亮身份、践承诺"};
const Words kPartyDayTitles = kPartyDayTitleArray;

constexpr string_view kActivityTitleArray[] = {
    "小区环境大扫除", "垃圾分类宣传活动", "关爱独居老人走访慰问", "义诊进社区",     "消防安全演练",
    "反诈宣传进楼道", "文明创建志愿服务", "河道清洁行动",         "敬老院慰问演出", "学雷锋志愿服务日",
    "防溺水安全宣传", "邻里节便民服务",
};
const Words kActivityTitles = kActivityTitleArray;

constexpr string_view kActivityPlaceArray[] = {
    "社区党群服务中心二楼会议室", "新时代文明实践站", "社区老年活动室", "小区中心广场",
    "社区卫生服务站门口",         "社区文化礼堂",     "小区南门",       "河道沿线步道",
};
const Words kActivityPlaces = kActivityPlaceArray;

const string_view kActivityReasonPrefix = "参加活动：";
const string_view kRedemptionReasonPrefix = "积分兑换：";

constexpr LedgerLine kMemberServiceArray[] = {
    {PointKind::individual_service, 3, "帮助独居老人买菜送菜"},
    {PointKind::individual_service, 3, "清理楼道小广告"},
    {PointKind::individual_service, 3, "参加夜间义务巡逻"},
    {PointKind::individual_service, 3, "为居民代办医保手续"},
    {PointKind::individual_service, 3, "调解邻里漏水纠纷"},
    {PointKind::individual_service, 3, "垃圾分类桶边督导"},
    {PointKind::individual_service, 3, "上门宣传反诈知识"},
    {PointKind::individual_service, 3, "陪同老人就医"},
    {PointKind::individual_service, 3, "辅导小学生作业"},
    {PointKind::individual_service, 3, "认领微心愿：修理水龙头"},
    {PointKind::individual_service, 3, "教老人使用智能手机"},
    {PointKind::individual_service, 3, "社区便民服务日值班"},
};
const std::span<const LedgerLine> kMemberServices = kMemberServiceArray;

constexpr LedgerLine kMemberBonusArray[] = {
    {PointKind::bonus, 5, "好评：帮助独居老人"},       {PointKind::bonus, 5, "好评：拾金不昧"},
    {PointKind::bonus, 5, "好评：雨夜帮忙疏通下水道"}, {PointKind::bonus, 5, "好评：连续半年结对帮扶"},
    {PointKind::bonus, 5, "表扬：防汛值守表现突出"},   {PointKind::bonus, 5, "好评：耐心调解邻里纠纷"},
};
const std::span<const LedgerLine> kMemberBonuses = kMemberBonusArray;

constexpr LedgerLine kMemberDeductionArray[] = {
    {PointKind::deduction, -2, "无故缺席主题党日"},
    {PointKind::deduction, -2, "认领岗位未按时履职"},
    {PointKind::deduction, -5, "差评：服务态度生硬"},
    {PointKind::deduction, -5, "承诺事项未兑现"},
};
const std::span<const LedgerLine> kMemberDeductions = kMemberDeductionArray;

constexpr LedgerLine kUnitLineArray[] = {
    {PointKind::individual_service, 3, "共建：结对帮扶困难家庭"}, {PointKind::individual_service, 3, "共建：捐赠图书"},
    {PointKind::individual_service, 3, "共建：组织专家义诊"},     {PointKind::bonus, 5, "单位接单：完成微心愿"},
    {PointKind::bonus, 5, "好评：组织志愿者支援防汛"},            {PointKind::deduction, -2, "共建项目未按期落实"},
};
const std::span<const LedgerLine> kUnitLines = kUnitLineArray;

// ---- wishes --------------------------------------------------------------------------------------

constexpr WishTemplate kWishArray[] = {
    {"生活帮扶", "厨房水龙头一直滴水，想请人帮忙修理一下"},
    {"生活帮扶", "腿脚不便，希望有人每周帮忙买一次菜送上楼"},
    {"生活帮扶", "家里灯泡坏了够不着，想请人帮忙更换"},
    {"生活帮扶", "想找人帮忙把旧衣柜搬到楼下"},
    {"生活帮扶", "天冷了，希望有人帮忙安装挡风门帘"},
    {"就医陪护", "想请人陪老人去医院复查"},
    {"就医陪护", "子女在外地，希望有人陪我去医院做白内障检查"},
    {"就医陪护", "不会在手机上预约挂号，需要有人帮忙"},
    {"就医陪护", "老伴住院，希望有人帮忙代取药品"},
    {"助学辅导", "孩子上初二，数学跟不上，想找人辅导作业"},
    {"助学辅导", "想给孙子找一位英语辅导志愿者"},
    {"助学辅导", "孩子暑假在家，希望有人教他练书法"},
    {"助学辅导", "希望有人辅导孩子准备中考物理"},
    {"家电维修", "洗衣机不脱水，想请人帮忙看看"},
    {"家电维修", "电视机没有信号，不会调"},
    {"家电维修", "空调遥控器失灵，想请人检查一下"},
    {"家电维修", "燃气灶打不着火，想请人帮忙检修"},
    {"家电维修", "电饭煲不加热了，想请人看看还能不能修"},
    {"法律咨询", "想咨询房屋继承过户的手续"},
    {"法律咨询", "和物业有纠纷，想咨询怎么维权"},
    {"法律咨询", "工资被拖欠，想了解怎么申请劳动仲裁"},
    {"法律咨询", "想立一份遗嘱，不知道怎么写才有效"},
    {"其他", "想学习用智能手机和孩子视频通话"},
    {"其他", "过年想请人帮忙写一副春联"},
    {"其他", "楼下下水道堵了，希望有人帮忙联系疏通"},
    {"其他", "想请志愿者帮忙打印社保材料"},
};
const std::span<const WishTemplate> kWishes = kWishArray;

constexpr string_view kRejectReasonArray[] = {
    "含有个人电话和住址，请去掉后重新提交",
    "内容为商业广告，与微心愿无关",
    "属于物业维修范围，已转物业服务中心处理",
    "诉求不够具体，请补充需要帮助的内容",
};
const Words kRejectReasons = kRejectReasonArray;

// ---- notices ---------------------------------------------------------------------------------------

constexpr string_view kNoticeRegistration[] = {
    "各位在职党员：",
    "根据上级组织部门要求，请尚未到居住地社区报到的在职党员，持本人身份证到社区党群服务中心登记，"
    "或在本终端查询本人报到情况。",
    "报到后请结合自身特长认领服务岗位，填写择岗承诺书，承诺内容经党组织审核后在本终端公示。",
};
constexpr string_view kNoticeWaterCut[] = {
    "因小区供水管道检修，本周六上午8:00至下午16:00将暂停供水，请各位居民提前做好储水准备。",
    "如遇特殊困难，请联系社区或所在网格的党员楼道长，我们将安排志愿者送水上门。",
    "给您带来的不便，敬请谅解。",
};
constexpr string_view kNoticeSorting[] = {
    "为进一步提高垃圾分类准确率，社区将开展为期一个月的垃圾分类宣传活动。",
    "活动期间，每天早晚投放高峰时段，在职党员志愿者将在各投放点桶边督导，帮助居民正确分类。",
    "欢迎居民朋友报名参加志愿服务，参加者可按规定获得服务积分。",
};
constexpr string_view kNoticeClinic[] = {
    "本周五上午9:00，市第一人民医院党总支的党员医生将来到社区开展义诊。",
    "服务内容：测量血压血糖、慢性病用药咨询、中医推拿体验。请需要的居民携带既往病历和医保卡。",
    "行动不便的老人可提前联系社区，由党员志愿者上门服务。",
};
constexpr string_view kNoticeFireCheck[] = {
    "近期天气干燥，为消除火灾隐患，社区将联合物业开展楼道消防安全检查。",
    "请居民及时清理楼道内堆放的杂物，不要在楼道和室内为电动自行车充电。",
    "检查中发现的问题将反馈到楼栋，由楼道长督促整改。",
};
constexpr string_view kNoticeRewardHours[] = {
    "积分超市兑换时间调整为每周三、周六上午9:00-11:30。",
    "党员可凭积分兑换生活用品，兑换后积分余额相应减少，不影响积分排名。",
    "部分商品库存有限，兑完即止，请以本终端显示的库存为准。",
};
constexpr string_view kNoticeFraud[] = {
    "近期冒充客服、冒充公检法的电信网络诈骗案件多发，请居民提高警惕。",
    "凡是要求转账到“安全账户”的，都是诈骗；接到可疑电话请立即挂断，并拨打110咨询。",
    "社区反诈宣传员将陆续上门宣传，欢迎大家下载国家反诈中心APP。",
};
constexpr string_view kNoticeSeniorCollege[] = {
    "社区老年大学本学期开设书法、太极拳、智能手机使用和合唱四个班。",
    "报名时间：即日起至本月底，每班限30人，额满为止。报名请到社区党群服务中心一楼。",
};
constexpr string_view kNoticeEvaluation[] = {
    "根据年度评议办法，年度得分由服务积分（占50%）和民主评议（占50%）组成，等级分为优秀、良好、一般、较差。",
    "评议结果已在本终端“评议”栏目公示，公示期为七天。",
    "对公示结果有异议的，请在公示期内向社区党委书面反映。",
};
constexpr string_view kNoticeWishes[] = {
    "上月居民提交的微心愿经社区审核后已公开认领，大部分已由党员和结对单位完成。",
    "各项心愿的认领和完成情况可在本终端“微心愿”栏目查看。居民可凭提交时获得的查询码查看本人心愿的进度。",
};
constexpr string_view kNoticeCharging[] = {
    "小区电动自行车集中充电桩已安装完成，即日起投入使用。",
    "充电桩位于小区北门车棚，支持扫码和刷卡付费。为了大家的安全，请不要将电动自行车推进楼道和家中充电。",
};
constexpr string_view kNoticeDrowning[] = {
    "暑假将至，请家长加强对孩子的看护，不要让孩子私自下河游泳。",
    "社区党员志愿者将在河道沿线开展防溺水巡查，发现险情请立即拨打110或119。",
};
constexpr string_view kNoticeLegal[] = {
    "社区法律咨询服务时间为每月第一、第三个周六上午，由报到社区的律师党员轮流坐班。",
    "咨询范围包括婚姻家庭、房屋继承、劳动争议、邻里纠纷等。也可通过微心愿提交法律咨询需求。",
};
constexpr string_view kNoticeSuggestions[] = {
    "为了让小区环境更整洁，社区现向全体居民征集环境整治意见建议。",
    "您可以把意见写在党群服务中心门口的意见箱里，也可以告诉所在楼道的楼道长。",
    "收集到的意见将在居民议事会上讨论，结果在本终端公示。",
};
constexpr string_view kNoticeFlood[] = {
    "据气象部门预报，近期将有强降雨天气，请居民关好门窗，收好阳台上的花盆杂物。",
    "地下车库的车辆请尽量移至地面，低洼处住户请注意防范积水。",
    "社区防汛值班电话24小时开通，党员志愿者已编入防汛抢险队伍。",
};

constexpr NoticeTemplate kNoticeArray[] = {
    {"关于在职党员到社区报到的通知", kNoticeRegistration},
    {"停水通知", kNoticeWaterCut},
    {"垃圾分类宣传月活动安排", kNoticeSorting},
    {"党员医生进社区义诊通知", kNoticeClinic},
    {"关于开展楼道消防安全检查的通知", kNoticeFireCheck},
    {"积分超市兑换时间调整公告", kNoticeRewardHours},
    {"防范电信网络诈骗提示", kNoticeFraud},
    {"社区老年大学招生公告", kNoticeSeniorCollege},
    {"年度在职党员评议结果公示", kNoticeEvaluation},
    {"微心愿认领情况公示", kNoticeWishes},
    {"电动自行车集中充电桩投入使用的通知", kNoticeCharging},
    {"夏季防溺水安全提示", kNoticeDrowning},
    {"社区法律咨询服务时间公告", kNoticeLegal},
    {"征集社区环境整治意见建议", kNoticeSuggestions},
    {"防汛防台工作提示", kNoticeFlood},
};
const std::span<const NoticeTemplate> kNotices = kNoticeArray;

// ---- the points supermarket and staff --------------------------------------------------------------

constexpr RewardTemplate kRewardArray[] = {
    {"洗衣液", 30, 20},       {"大米5kg", 60, 15},   {"食用油5L", 80, 10},       {"抽纸一提", 20, 30},
    {"牙膏牙刷套装", 25, 25}, {"毛巾两条", 15, 40},   {"保温杯", 50, 0},         {"折叠雨伞", 35, 18},
    {"鸡蛋一盒", 18, 30},     {"上门家政服务一次", 100, 5},
};
const std::span<const RewardTemplate> kRewards = kRewardArray;

constexpr string_view kStaffNameArray[] = {"刘晓红", "陈静", "周建国"};
const Words kStaffNames = kStaffNameArray;

}  // namespace gongshi::demo_words
