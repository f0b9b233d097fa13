// 查询进度 driven through headless frames: the code typed on the on-screen keyboard, answered by
// the real reference server through the real sync engine and UI queue, by the cache when the
// server is slow or absent, by the outbox for a wish not sent yet. And the public board after
// staff review: an approved wish appears after the next sync, a rejected one never does.
#include <thread>

#include "background_sync.hpp"
#include "gongshi/staff_writes.hpp"
#include "gongshi/wish_submission.hpp"
#include "kiosk_fixture.hpp"
#include "sync/sync_test_util.hpp"

namespace gongshi::kiosk::test {
namespace {

using namespace std::chrono_literals;
using gongshi::test::ServerConfig;
using gongshi::test::ServerProcess;

std::string typed_form(std::string code) {  // as a resident types it: lower case, no dash
    std::erase(code, '-');
    for (char& c : code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return code;
}

WishDraft draft(std::string text) {
    return WishDraft{"生活帮扶", std::move(text), "g-0001", "王小明", "13812341234"};
}

class TrackingTest : public KioskTest {
protected:
    void open_tracking() {
        tap_ok(text(Str::tile_wishes));
        tap_ok(text(Str::track_open));
        ASSERT_EQ(screen(), ScreenKind::wish_tracking);
    }
    void look_up(const std::string& typed) {
        const auto script = parse_script("keys " + typed + "\n", "typing");
        ASSERT_TRUE(script) << script.error();
        const Status done = run_script(script.value(), *ui);
        ASSERT_TRUE(done) << done.error();
        tap_ok(text(Str::track_submit));
    }
    const TrackingModel& model() const { return app->wish_tracking.model; }
    // A wish of the cache with this status.
    Wish cached_wish(WishStatus status) const {
        for (const Entity& e : demo.entities)
            if (const Wish* w = std::get_if<Wish>(&e); w != nullptr && w->status == status) return *w;
        ADD_FAILURE() << "no demo wish with status " << to_string(status);
        return {};
    }
    std::string submit(const std::string& kiosk_code, const std::string& text) {
        const auto submitted = submit_wish(*app->outbox, draft(text), "c-demo", kiosk_code, Timestamp{kNowUnix, 480},
                                           [&](std::string_view c) { return app->outbox->holds_wish(c); });
        EXPECT_TRUE(submitted) << submitted.error();
        return submitted ? submitted->tracking_code : std::string();
    }
};

TEST_F(TrackingTest, OfflineTheCacheAnswersWithItsTime) {
    start_with_demo();
    const Wish wish = cached_wish(WishStatus::claimed);
    open_tracking();
    look_up(typed_form(wish.tracking_code));
    std::string shown = wish.tracking_code;
    std::erase(shown, '-');
    EXPECT_EQ(app->wish_tracking.ui.code.field.text, shown) << "typed letters show upper-cased";
    ASSERT_EQ(model().phase, TrackingPhase::shown);
    ASSERT_FALSE(model().message) << text(*model().message);
    EXPECT_EQ(model().code, wish.tracking_code);
    EXPECT_EQ(model().source, TrackingSource::cache);
    EXPECT_EQ(model().status, Str::wish_claimed);
    EXPECT_EQ(model().as_of, "更新于 09:50");
    EXPECT_EQ(model().dates.size(), 2u);  // submitted, claimed
}

TEST_F(TrackingTest, AWishStillInTheOutboxIsPendingUpload) {
    start_with_demo();
    ASSERT_TRUE(app->outbox->set_kiosk_code("AB"));
    const std::string code = submit("AB", "楼道灯坏了，请帮忙修一下");
    open_tracking();
    look_up(typed_form(code));
    ASSERT_EQ(model().phase, TrackingPhase::shown);
    EXPECT_FALSE(model().message);
    EXPECT_EQ(model().source, TrackingSource::outbox);
    EXPECT_EQ(model().status, Str::track_pending_upload);
}

TEST_F(TrackingTest, WrongAndUnknownCodesSaySo) {
    start_with_demo();
    open_tracking();
    look_up("abc");
    EXPECT_EQ(model().message, std::optional(Str::track_invalid));
    look_up("22222");  // appended to "ABC": a well-formed code nobody made
    EXPECT_EQ(model().code, "ABC-22222");
    EXPECT_EQ(model().message, std::optional(Str::track_unknown_offline));
    tap_ok(text(Str::nav_home));
    EXPECT_EQ(app->wish_tracking.ui.code.field.text, "") << "the code typed is wiped at home";
}

// ---- with the reference server ----

class TrackingOnline : public TrackingTest {
protected:
    static void SetUpTestSuite() { server_ = new ServerProcess(ServerConfig().with_faults()); }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }
    void TearDown() override { gongshi::test::clear_faults(*server_); }

    // A kiosk whose cache and outbox a real sync filled, with its engine running for inquiries.
    void start_synced(ImVec2 size = ImVec2(1920, 1080)) {
        settings.server_url = server_->base_url();
        settings.community_id = "c-demo";
        settings.token = server_->kiosk_token();
        settings.cache_path = dir.file("cache.db");
        settings.outbox_path = dir.file("outbox.db");
        settings.http = gongshi::test::test_http();
        settings.poll_interval = 60s;
        engine = std::make_unique<sync::SyncEngine>(settings);
        engine->start();
        ASSERT_TRUE(engine->wait_for_cycles(1, 60s));
        ASSERT_EQ(engine->status().last_error, "");
        KioskConfig config;
        config.cache_path = settings.cache_path;
        config.community_id = "c-demo";
        start(config, size);
        app->inquire = inquire_through(*engine, app->queue);
    }
    void sync_cycle() {
        const auto done = engine->status().cycles;
        engine->sync_now();
        ASSERT_TRUE(engine->wait_for_cycles(done + 1, 60s));
    }
    // Frames until the lookup has an answer; the answer arrives through the UI queue in real time.
    void wait_for_answer() {
        const auto deadline = std::chrono::steady_clock::now() + 20s;
        while (app->queue.empty() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(5ms);
        ui->frame(std::nullopt);
        ui->frame(std::nullopt);
    }
    std::vector<std::string> board_codes() {
        std::vector<std::string> codes;
        for (const WishTab tab : {WishTab::open, WishTab::claimed, WishTab::fulfilled}) {
            app->wish_screens.ui.board.tab = tab;
            ui->frame(std::nullopt);
            ui->frame(std::nullopt);
            for (const WishCard& card : app->wish_screens.models.board.cards) codes.push_back(card.view.wish.tracking_code);
        }
        return codes;
    }

    static inline ServerProcess* server_ = nullptr;
    sync::SyncSettings settings;
    std::unique_ptr<sync::SyncEngine> engine;  // destroyed before the app it answers into
};

TEST_F(TrackingOnline, TheServerAnswersWhenOnline) {
    start_synced();
    const auto wishes = app->data.cache()->wishes(WishFilter{});
    ASSERT_FALSE(wishes.empty());
    const Wish wish = wishes.front().wish;
    open_tracking();
    look_up(typed_form(wish.tracking_code));
    EXPECT_EQ(model().phase, TrackingPhase::waiting);
    wait_for_answer();
    ASSERT_EQ(model().phase, TrackingPhase::shown);
    ASSERT_FALSE(model().message) << text(*model().message);
    EXPECT_EQ(model().source, TrackingSource::server);
    EXPECT_EQ(model().code, wish.tracking_code);
    EXPECT_EQ(model().category, wish.category);
}

TEST_F(TrackingOnline, AnUnknownCodeIsSaidToBeUnknown) {
    start_synced();
    open_tracking();
    look_up("aa22222");
    wait_for_answer();
    EXPECT_EQ(model().message, std::optional(Str::track_unknown));
}

TEST_F(TrackingOnline, ASlowServerGivesWayToTheCacheAfterAFewSeconds) {
    start_synced();
    gongshi::test::add_fault(*server_, {{"route", "track"}, {"kind", "delay"}, {"params", {{"ms", 20000}}}});
    const Wish wish = app->data.cache()->wishes(WishFilter{}).front().wish;
    open_tracking();
    look_up(typed_form(wish.tracking_code));
    ASSERT_EQ(model().phase, TrackingPhase::waiting);
    app->clock.advance(kTrackingWait_s);
    ui->frame(std::nullopt);
    ASSERT_EQ(model().phase, TrackingPhase::shown);
    EXPECT_EQ(model().source, TrackingSource::cache);
    EXPECT_NE(model().as_of.find("更新于"), std::string::npos) << model().as_of;
    wait_for_answer();  // the late answer (none, after the inquiry timeout) changes nothing
    EXPECT_EQ(model().source, TrackingSource::cache);
}

TEST_F(TrackingOnline, AnApprovedWishReachesTheBoardARejectedOneNever) {
    start_synced();
    const auto kiosk_code = app->outbox->kiosk_code();
    ASSERT_TRUE(kiosk_code) << "the first sync stores the kiosk code";
    const std::string approved = submit(*kiosk_code, "楼道灯坏了，请帮忙修一下");
    const std::string rejected = submit(*kiosk_code, "请帮忙修理水龙头，谢谢");
    sync_cycle();  // delivered: pending review, not public
    ASSERT_EQ(app->outbox->counts().pending, 0);
    tap_ok(text(Str::tile_wishes));
    auto codes = board_codes();
    EXPECT_EQ(std::count(codes.begin(), codes.end(), approved), 0) << "pending review is never public";
    for (const auto& [code, reason] : {std::pair{approved, std::string()}, std::pair{rejected, std::string("重复提交")}})
        ASSERT_TRUE(app->outbox->enqueue({"wish_review", "POST", "/api/v1/communities/c-demo/wishes/w-" + code + "/review",
                                          wish_review_body("1001", 1, reason)},
                                         kNowUnix));
    sync_cycle();  // the reviews go out
    sync_cycle();  // and come back in the feed
    ASSERT_EQ(app->outbox->counts().pending, 0);
    ASSERT_EQ(app->data.cache()->wish_by_tracking_code(rejected).value().status, WishStatus::rejected);
    codes = board_codes();
    EXPECT_EQ(std::count(codes.begin(), codes.end(), approved), 1);
    EXPECT_EQ(std::count(codes.begin(), codes.end(), rejected), 0);
    for (const WishView& v : app->data.cache()->wishes(WishFilter{})) EXPECT_NE(v.wish.tracking_code, rejected);
    // The resident who posted it still learns the outcome by its code.
    tap_ok(text(Str::track_open));
    look_up(typed_form(rejected));
    wait_for_answer();
    EXPECT_EQ(model().status, Str::track_rejected);
}

}  // namespace
}  // namespace gongshi::kiosk::test
