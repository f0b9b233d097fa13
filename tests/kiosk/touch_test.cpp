// Drag-to-scroll, taps with jitter, flings and the lifted-finger hover, on a list of big
// buttons drawn in headless frames.
#include <imgui_internal.h>

#include "keyboard.hpp"
#include "kiosk_fixture.hpp"
#include "widgets.hpp"

namespace gongshi::kiosk::test {
namespace {

constexpr int kRows = 40;
constexpr float kFrame = 1.0f / 60.0f;

// A full-screen touch list of kRows buttons, and what fired.
class ListHarness {
public:
    ListHarness()
        : context_(make_imgui_context()),
          fonts_(test_fonts()),
          theme_(make_theme(ThemeMode::standard, TextSize::normal, ImVec2(1080, 1920))),
          images_(dir_.path.string(), TextureCache(1 << 20, fake_uploader(live_)), queue_) {
        apply_style(theme_, ImGui::GetStyle());
        fonts_.build(*ImGui::GetIO().Fonts, GlyphSet(), FontSizes{theme_.body_px, theme_.title_px});
        frame(std::nullopt);
    }

    void frame(const std::optional<PointerInput>& pointer) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1080, 1920);
        io.DeltaTime = kFrame;
        apply_pointer(io, pointer);
        filter_.apply(io);
        taps_.clear();
        Ui ui{theme_, fonts_.body(), fonts_.title(), taps_, scrolls_, images_, true};
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##root", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
        begin_touch_scroll(scrolls_, "##list", ImVec2(0, 0));
        scroll_y_ = ImGui::GetScrollY();
        if (keyboard_) {
            Typing typing{engine_, glyphs_, &handwriting_};
            draw_keyboard(*keyboard_, typing, ui, ImGui::GetContentRegionAvail().x);
        }
        for (int i = 0; i < kRows; ++i) {
            const std::string label = "row " + std::to_string(i);
            if (touch_button(ui, label.c_str(), ImVec2(ImGui::GetContentRegionAvail().x, theme_.em(2.5f)), ButtonKind::nav))
                fired_.push_back(i);
        }
        end_touch_scroll(scrolls_);
        ImGui::End();
        hovered_ = ImGui::IsAnyItemHovered();
        ImGui::Render();
    }

    ImVec2 center_of(int row) const { return taps_.find("row " + std::to_string(row))->center(); }
    // A keyboard showing its handwriting pad at the top of the list, above the rows.
    void show_handwriting_pad() {
        keyboard_.emplace();
        keyboard_->handwriting = true;
        frame(std::nullopt);
    }
    const KeyboardState& keyboard() const { return *keyboard_; }
    ImVec2 pad_center() const { return taps_.find(kPadTapLabel)->center(); }
    float scroll() const { return scroll_y_; }
    bool moving() const { return scrolls_.any_flinging(); }

    std::vector<int> fired_;
    bool hovered_ = false;

private:
    ScratchDir dir_;
    ImGuiContextPtr context_;
    FontSet fonts_;
    Theme theme_;
    int live_ = 0;
    UiQueue queue_;
    ImageStore images_;
    TapRegistry taps_;
    TouchScrolls scrolls_;
    PointerFilter filter_;
    GlyphSet glyphs_;
    ime::PinyinEngine engine_{dir_.path / "rime"};  // never deployed: the pad needs no pinyin
    Handwriting handwriting_{[](ime::RecognitionResult) {}};
    std::optional<KeyboardState> keyboard_;
    float scroll_y_ = 0;
};

// A finger moving from `from` to `to` over `frames` frames, optionally releasing at the end.
void move(ListHarness& h, ImVec2 from, ImVec2 to, int frames) {
    for (int i = 1; i <= frames; ++i) {
        const float f = static_cast<float>(i) / static_cast<float>(frames);
        h.frame(PointerInput{ImVec2(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f), true});
    }
}

TEST(KioskTouch, TapFiresTheButtonUnderTheFinger) {
    ListHarness h;
    const ImVec2 p = h.center_of(3);
    h.frame(PointerInput{p, true});
    EXPECT_TRUE(h.fired_.empty());  // press-on-release
    h.frame(PointerInput{p, false});
    EXPECT_EQ(h.fired_, std::vector<int>{3});
}

