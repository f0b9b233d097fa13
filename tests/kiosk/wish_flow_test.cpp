// 微心愿, headless against the community preset: the public board (only public statuses, tabs,
// filters, QR codes) and the five-step posting flow typed key by key on the on-screen keyboard,
// ending in exactly one outbox row with the right body. Also: idle wipes a half-filled form, a
// paste is capped, bidi/control characters never reach the outbox, no kiosk code queues nothing.
#include <nlohmann/json.hpp>

#include <chrono>
#include <map>
#include <set>
#include <thread>

#include "../support/demo_records.hpp"
#include "gongshi/text.hpp"
#include "gongshi/tracking_code.hpp"
#include "kiosk_fixture.hpp"

namespace gongshi::kiosk::test {
namespace {

using gongshi::test::all_of;

constexpr const char* kKioskCode = "AB";

class WishFlowTest : public KioskTest {
protected:
    const WishForm& form() const { return app->wish_screens.ui.form; }
    const WishBoardModel& board() const { return app->wish_screens.models.board; }
    std::vector<OutboxItem> queued() const { return app->outbox->list(OutboxState::pending); }

    void start_with_code(ImVec2 size = ImVec2(1920, 1080)) {
        start_with_demo({}, size);
        ASSERT_TRUE(app->outbox.has_value()) << app->outbox_error;
        store_kiosk_code(kKioskCode);
    }
    // Types `letters` key by key, then taps candidates (each the longest one that starts what is
    // still missing) until `word` has been committed after what the field held before.
    void type_word(const KeyboardState& kb, const std::string& letters, const std::string& word) {
        const std::string before = kb.field.text;
        run_ok("keys " + letters + "\n");
        for (int guard = 0; guard < 10 && kb.ime.composing(); ++guard) {
            // The composition holds the characters picked so far, then the letters still to convert.
            const std::string& preedit = kb.ime.preedit;
            const std::string picked = preedit.substr(0, preedit.find_first_of("abcdefghijklmnopqrstuvwxyz '"));
            ASSERT_EQ(word.compare(0, picked.size(), picked), 0) << preedit;
            const std::string missing = word.substr(picked.size());
            int best = 0;
            std::size_t best_len = 0;
            const auto candidates = app->taps.visible(TapKind::candidate);
            for (std::size_t i = 0; i < candidates.size(); ++i) {
                const std::string& c = candidates[i]->label;
                if (c.size() > best_len && missing.compare(0, c.size(), c) == 0) {
                    best = static_cast<int>(i) + 1;
                    best_len = c.size();
                }
            }
            std::string shown;
            for (const Tappable* c : candidates) shown += c->label + " ";
            ASSERT_GT(best, 0) << "no candidate starts " << missing << "; shown: " << shown << "; preedit " << kb.ime.preedit
                               << "; field " << kb.field.text;
            run_ok("candidate " + std::to_string(best) + "\n");
        }
        EXPECT_EQ(kb.field.text, before + word);
    }
    void open_flow() {
        tap_ok(text(Str::tile_wishes));
        ASSERT_EQ(screen(), ScreenKind::wishes);
        tap_ok(text(Str::wish_new));
        ASSERT_EQ(screen(), ScreenKind::wish_post);
    }
    // Steps 1..4 with the text put in the field as a paste would (TextField::insert).
    void fill_with_pasted_text(std::string_view pasted) {
        open_flow();
        tap_ok("生活帮扶");
        tap_ok(text(Str::wish_next));
        app->wish_screens.ui.form.text.field.insert(pasted);
        ui->frame(std::nullopt);
        tap_ok(text(Str::wish_next));
        tap_ok(app->wish_screens.models.flow.places.front().label);
        tap_ok(text(Str::wish_next));
        tap_ok(text(Str::wish_phone_skip));
        ASSERT_EQ(form().step, WishStep::confirm);
    }
    nlohmann::json only_body() const {
        const auto rows = queued();
        EXPECT_EQ(rows.size(), 1u);
        return rows.empty() ? nlohmann::json() : nlohmann::json::parse(rows.front().request.body);
    }
};

TEST_F(WishFlowTest, BoardShowsOnlyPublicWishesByTab) {
    start_with_demo();
    tap_ok(text(Str::tile_wishes));
    int pending_or_rejected = 0;
    std::map<WishStatus, int> by_status;
    for (const Wish& w : all_of<Wish>(demo)) {
        ++by_status[w.status];
        if (w.status == WishStatus::pending_review || w.status == WishStatus::rejected) ++pending_or_rejected;
    }
    ASSERT_GT(pending_or_rejected, 0) << "the preset should hold wishes that must stay hidden";
    const std::pair<Str, WishStatus> tabs[] = {{Str::wish_tab_open, WishStatus::open},
                                               {Str::wish_claimed, WishStatus::claimed},
                                               {Str::wish_fulfilled, WishStatus::fulfilled}};
    for (const auto& [label, status] : tabs) {
        tap_ok(text(label));
        ui->frame(std::nullopt);
        EXPECT_EQ(board().total, by_status[status]) << text(label);
        for (const WishCard& c : board().cards) {
            EXPECT_EQ(c.view.wish.status, status);
            EXPECT_EQ(c.qr.empty(), status != WishStatus::open);  // only an open wish can be claimed
            if (status != WishStatus::open) {
                EXPECT_FALSE(c.view.claimed_by_name.empty());
            }
            if (status == WishStatus::fulfilled) {
                EXPECT_FALSE(c.fulfilled.empty());
            }
        }
    }
    tap_ok(text(Str::wish_tab_open));
    ui->frame(std::nullopt);
    ASSERT_FALSE(board().cards.empty());
    const WishCard& first = board().cards.front();
    EXPECT_EQ(first.claim_url, "https://gongshi.example.cn/wishes/" + first.view.wish.id + "/claim");
    // The name shown is the masked one from the record: the record has no other.
    for (const WishCard& c : board().cards) {
        if (!c.view.wish.display_name_masked.empty()) {
            EXPECT_NE(c.view.wish.display_name_masked.find('*'), std::string::npos);
        }
    }
}

TEST_F(WishFlowTest, FiltersNarrowTheBoardByCategoryAndEstate) {
    start_with_demo();
    tap_ok(text(Str::tile_wishes));
    const int all_open = board().total;
    tap_ok(text(Str::wish_filter_category));
    tap_ok("家电维修");
    ui->frame(std::nullopt);
    int expected = 0;
    for (const Wish& w : all_of<Wish>(demo)) expected += w.status == WishStatus::open && w.category == "家电维修";
    EXPECT_EQ(board().total, expected);
    EXPECT_LT(board().total, all_open);
    for (const WishCard& c : board().cards) EXPECT_EQ(c.view.wish.category, "家电维修");
    tap_ok(text(Str::wish_filter_category));
    tap_ok(text(Str::filter_all));
    tap_ok(text(Str::wish_filter_estate));
    const Grid estate = all_of<Grid>(demo).front();
    ASSERT_FALSE(estate.parent_id.has_value());
    tap_ok(estate.name);
    ui->frame(std::nullopt);
    std::set<std::string> in_estate{estate.id};
    for (const Grid& g : all_of<Grid>(demo))
        if (g.parent_id == estate.id) in_estate.insert(g.id);
    expected = 0;
    for (const Wish& w : all_of<Wish>(demo)) expected += w.status == WishStatus::open && in_estate.count(w.grid_id);
    EXPECT_EQ(board().total, expected);
    for (const WishCard& c : board().cards) EXPECT_TRUE(in_estate.count(c.view.wish.grid_id)) << c.view.wish.grid_id;
}

TEST_F(WishFlowTest, PostsAWishTypedOnTheKeyboardIntoExactlyOneOutboxRow) {
    start_with_code();
    open_flow();
    // 下一步 does nothing until a category is chosen.
    tap_ok(text(Str::wish_next));
    EXPECT_EQ(form().step, WishStep::category);
    tap_ok("家电维修");
    tap_ok(text(Str::wish_next));
    ASSERT_EQ(form().step, WishStep::text);
    wait_for_input_method();
    const KeyboardState& kb = form().text;
    // A few phrases first, each checked and cleared.
    type_word(kb, "loudaodeng", "楼道灯");
    run_ok("tap clear\n");
    type_word(kb, "huaile", "坏了");
    run_ok("tap clear\n");
    type_word(kb, "bangmang", "帮忙");
    run_ok("tap clear\n");
    ASSERT_TRUE(kb.field.text.empty());
    type_word(kb, "xiulishuilongtou", "修理水龙头");
    EXPECT_EQ(kb.field.chars(), 5u);
    tap_ok(text(Str::wish_next));
    ASSERT_EQ(form().step, WishStep::place);

    const Choice place = app->wish_screens.models.flow.places.at(1);  // a building under the first estate
    tap_ok(text(Str::wish_next));
    EXPECT_EQ(form().step, WishStep::place);  // no estate yet
    tap_ok(place.label);
    tap_ok(text(Str::wish_name_hint));
    type_word(form().name, "wangxiaoming", "王小明");
    run_ok("tap done\n");
    tap_ok(text(Str::wish_next));
    ASSERT_EQ(form().step, WishStep::phone);

    tap_ok(text(Str::wish_phone_agree));
    run_ok("keys 1381234123\n");
    tap_ok(text(Str::wish_next));
    EXPECT_EQ(form().step, WishStep::phone);  // ten digits are not a number
    run_ok("keys 4\n");
    tap_ok(text(Str::wish_next));
    ASSERT_EQ(form().step, WishStep::confirm);
    EXPECT_TRUE(queued().empty());
    tap_ok(text(Str::wish_submit));

    ASSERT_EQ(form().step, WishStep::done) << form().error;
    const nlohmann::json body = only_body();
    EXPECT_EQ(body.at("category"), "家电维修");
    EXPECT_EQ(body.at("text"), "修理水龙头");
    EXPECT_EQ(body.at("grid_id"), place.id);
    EXPECT_EQ(body.at("display_name"), "王小明");
    EXPECT_EQ(body.at("phone"), "13812341234");
    const std::string code = body.at("tracking_code");
    EXPECT_TRUE(valid_tracking_code(code, kKioskCode)) << code;
    const Community community = all_of<Community>(demo).front();
    EXPECT_EQ(queued().front().request.path, "/api/v1/communities/" + community.id + "/wishes");
    // The resident sees the code and its status link; the form already forgot what was typed.
    ASSERT_TRUE(app->wish_screens.ui.receipt.has_value());
    EXPECT_EQ(app->wish_screens.ui.receipt->tracking_code, code);
    EXPECT_EQ(app->wish_screens.ui.receipt->status_url, "https://gongshi.example.cn/track/" + code);
    EXPECT_FALSE(app->wish_screens.ui.receipt->qr.empty());
    EXPECT_TRUE(form().text.field.text.empty());
    EXPECT_TRUE(form().phone.field.text.empty());
    ui->frame(std::nullopt);
    EXPECT_TRUE(visible(code));
    tap_ok(text(Str::wish_finish));
    EXPECT_EQ(screen(), ScreenKind::home);
    EXPECT_FALSE(app->wish_screens.ui.receipt.has_value());
    EXPECT_EQ(queued().size(), 1u);
}

TEST_F(WishFlowTest, QuickPhrasesInsertTextForTheCategory) {
    start_with_code();
    open_flow();
    tap_ok("家电维修");
    tap_ok(text(Str::wish_next));
    tap_ok("修理水龙头");
    tap_ok("楼道灯坏了");
    EXPECT_EQ(form().text.field.text, "修理水龙头楼道灯坏了");
}

TEST_F(WishFlowTest, IdleTimeoutMidFormReturnsHomeWithTheFormEmpty) {
    start_with_code();
    open_flow();
    tap_ok("就医陪护");
    tap_ok(text(Str::wish_next));
    tap_ok("陪同去医院看病");
    ASSERT_FALSE(form().text.field.text.empty());
    idle(*ui, app->config.idle.warn_after_s + 1);  // 还在使用吗？
    idle(*ui, app->config.idle.countdown_s + 1);
    EXPECT_EQ(screen(), ScreenKind::home);
    EXPECT_EQ(form().step, WishStep::category);
    EXPECT_TRUE(form().category.empty());
    EXPECT_TRUE(form().text.field.text.empty());
    EXPECT_TRUE(queued().empty());
    // Back in the flow, the next resident starts at step 1 with nothing of the last one.
    open_flow();
    EXPECT_EQ(form().step, WishStep::category);
    EXPECT_TRUE(form().text.field.text.empty());
}

TEST_F(WishFlowTest, APasteOfFiveThousandCharactersIsCappedAt200) {
    start_with_code();
    std::string paste;
    for (int i = 0; i < 5000; ++i) paste += "修";
    fill_with_pasted_text(paste);
    EXPECT_EQ(form().text.field.chars(), kWishTextMax);
    tap_ok(text(Str::wish_submit));
    ASSERT_EQ(form().step, WishStep::done) << form().error;
    EXPECT_EQ(utf8_length(only_body().at("text").get<std::string>()), kWishTextMax);
}

TEST_F(WishFlowTest, BidiAndControlCharactersNeverReachTheOutbox) {
    start_with_code();
    fill_with_pasted_text("楼道\u202e灯\x07坏了\u2066请修\u200f一下");
    tap_ok(text(Str::wish_submit));
    ASSERT_EQ(form().step, WishStep::done) << form().error;
    EXPECT_EQ(only_body().at("text"), "楼道灯坏了请修一下");
}

TEST_F(WishFlowTest, WithoutAKioskCodeTheFlowSaysSoFirstAndQueuesNothing) {
    start_with_demo();
    ASSERT_TRUE(app->outbox.has_value());
    ASSERT_FALSE(app->outbox->kiosk_code().has_value());
    open_flow();
    EXPECT_EQ(app->wish_screens.models.flow.blocked, Str::wish_no_kiosk_code);
    EXPECT_FALSE(visible("生活帮扶"));  // nothing to fill in
    EXPECT_FALSE(visible(text(Str::wish_next)));
    // Even a submission forced past the screen is refused with the same message.
    apply_action(*app, SubmitWish{});
    EXPECT_EQ(form().error, text(Str::wish_no_kiosk_code));
    EXPECT_TRUE(queued().empty());
    // The code in the outbox alone changes nothing until the engine reports its cycle (the
    // app does not query the outbox on every frame); then the flow opens.
    ASSERT_TRUE(app->outbox->set_kiosk_code(kKioskCode));
    ui->frame(std::nullopt);
    EXPECT_EQ(app->wish_screens.models.flow.blocked, Str::wish_no_kiosk_code);
    app->queue.push(SyncStatus{});
    ui->frame(std::nullopt);
    ui->frame(std::nullopt);
    EXPECT_TRUE(visible("生活帮扶"));
}

TEST_F(WishFlowTest, TheFlowFitsAPortraitPanel) {
    start_with_code(ImVec2(1080, 1920));
    open_flow();
    tap_ok("其他");
    tap_ok(text(Str::wish_next));
    for (const char* key : {"a", "space", "backspace"}) EXPECT_NE(app->taps.find(key), nullptr) << key;
    EXPECT_TRUE(visible(text(Str::wish_prev)));
    EXPECT_TRUE(visible(text(Str::wish_next)));
}

class LargeTextWishFlowTest : public WishFlowTest, public ::testing::WithParamInterface<ImVec2> {};

// Large text leaves landscape steps short of height: the phrases and the place list scroll, the
// phone echo moves beside the field, and no target ends up under 上一步 (as they once did).
TEST_P(LargeTextWishFlowTest, NoStepPutsOneTargetOverAnother) {
    KioskConfig config;
    config.text_size = TextSize::large;
    start_with_demo(config, GetParam());
    store_kiosk_code(kKioskCode);
    open_flow();
    auto check = [&](const char* step) {
        ui->frame(std::nullopt);
        EXPECT_EQ(overlapping_targets(app->taps, GetParam()), "") << step;
        EXPECT_TRUE(visible(text(Str::wish_prev)) || form().step == WishStep::category) << step;
    };
    check("category");
    tap_ok("生活帮扶");
    tap_ok(text(Str::wish_next));
    const std::string phrase = split_list(wish_phrases_for("生活帮扶")).front();
    tap_ok(phrase);  // the first phrase is on screen, scrolled or not
    check("text");
    tap_ok(text(Str::wish_next));
    check("place");
    tap_ok(app->wish_screens.models.flow.places.front().label);
    tap_ok(text(Str::wish_name_hint));
    check("name keyboard");
    run_ok("tap done\n");
    tap_ok(text(Str::wish_next));
    tap_ok(text(Str::wish_phone_agree));
    run_ok("keys 13812341234\n");
    check("phone");
    tap_ok(text(Str::wish_next));
    ASSERT_EQ(form().step, WishStep::confirm);
    check("confirm");
    EXPECT_EQ(form().text.field.text, phrase);
}

INSTANTIATE_TEST_SUITE_P(BothOrientations, LargeTextWishFlowTest,
                         ::testing::Values(ImVec2(1920, 1080), ImVec2(1080, 1920)),
                         [](const auto& p) { return p.param.x > p.param.y ? "Landscape" : "Portrait"; });

TEST(WishConfig, ReadsTheWishKeysAndCategoriesFallBackInOrder) {
    auto c = parse_config(R"(
wish_claim_url_pattern = "https://example.cn/w/{wish_id}"
wish_status_url_pattern = "https://example.cn/t/{code}"
wish_categories = ["修车", "其他"]
)", "kiosk.toml");
    ASSERT_TRUE(c.ok()) << c.error();
    EXPECT_EQ(c->wish_claim_url_pattern, "https://example.cn/w/{wish_id}");
    EXPECT_EQ(c->wish_status_url_pattern, "https://example.cn/t/{code}");
    Community community;
    EXPECT_EQ(wish_categories(community, c.value()), (std::vector<std::string>{"修车", "其他"}));
    community.wish_categories = {"助老"};
    EXPECT_EQ(wish_categories(community, c.value()), std::vector<std::string>{"助老"});
    EXPECT_EQ(wish_categories(std::nullopt, KioskConfig{}).size(), 6u);  // the built-in list
    EXPECT_FALSE(parse_config("wish_categories = \"其他\"", "kiosk.toml").ok());
}

}  // namespace
}  // namespace gongshi::kiosk::test
