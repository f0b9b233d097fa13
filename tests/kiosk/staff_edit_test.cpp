// Staff editing, headless against the community preset: 公告管理 (edit, create, pin, a refused
// edit redone) and 心愿审核 (approve, reject with a reason). Every write must be exactly the
// outbox row the push API expects, and show at once on this kiosk marked pending.
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

#include "kiosk_fixture.hpp"
#include "staff_actions.hpp"

namespace gongshi::kiosk::test {
namespace {

using json = nlohmann::json;

class StaffEditTest : public KioskTest {
protected:
    void start_staff(KioskConfig config = {}, ImVec2 size = ImVec2(1920, 1080)) {
        config.community_id = "c-demo";
        start_with_demo(config, size);
        app->staff = StaffSession{"1001", "staff", "admin", 0};
    }
    void open(ScreenKind screen) {
        apply_action(*app, OpenScreen{screen});
        ui->frame(std::nullopt);
        ui->frame(std::nullopt);
    }
    // Types pinyin and commits the first candidate; returns what it committed.
    std::string type_pinyin(const std::string& letters) {
        run_ok("keys " + letters + "\n");
        const auto candidates = app->taps.visible(TapKind::candidate);
        EXPECT_FALSE(candidates.empty());
        const std::string first = candidates.empty() ? "" : candidates.front()->label;
        run_ok("candidate 1\n");
        return first;
    }
    std::vector<OutboxItem> pending(const std::string& kind) const {
        std::vector<OutboxItem> out;
        for (OutboxItem& row : app->outbox->list(OutboxState::pending))
            if (row.request.kind == kind) out.push_back(std::move(row));
        return out;
    }
    const StaffNoticesModel& notices() const { return app->staff_edit.notices; }
    const WishReviewModel& review() const { return app->staff_edit.review; }
    // The index of the first row of the staff list in this state (the demo has all three).
    std::size_t first_row(NoticeState state) const {
        for (std::size_t i = 0; i < notices().rows.size(); ++i)
            if (notices().rows[i].notice.pinned == false && notices().rows[i].state == state) return i;
        ADD_FAILURE() << "no such notice";
        return 0;
    }
};

TEST_F(StaffEditTest, AnEditQueuesOnePutWithItsBaseVersionAndShowsPendingOnTheBoard) {
    start_staff();
    open(ScreenKind::staff_notices);
    ASSERT_FALSE(notices().rows.empty());
    const std::size_t index = first_row(NoticeState::published);
    const Notice before = notices().rows[index].notice;
    // The edit button of that row: rows above it are all editable server notices.
    tap_ok(text(Str::staff_edit), static_cast<int>(index) + 1);
    ASSERT_EQ(screen(), ScreenKind::staff_notice_edit);
    EXPECT_EQ(app->staff_edit.ui.editor.notice_id, before.id);
    tap_ok(text(Str::staff_title_hint));
    wait_for_input_method();
    run_ok("tap clear\n");
    const std::string title = type_pinyin("tongzhi");
    ASSERT_FALSE(title.empty());
    run_ok("tap done\n");
    tap_ok(text(Str::staff_save));
    ui->frame(std::nullopt);

    EXPECT_EQ(screen(), ScreenKind::staff_notices);
    const auto edits = pending("notice_edit");
    ASSERT_EQ(edits.size(), 1u);
    EXPECT_EQ(edits[0].request.method, "PUT");
    EXPECT_EQ(edits[0].request.path, "/api/v1/communities/c-demo/notices/" + before.id);
    EXPECT_EQ(json::parse(edits[0].request.body),
              (json{{"staff_id", "1001"}, {"base_version", before.version}, {"title", title}}));
    const auto actions = pending("staff_action");
    ASSERT_EQ(actions.size(), 1u);
    EXPECT_EQ(json::parse(actions[0].request.body).at("action"), "notice_edit");
    EXPECT_EQ(json::parse(actions[0].request.body).at("target_id"), before.id);

    // On the staff list and on the public board at once, marked pending.
    auto row = std::find_if(notices().rows.begin(), notices().rows.end(), [&](auto& r) { return r.notice.id == before.id; });
    ASSERT_NE(row, notices().rows.end());
    EXPECT_TRUE(row->pending);
    EXPECT_EQ(row->notice.title, title);
    EXPECT_EQ(row->base_version, before.version + 1);  // a second edit starts after this one
    tap_ok(text(Str::nav_home));
    tap_ok(text(Str::tile_notices));
    const NoticesModel& board = app->disclosure.notices;
    auto shown = std::find_if(board.notices.begin(), board.notices.end(), [&](auto& n) { return n.id == before.id; });
    ASSERT_NE(shown, board.notices.end());
    EXPECT_EQ(shown->title, title);
    EXPECT_EQ(board.pending, std::set<std::string>{before.id});
    EXPECT_TRUE(visible(title + "##" + before.id) || visible(title));
}

TEST_F(StaffEditTest, ANewNoticeIsScheduledWithTheSteppersAndSentWhole) {
    start_staff();
    open(ScreenKind::staff_notices);
    tap_ok(text(Str::staff_new_notice));
    ASSERT_EQ(screen(), ScreenKind::staff_notice_edit);
    tap_ok(text(Str::staff_save));  // nothing typed yet
    ui->frame(std::nullopt);
    EXPECT_EQ(app->staff_edit.ui.editor.error, Str::staff_title_required);
    EXPECT_TRUE(pending("notice").empty());

    tap_ok(text(Str::staff_title_hint));
    wait_for_input_method();
    const std::string title = type_pinyin("tingshui");
    run_ok("tap done\n");  // the keyboard shows only the field it types into
    EXPECT_FALSE(visible(text(Str::staff_today)) && app->staff_edit.ui.editor.keyboard_open);
    tap_ok(text(Str::staff_body_hint));
    const std::string body = type_pinyin("xiuli");
    run_ok("tap done\n");
    tap_ok(text(Str::staff_plus_day));        // publish tomorrow, same time
    tap_ok(text(Str::staff_pin));  // the editor's pin toggle is the only 置顶 button here
    tap_ok(text(Str::staff_set_expiry));
    tap_ok(text(Str::staff_save));
    ui->frame(std::nullopt);

    const auto created = pending("notice");
    ASSERT_EQ(created.size(), 1u);
    EXPECT_EQ(created[0].request.method, "POST");
    EXPECT_EQ(created[0].request.path, "/api/v1/communities/c-demo/notices");
    const json sent = json::parse(created[0].request.body);
    EXPECT_EQ(sent.at("staff_id"), "1001");
    EXPECT_EQ(sent.at("title"), title);
    EXPECT_EQ(sent.at("body"), body);
    EXPECT_EQ(sent.at("pinned"), true);
    EXPECT_EQ(sent.at("media"), json::array());
    const std::int64_t tomorrow = kNowUnix + 86400;
    EXPECT_EQ(sent.at("publish_at"), format_timestamp({tomorrow, 8 * 60}));  // Shanghai's offset
    EXPECT_EQ(sent.at("expire_at"), format_timestamp({tomorrow + 7 * 86400, 8 * 60}));
    EXPECT_FALSE(sent.contains("base_version"));

    // Listed at once, pending, scheduled, and not editable until the server numbers it.
    auto row = std::find_if(notices().rows.begin(), notices().rows.end(), [&](auto& r) { return r.notice.title == title; });
    ASSERT_NE(row, notices().rows.end());
    EXPECT_TRUE(row->pending);
    EXPECT_FALSE(row->editable);
    EXPECT_EQ(row->state, NoticeState::scheduled);
}

// With large text in landscape the keyboard once took the whole height and the field being typed
// shrank to nothing: staff typed blind. Each field stays whole beside the keyboard, both ways up.
TEST_F(StaffEditTest, TheFieldBeingTypedStaysInSightWithLargeText) {
    for (const ImVec2 panel : {ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
        KioskConfig config;
        config.text_size = TextSize::large;
        start_staff(config, panel);
        open(ScreenKind::staff_notices);
        tap_ok(text(Str::staff_new_notice));
        for (const Str field : {Str::staff_title_hint, Str::staff_body_hint}) {
            tap_ok(text(field));
            ASSERT_TRUE(visible("done"));
            const Tappable* typed = app->taps.find(text(field));
            ASSERT_NE(typed, nullptr) << text(field) << " is hidden while it is typed in";
            EXPECT_GE(typed->size().y, app->theme.form_row_px() - 1) << text(field) << " is cut";
            EXPECT_EQ(overlapping_targets(app->taps, panel), "");
            run_ok("tap done\n");
        }
    }
}

TEST_F(StaffEditTest, TheBodyTakesParagraphsTheTitleDoesNot) {
    start_staff();
    open(ScreenKind::staff_notices);
    tap_ok(text(Str::staff_new_notice));
    tap_ok(text(Str::staff_title_hint));
    wait_for_input_method();
    EXPECT_FALSE(visible("newline"));  // a title is one line
    const std::string title = type_pinyin("tingshui");
    run_ok("tap done\n");
    tap_ok(text(Str::staff_body_hint));
    ASSERT_TRUE(visible("newline"));
    const std::string first = type_pinyin("tingshui");
    // 换行 while a word is being composed commits its first candidate, then breaks the line.
    run_ok("keys xiuli\n");
    const std::string composing_first = app->taps.visible(TapKind::candidate).front()->label;
    run_ok("tap newline\n");
    const std::string second = type_pinyin("tongzhi");
    EXPECT_EQ(app->staff_edit.ui.editor.body.field.text, first + composing_first + "\n" + second);
    run_ok("tap done\n");
    tap_ok(text(Str::staff_save));
    ui->frame(std::nullopt);

    const auto created = pending("notice");
    ASSERT_EQ(created.size(), 1u);
    EXPECT_EQ(json::parse(created[0].request.body).at("body"), first + composing_first + "\n" + second);
    EXPECT_EQ(json::parse(created[0].request.body).at("title"), title);
}

TEST_F(StaffEditTest, PinningSendsOnlyThePinnedFlag) {
    start_staff();
    open(ScreenKind::staff_notices);
    std::size_t first_unpinned = 0;
    while (notices().rows[first_unpinned].notice.pinned) ++first_unpinned;
    const Notice target = notices().rows[first_unpinned].notice;
    tap_ok(text(Str::staff_pin));  // rows above it are pinned and offer 取消置顶
    ui->frame(std::nullopt);
    const auto edits = pending("notice_edit");
    ASSERT_EQ(edits.size(), 1u);
    EXPECT_EQ(edits[0].request.path, "/api/v1/communities/c-demo/notices/" + target.id);
    EXPECT_EQ(json::parse(edits[0].request.body),
              (json{{"staff_id", "1001"}, {"base_version", target.version}, {"pinned", true}}));
    EXPECT_EQ(json::parse(pending("staff_action").at(0).request.body).at("action"), "notice_pin");
    EXPECT_TRUE(notices().rows.front().pending);  // now pinned, it moves up
}

TEST_F(StaffEditTest, ARefusedEditIsShownAndRedoneOnTheCurrentVersion) {
    start_staff();
    open(ScreenKind::staff_notices);
    const Notice target = notices().rows.at(0).notice;
    NoticeFields stale;
    stale.title = "旧的修改";
    auto row = app->outbox->enqueue({"notice_edit", "PUT", community_path(*app, "/notices/" + target.id),
                                     notice_edit_body("1001", target.version - 1, stale)},
                                    kNowUnix);
    ASSERT_TRUE(row.ok());
    ASSERT_TRUE(app->outbox->mark_dead(row->id, 412, "HTTP 412 version_conflict"));
    ui->frame(std::nullopt);
    ui->frame(std::nullopt);
    ASSERT_EQ(notices().refused.size(), 1u);
    EXPECT_TRUE(notices().refused[0].conflict);
    EXPECT_EQ(notices().refused[0].title, "旧的修改");
    tap_ok(text(Str::staff_redo));
    ASSERT_EQ(screen(), ScreenKind::staff_notice_edit);
    EXPECT_EQ(app->staff_edit.ui.editor.base_version, target.version);  // the current one
    EXPECT_EQ(app->staff_edit.ui.editor.title.field.text, "旧的修改");   // the refused change, to redo
    tap_ok(text(Str::staff_save));
    ui->frame(std::nullopt);
    EXPECT_TRUE(app->outbox->list(OutboxState::dead).empty());  // replaced by the redo
    const auto edits = pending("notice_edit");
    ASSERT_EQ(edits.size(), 1u);
    EXPECT_EQ(json::parse(edits[0].request.body).at("base_version"), target.version);
}

TEST_F(StaffEditTest, ApprovingAndRejectingQueueReviewsAndEmptyTheQueueAtOnce) {
    start_staff();
    open(ScreenKind::staff_wish_review);
    ASSERT_GE(review().pending.size(), 2u);
    for (std::size_t i = 1; i < review().pending.size(); ++i)  // oldest first
        EXPECT_LE(review().pending[i - 1].view.wish.submitted_at.unix_seconds,
                  review().pending[i].view.wish.submitted_at.unix_seconds);
    const Wish first = review().pending[0].view.wish, second = review().pending[1].view.wish;
    const std::size_t before = review().pending.size();

    tap_ok(text(Str::staff_approve));
    ui->frame(std::nullopt);
    tap_ok(text(Str::staff_reject));
    tap_ok(text(Str::staff_reason_elsewhere));
    tap_ok(text(Str::staff_confirm_reject));
    ui->frame(std::nullopt);

    const auto reviews = pending("wish_review");
    ASSERT_EQ(reviews.size(), 2u);
    EXPECT_EQ(reviews[0].request.path, "/api/v1/communities/c-demo/wishes/" + first.id + "/review");
    EXPECT_EQ(json::parse(reviews[0].request.body),
              (json{{"staff_id", "1001"}, {"base_version", first.version}, {"decision", "approve"}}));
    EXPECT_EQ(reviews[1].request.path, "/api/v1/communities/c-demo/wishes/" + second.id + "/review");
    EXPECT_EQ(json::parse(reviews[1].request.body), (json{{"staff_id", "1001"}, {"base_version", second.version},
                                                          {"decision", "reject"}, {"reason", "不属于本社区"}}));
    std::vector<std::string> actions;
    for (const auto& a : pending("staff_action")) actions.push_back(json::parse(a.request.body).at("action"));
    EXPECT_EQ(actions, (std::vector<std::string>{"wish_approve", "wish_reject"}));
    EXPECT_EQ(review().pending.size(), before - 2);
    ASSERT_EQ(review().reviewed.size(), 2u);
    EXPECT_TRUE(review().reviewed[0].approve);
    EXPECT_EQ(review().reviewed[1].reason, "不属于本社区");
}

TEST_F(StaffEditTest, ATypedReasonAndSensitiveWordsMarkButNeverDrop) {
    start_with_demo();  // only to read the queue's oldest wish
    const std::string oldest = [&] {
        WishFilter f;
        f.statuses = {WishStatus::pending_review};
        f.oldest_first = true;
        return app->data.cache()->wishes(f).at(0).wish.text;
    }();
    KioskConfig config;
    config.sensitive_words = {"不存在的词", oldest.substr(0, 6)};  // two characters of its text
    ui.reset();
    app.reset();
    start_staff(config);
    open(ScreenKind::staff_wish_review);
    ASSERT_FALSE(review().pending.empty());
    EXPECT_EQ(review().pending[0].marks, std::vector<std::string>{oldest.substr(0, 6)});
    tap_ok(text(Str::staff_reject));
    tap_ok(text(Str::staff_reason_hint));
    wait_for_input_method();
    const std::string reason = type_pinyin("chongfu");
    run_ok("tap done\n");
    tap_ok(text(Str::staff_confirm_reject));
    ui->frame(std::nullopt);
    const auto reviews = pending("wish_review");
    ASSERT_EQ(reviews.size(), 1u);
    EXPECT_EQ(json::parse(reviews[0].request.body).at("reason"), reason);
}

TEST_F(StaffEditTest, WithoutAStaffSessionNothingIsWritten) {
    start_staff();
    open(ScreenKind::staff_wish_review);
    app->staff.reset();
    tap_ok(text(Str::staff_approve));
    ui->frame(std::nullopt);
    EXPECT_TRUE(app->outbox->list(OutboxState::pending).empty());
}

TEST(StaffEditConfig, SensitiveWordsAreAListOfStrings) {
    auto config = parse_config("sensitive_words = [\"赌博\", \"诈骗\"]\n", "kiosk.toml");
    ASSERT_TRUE(config.ok()) << config.error();
    EXPECT_EQ(config->sensitive_words, (std::vector<std::string>{"赌博", "诈骗"}));
    EXPECT_FALSE(parse_config("sensitive_words = [\"赌博\", 3]\n", "kiosk.toml").ok());
    EXPECT_FALSE(KioskConfig{}.sensitive_words.empty());  // a default list marks the obvious
}

}  // namespace
}  // namespace gongshi::kiosk::test