TEST(KioskTouch, TapSurvivesEightPixelsOfJitter) {
    ListHarness h;
    const ImVec2 p = h.center_of(2);
    h.frame(PointerInput{p, true});
    move(h, p, p + ImVec2(6, 5), 3);  // 7.8 px
    h.frame(PointerInput{p + ImVec2(6, 5), false});
    EXPECT_EQ(h.fired_, std::vector<int>{2});
    EXPECT_EQ(h.scroll(), 0.0f);
}

TEST(KioskTouch, DragStartingOnAButtonScrollsAndFiresNothing) {
    ListHarness h;
    const ImVec2 start = h.center_of(10);
    h.frame(PointerInput{start, true});
    move(h, start, start - ImVec2(0, 300), 30);
    for (int i = 0; i < 20; ++i) h.frame(PointerInput{start - ImVec2(0, 300), true});  // hold still: no fling
    EXPECT_NEAR(h.scroll(), 300.0f, 1.0f);
    h.frame(PointerInput{start - ImVec2(0, 300), false});
    h.frame(std::nullopt);
    EXPECT_TRUE(h.fired_.empty());
    EXPECT_FALSE(h.moving());
}

TEST(KioskTouch, StrokeOnAHandwritingPadInAListNeitherScrollsNorTaps) {
    ListHarness h;
    h.show_handwriting_pad();
    const ImVec2 start = h.pad_center();
    h.frame(PointerInput{start, true});
    move(h, start, start + ImVec2(0, 400), 30);  // down the pad and on over the rows below it
    move(h, start + ImVec2(0, 400), start + ImVec2(0, 100), 20);
    h.frame(PointerInput{start + ImVec2(0, 100), false});
    h.frame(std::nullopt);
    EXPECT_EQ(h.scroll(), 0.0f);
    EXPECT_FALSE(h.moving());
    EXPECT_TRUE(h.fired_.empty());
    ASSERT_EQ(h.keyboard().strokes.size(), 1u);
    EXPECT_GE(h.keyboard().strokes[0].size(), 20u);
}

TEST(KioskTouch, FlingKeepsScrollingThenStops) {
    ListHarness h;
    const ImVec2 start = h.center_of(12);
    h.frame(PointerInput{start, true});
    move(h, start, start - ImVec2(0, 400), 8);  // 400 px in 133 ms
    h.frame(PointerInput{start - ImVec2(0, 400), false});
    const float at_release = h.scroll();
    int frames = 0;
    while (h.moving() && frames < 600) {
        h.frame(std::nullopt);
        ++frames;
    }
    EXPECT_GT(h.scroll(), at_release + 200.0f);
    EXPECT_LT(frames, 300);  // comes to rest within five seconds
    EXPECT_TRUE(h.fired_.empty());
}

TEST(KioskTouch, TouchingAMovingListStopsItWithoutTapping) {
    ListHarness h;
    const ImVec2 start = h.center_of(12);
    h.frame(PointerInput{start, true});
    move(h, start, start - ImVec2(0, 400), 8);
    h.frame(PointerInput{start - ImVec2(0, 400), false});
    h.frame(std::nullopt);
    ASSERT_TRUE(h.moving());
    const ImVec2 p = h.center_of(20);
    h.frame(PointerInput{p, true});
    const float stopped_at = h.scroll();
    h.frame(PointerInput{p, false});
    h.frame(std::nullopt);
    h.frame(std::nullopt);
    EXPECT_TRUE(h.fired_.empty());
    EXPECT_NEAR(h.scroll(), stopped_at, 40.0f);
}

TEST(KioskTouch, NothingStaysHoveredAfterTheFingerLifts) {
    ListHarness h;
    const ImVec2 p = h.center_of(1);
    h.frame(PointerInput{p, true});
    // A real backend keeps reporting the last position after release; the filter hides it.
    h.frame(PointerInput{p, false});
    h.frame(PointerInput{p, false});
    h.frame(PointerInput{p, false});
    EXPECT_FALSE(h.hovered_);
    EXPECT_FALSE(ImGui::IsMousePosValid());
}

}  // namespace
}  // namespace gongshi::kiosk::test
