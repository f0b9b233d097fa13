// Every screen the random walk reaches, in both orientations and both text sizes: no two targets
// share pixels and none reaches past the panel (a tap meant for one could land on the other).
#include <set>

#include "kiosk_fixture.hpp"
#include "random_walk.hpp"

namespace gongshi::kiosk::test {
namespace {

struct Panel {
    ImVec2 size;
    TextSize text_size;
};

class LayoutTest : public KioskTest, public ::testing::WithParamInterface<Panel> {};

TEST_P(LayoutTest, NoScreenPutsOneTargetOverAnother) {
    KioskConfig config;
    config.text_size = GetParam().text_size;
    start_with_demo(config, GetParam().size);
    ASSERT_TRUE(app->outbox) << app->outbox_error;
    ASSERT_TRUE(app->outbox->set_kiosk_code("E2E"));
    app->queue.push(SyncStatus{});
    WalkReport walk;
    std::set<std::string> problems;
    for (int i = 0; i < 600; ++i) {
        random_walk(*ui, 1, 7000u + static_cast<std::uint32_t>(i), walk);
        ui->frame(std::nullopt);
        if (const std::string found = overlapping_targets(app->taps, GetParam().size); !found.empty())
            problems.insert("screen " + std::to_string(static_cast<int>(screen())) + ": " + found);
    }
    EXPECT_GE(walk.labels_tapped.size(), 60u) << "the walk stayed on too few screens";
    std::string all;
    for (const std::string& p : problems) all += p + "\n";
    EXPECT_EQ(all, "");
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
