// Two kiosks against one reference server (community preset): each has its own cache.db and
// outbox.db, a real SyncSession over loopback HTTP, and a headless kiosk App reading its cache.
// Staff on kiosk A edit notices and review wishes through the screens; kiosk B must see the
// result after its next sync, a rejected wish must never reach a public board, and a stale
// edit from B must come back as a conflict staff can see and redo.
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

#include "kiosk_fixture.hpp"
#include "sync/sync_test_util.hpp"

namespace gongshi::kiosk::test {
namespace {

using json = nlohmann::json;
using gongshi::test::ServerProcess;

// One kiosk: its files, its sync session and its headless UI.
struct Kiosk {
    gongshi::test::TempDir dir;
    std::unique_ptr<sync::SyncSession> session;
    std::unique_ptr<App> app;
    std::unique_ptr<HeadlessUi> ui;  // after app: destroyed first
    int live_textures = 0;

    Kiosk(const ServerProcess& server, const std::string& token, const sync::Clock& clock) {
        sync::SyncSettings settings = gongshi::test::settings_for(server, dir);
        settings.token = token;
        session = gongshi::test::take(sync::SyncSession::open(settings, clock));
        KioskConfig config;
        config.cache_path = settings.cache_path;
        config.community_id = settings.community_id;
        app = std::make_unique<App>(config, Clock::system(), test_fonts(), fake_uploader(live_textures));
        app->staff = StaffSession{"1001", "staff", "admin", 0};
        ui = std::make_unique<HeadlessUi>(*app, ImVec2(1920, 1080));
    }
    // One cycle (pull, then push), and frames until the UI has read what it committed.
    void sync() {
        const auto report = session->run_cycle();
        ASSERT_FALSE(report.failure()) << report.failure()->message;
        frames(2);
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) ui->frame(std::nullopt);
    }
    void open(ScreenKind screen) {  // not through home: that ends staff mode
        while (app->stack.size() > 1) apply_action(*app, GoBack{});
        apply_action(*app, OpenScreen{screen});
        frames(2);
    }
    void tap_ok(std::string_view label, int nth = 1) { test::tap_ok(*ui, label, nth); }
    void run_ok(const std::string& steps) { test::run_ok(*ui, steps); }
    // Opens notice `id` in the editor and replaces its title: pinyin committed from `letters`, or
    // the letters themselves in the keyboard's ASCII mode (librime runs one engine per process:
    // the second kiosk of this process types without it).
    std::string edit_title(const std::string& id, const std::string& letters, bool pinyin = true) {
        open(ScreenKind::staff_notices);
        const auto& rows = app->staff_edit.notices.rows;
        const auto row = std::find_if(rows.begin(), rows.end(), [&](auto& r) { return r.notice.id == id; });
        EXPECT_NE(row, rows.end());
        tap_ok(text(Str::staff_edit), static_cast<int>(row - rows.begin()) + 1);
        tap_ok(text(Str::staff_title_hint));
        if (!pinyin) {
            run_ok("tap clear\ntap mode\nkeys " + letters + "\ntap done\n");
            tap_ok(text(Str::staff_save));
            frames(1);
            return letters;
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        while (app->pinyin.state() != ime::DeployState::ready && std::chrono::steady_clock::now() < deadline) {
            frames(1);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        EXPECT_EQ(app->pinyin.state(), ime::DeployState::ready) << app->pinyin.error();
        run_ok("tap clear\nkeys " + letters + "\n");
        const auto candidates = app->taps.visible(TapKind::candidate);
        EXPECT_FALSE(candidates.empty());
        const std::string title = candidates.empty() ? "" : candidates.front()->label;
        run_ok("candidate 1\ntap done\n");
        tap_ok(text(Str::staff_save));
        frames(1);
        return title;
    }
    const Cache& cache() const { return *app->data.cache(); }
    std::vector<std::string> board_titles() {
        open(ScreenKind::notices);
        std::vector<std::string> out;
        for (const Notice& n : app->disclosure.notices.notices) out.push_back(n.title);
        return out;
    }
    bool public_wish(const std::string& id) const {
        for (const WishView& w : cache().wishes(WishFilter{}))  // the public statuses
            if (w.wish.id == id) return true;
        return false;
    }
};

class TwoKiosks : public ::testing::Test {
protected:
    void SetUp() override {
        server = std::make_unique<ServerProcess>();
        a = std::make_unique<Kiosk>(*server, server->kiosk_token(), clock);
        b = std::make_unique<Kiosk>(*server, second_token(), clock);
        a->sync();
        b->sync();
    }
    std::string second_token() {
        auto cli = server->client();
        auto res = cli.Post("/admin/kiosks", server->admin_headers(), json{{"community_id", "c-demo"}}.dump(),
                            "application/json");
        EXPECT_TRUE(res && res->status == 201) << (res ? res->body : "no answer");
        return res ? json::parse(res->body).value("token", "") : "";
    }
    // A published notice of the demo, the one the test edits.
    Notice published_notice() {
        a->open(ScreenKind::staff_notices);
        for (const StaffNoticeRow& r : a->app->staff_edit.notices.rows)
            if (r.state == NoticeState::published && !r.notice.pinned) return r.notice;
        ADD_FAILURE() << "the demo has no published notice";
        return {};
    }
    // A wish posted through the server's route as kiosk A, submitted long ago so it heads the queue.
    std::string post_wish(const std::string& code, const std::string& wish_text) {
        auto cli = server->client();
        httplib::Headers headers = server->kiosk_headers();
        headers.emplace("Idempotency-Key", "test-" + code);
        const std::string grid = a->cache().grids().at(0).id;
        const std::string category = a->cache().community()->wish_categories.at(0);
        const json body{{"tracking_code", code}, {"category", category}, {"text", wish_text}, {"grid_id", grid},
                        {"display_name", "王小明"}, {"phone", "13812341234"}, {"submitted_at", "2020-01-01T09:00:00+08:00"}};
        auto res = cli.Post("/api/v1/communities/c-demo/wishes", headers, body.dump(), "application/json");
        EXPECT_TRUE(res && res->status == 201) << (res ? res->body : "no answer");
        return "w-" + code;
    }

    sync::SystemClock clock;
    std::unique_ptr<ServerProcess> server;
    std::unique_ptr<Kiosk> a, b;
};

TEST_F(TwoKiosks, ANoticeEditedOnAReachesTheServerAndThenB) {
    const Notice target = published_notice();
    const std::string title = a->edit_title(target.id, "tongzhi");
    ASSERT_FALSE(title.empty());
    // A shows it at once, pending; B knows nothing yet.
    auto titles_a = a->board_titles();
    EXPECT_NE(std::find(titles_a.begin(), titles_a.end(), title), titles_a.end());
    EXPECT_TRUE(a->app->disclosure.notices.pending.count(target.id));

    a->sync();  // delivers the edit
    EXPECT_EQ(a->app->outbox->counts().pending, 0);
    EXPECT_EQ(a->app->outbox->counts().dead, 0);
    const auto on_server = gongshi::test::get_entity(*server, EntityKind::notice, target.id);
    ASSERT_TRUE(on_server);
    EXPECT_EQ(on_server->value("title", ""), title);
    EXPECT_EQ(on_server->value("version", 0), target.version + 1);
    EXPECT_EQ(on_server->value("body", ""), target.body);  // only the title was sent

    auto titles_b = b->board_titles();
    EXPECT_EQ(std::find(titles_b.begin(), titles_b.end(), title), titles_b.end());
    b->sync();
    titles_b = b->board_titles();
    EXPECT_NE(std::find(titles_b.begin(), titles_b.end(), title), titles_b.end());
    EXPECT_TRUE(b->app->disclosure.notices.pending.empty());
}

TEST_F(TwoKiosks, ARejectedWishNeverReachesEitherPublicBoard) {
    const std::string approved = post_wish("AA-22222", "楼道灯坏了，请帮忙修一下");
    const std::string rejected = post_wish("AA-33333", "这条心愿应当被驳回");
    a->sync();
    b->sync();
    for (Kiosk* k : {a.get(), b.get()}) {
        EXPECT_FALSE(k->public_wish(approved));  // pending review: not public anywhere yet
        EXPECT_FALSE(k->public_wish(rejected));
    }
    a->open(ScreenKind::staff_wish_review);
    const auto& queue = a->app->staff_edit.review.pending;
    ASSERT_GE(queue.size(), 2u);
    ASSERT_EQ(queue[0].view.wish.id, approved);  // submitted in 2020: the oldest
    EXPECT_TRUE(queue[0].view.wish.display_name_masked.find("王") == 0);  // masked, never the full name
    a->tap_ok(text(Str::staff_approve));
    a->frames(1);
    ASSERT_EQ(a->app->staff_edit.review.pending.at(0).view.wish.id, rejected);
    a->tap_ok(text(Str::staff_reject));
    a->tap_ok(text(Str::staff_reason_duplicate));
    a->tap_ok(text(Str::staff_confirm_reject));
    a->frames(1);
    EXPECT_EQ(a->app->staff_edit.review.reviewed.size(), 2u);

    a->sync();
    b->sync();
    a->sync();  // A pulls what its own reviews published
    for (Kiosk* k : {a.get(), b.get()}) {
        EXPECT_TRUE(k->public_wish(approved));
        EXPECT_FALSE(k->public_wish(rejected));
        WishFilter every;
        every.statuses = {WishStatus::rejected};
        bool found = false;
        for (const WishView& w : k->cache().wishes(every)) found = found || w.wish.id == rejected;
        EXPECT_TRUE(found);  // it did arrive, as rejected
    }
    const auto on_server = gongshi::test::get_entity(*server, EntityKind::wish, rejected);
    ASSERT_TRUE(on_server);
    EXPECT_EQ(on_server->value("status", ""), "rejected");
    EXPECT_EQ(on_server->value("reject_reason", ""), "重复提交");
}

TEST_F(TwoKiosks, AStaleEditFromBIsAConflictStaffSeeAndRedo) {
    const Notice target = published_notice();
    const std::string from_a = a->edit_title(target.id, "tongzhi");
    a->sync();
    // B still holds the old version: its edit starts from it.
    const std::string from_b = b->edit_title(target.id, "gonggao", false);
    ASSERT_EQ(json::parse(b->app->outbox->list(OutboxState::pending).at(0).request.body).at("base_version"),
              target.version);
    b->sync();  // pulls A's edit, then its own is refused with 412
    b->open(ScreenKind::staff_notices);
    const auto& refused = b->app->staff_edit.notices.refused;
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_TRUE(refused[0].conflict);
    EXPECT_EQ(refused[0].title, from_b);
    EXPECT_NE(b->app->taps.find(text(Str::staff_redo)), nullptr);
    const auto on_server = gongshi::test::get_entity(*server, EntityKind::notice, target.id);
    ASSERT_TRUE(on_server);
    EXPECT_EQ(on_server->value("title", ""), from_a);  // A's edit stands

    b->tap_ok(text(Str::staff_redo));
    EXPECT_EQ(b->app->staff_edit.ui.editor.base_version, target.version + 1);
    b->tap_ok(text(Str::staff_save));
    b->frames(1);
    b->sync();
    EXPECT_EQ(b->app->outbox->counts().dead, 0);
    EXPECT_EQ(b->app->outbox->counts().pending, 0);
    const auto redone = gongshi::test::get_entity(*server, EntityKind::notice, target.id);
    ASSERT_TRUE(redone);
    EXPECT_EQ(redone->value("title", ""), from_b);
    EXPECT_EQ(redone->value("version", 0), target.version + 2);
}

}  // namespace
}  // namespace gongshi::kiosk::test
