// Every screen the random walk reaches, in both orientations and both text sizes: no two targets
// share pixels and none reaches past the panel (a tap meant for one could land on the other).
#include <set>

#include "random_walk.hpp"
#include "staff_fixture.hpp"

namespace gongshi::kiosk::test {
namespace {

struct Panel {
    ImVec2 size;
    TextSize text_size;
};

class LayoutTest : public StaffModeTest, public ::testing::WithParamInterface<Panel> {
protected:
    void start_panel() {
        KioskConfig config;
        config.text_size = GetParam().text_size;
        start_with_demo(config, GetParam().size);
        store_kiosk_code("E2E");
    }
    // `steps` single interactions of the walk, each followed by the check; `between` runs first.
    void walk_and_check(int steps, std::uint32_t seed, const std::function<void()>& between = {}) {
        for (int i = 0; i < steps; ++i) {
            if (between) between();
            random_walk(*ui, 1, seed + static_cast<std::uint32_t>(i), walk);
            ui->frame(std::nullopt);
            if (const std::string found = overlapping_targets(app->taps, GetParam().size); !found.empty())
                problems.insert("screen " + std::to_string(static_cast<int>(screen())) + ": " + found);
        }
    }
    std::string all_problems() const {
        std::string all;
        for (const std::string& p : problems) all += p + "\n";
        return all;
    }
    WalkReport walk;
    std::set<std::string> problems;
};

TEST_P(LayoutTest, NoScreenPutsOneTargetOverAnother) {
    start_panel();
    walk_and_check(600, 7000u);
    EXPECT_GE(walk.labels_tapped.size(), 60u) << "the walk stayed on too few screens";
    EXPECT_EQ(all_problems(), "");
}

// The staff screens, logged in again whenever the walk logs out (at most a few times: the PIN
// check takes about a second).
TEST_P(LayoutTest, NoStaffScreenPutsOneTargetOverAnother) {
    start_panel();
    int logins = 0;
    walk_and_check(400, 9000u, [&] {
        if (app->staff || logins >= 8) return;
        apply_action(*app, GoHome{});
        ui->frame(std::nullopt);
        log_in();
        ++logins;
    });
    EXPECT_GE(walk.labels_tapped.size(), 40u) << "the walk stayed on too few screens";
    EXPECT_GT(logins, 0);
    for (const char* entry : {"公告管理", "心愿审核", "同步状态", "设备信息"})
        EXPECT_TRUE(walk.labels_tapped.count(entry)) << "the walk never opened " << entry;
    EXPECT_EQ(all_problems(), "");
}

INSTANTIATE_TEST_SUITE_P(
    Panels, LayoutTest,
    ::testing::Values(Panel{ImVec2(1920, 1080), TextSize::normal}, Panel{ImVec2(1080, 1920), TextSize::normal},
                      Panel{ImVec2(1920, 1080), TextSize::large}, Panel{ImVec2(1080, 1920), TextSize::large}),
    [](const auto& p) {
        return std::string(p.param.size.x > p.param.size.y ? "Landscape" : "Portrait") +
               (p.param.text_size == TextSize::large ? "LargeText" : "NormalText");
    });

}  // namespace
}  // namespace gongshi::kiosk::test
