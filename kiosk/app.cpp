#include "app.hpp"

#include <algorithm>

#include "local_time.hpp"
#include "screens/disclosure_parts.hpp"
#include "screens/staff_screens.hpp"

namespace gongshi::kiosk {

namespace {

constexpr Str kWeekdays[] = {Str::weekday_sun, Str::weekday_mon, Str::weekday_tue, Str::weekday_wed,
                             Str::weekday_thu, Str::weekday_fri, Str::weekday_sat};

// "更新于 09:12" today, "更新于 3月2日 09:12" on an older day: stale data must look stale.
std::string updated_text(const App& app, const LocalTime& now) {
    std::optional<std::int64_t> last = app.models.last_update_unix;
    if (app.sync.last_success_unix && (!last || *app.sync.last_success_unix > *last)) last = app.sync.last_success_unix;
    if (!last) return text(Str::never_updated);
    const LocalTime then = local_time(*last, app.time_zone);
    return format(Str::updated_at, {then.date == now.date ? hh_mm(then.minute_of_day) : local_minute_text(*last, app.time_zone)});
}

StatusBarModel make_status_bar(const App& app, const LocalTime& now) {
    StatusBarModel m;
    m.community = app.models.has_data ? app.models.community_name : text(Str::community_fallback);
    m.clock = hh_mm(now.minute_of_day);
    m.date = format(Str::date_format, {std::to_string(now.date.month), std::to_string(now.date.day),
                                      text(kWeekdays[now.weekday])});
    m.updated = updated_text(app, now);
    m.offline = app.sync.shows_offline_badge();
    m.outbox_depth = app.sync.outbox_depth;
    m.staff_mode = app.staff.has_value();
    m.long_press_s = app.config.staff.long_press_s;
    return m;
}

bool portrait_layout(const App& app, ImVec2 display) {
    switch (app.config.orientation) {
    case Orientation::landscape: return false;
    case Orientation::portrait: return true;
    case Orientation::automatic: break;
    }
    return display.y > display.x;
}

DataState data_state(const App& app) { return DataState{app.models.has_data, app.sync.shows_offline_badge()}; }

std::optional<DisclosureScreen> disclosure_screen(ScreenKind screen) {
    switch (screen) {
    case ScreenKind::rankings: return DisclosureScreen::rankings;
    case ScreenKind::evaluations: return DisclosureScreen::evaluations;
    case ScreenKind::posts: return DisclosureScreen::posts;
    case ScreenKind::notices: return DisclosureScreen::notices;
    case ScreenKind::rewards: return DisclosureScreen::rewards;
    default: return std::nullopt;
    }
}

// The model of the disclosure screen on top, rebuilt when it opens, when the viewer changes
// what it shows and when the data moves; other screens' models wait until they are opened.
void refresh_disclosure(App& app) {
    const std::optional<DisclosureScreen> screen = disclosure_screen(app.stack.back());
    if (!screen || app.data.cache() == nullptr) return;
    DisclosureContext context{app.clock.unix_seconds(), app.config.claim_url_pattern, {}};
    if (screen == DisclosureScreen::notices && app.outbox)
        context.pending_notices = notice_writes(app.outbox->list(OutboxState::pending));
    build_disclosure_model(app.disclosure, *screen, *app.data.cache(), app.views, context);
    add_disclosure_glyphs(app.glyphs, app.disclosure, *screen);
}

// Rankings: a new subject or period needs the query (which also looks the number up); a new
// number alone needs only the lookup. Either way the list jumps to the member found.
void change_rankings(App& app, const RankingsView& v) {
    const bool same = app.views.rankings.same_data(v);
    const bool new_number = app.views.rankings.find_number != v.find_number;
    app.views.rankings = v;
    if (!same) {
        refresh_disclosure(app);
    } else if (new_number && app.data.cache() != nullptr) {
        find_in_rankings(app.disclosure.rankings, *app.data.cache(), app.views.rankings, app.clock.unix_seconds());
    } else {
        return;  // paging scrolls; it needs no query
    }
    if (app.disclosure.rankings.found_row) app.views.rankings.scroll_to_row = app.disclosure.rankings.found_row;
}

void change_view(App& app, const ViewChange& change) {
    if (const auto* rankings = std::get_if<RankingsView>(&change)) {
        change_rankings(app, *rankings);
        return;
    }
    struct Visitor {
        DisclosureViews& views;
        bool operator()(const RankingsView&) { return false; }  // change_rankings
        bool operator()(const EvaluationsView& v) {
            views.evaluations = v;
            return true;
        }
        bool operator()(const PostsView& v) {
            views.posts = v;
            return true;
        }
        bool operator()(const NoticesView& v) {
            views.notices = v;
            return false;  // the same list, another notice
        }
    };
    if (std::visit(Visitor{app.views}, change)) refresh_disclosure(app);
}

std::optional<Action> draw_screen(App& app, Ui& ui, const LocalTime& now) {
    switch (app.stack.back()) {
    case ScreenKind::home:
        return draw_home(app.models, ui);
    case ScreenKind::about: {
        const DeviceInfo device{updated_text(app, now), app.data.path(), app.models.data_version,
                                ImGui::GetIO().DisplaySize};
        return draw_about(app.models, device, ui);
    }
    case ScreenKind::rankings: {
        Typing typing{app.pinyin, app.glyphs, &app.handwriting};
        return draw_rankings(app.disclosure.rankings, app.views.rankings, data_state(app), app.rank_finder, typing, ui);
    }
    case ScreenKind::evaluations:
        return draw_evaluations(app.disclosure.evaluations, app.views.evaluations, data_state(app), ui);
    case ScreenKind::posts: return draw_posts(app.disclosure.posts, app.views.posts, data_state(app), ui);
    case ScreenKind::notices: return draw_notices(app.disclosure.notices, app.views.notices, data_state(app), ui);
    case ScreenKind::rewards: return draw_rewards(app.disclosure.rewards, data_state(app), ui);
    case ScreenKind::pledges: {
        Typing typing{app.pinyin, app.glyphs, &app.handwriting};
        return draw_pledges(app.member_screens.models.pledges, app.member_screens.ui, data_state(app), typing, ui);
    }
    case ScreenKind::member_profile:
        return draw_member_profile(app.member_screens.models.profile, data_state(app), ui);
    case ScreenKind::registration:
        return draw_registration(app.member_screens.models.registration, app.member_screens.ui.registration,
                                 data_state(app), ui);
    case ScreenKind::points_lookup: {
        Typing typing{app.pinyin, app.glyphs, &app.handwriting};
        return draw_points_lookup(app.member_screens.models.points, app.member_screens.ui.points, data_state(app), typing,
                                  ui);
    }
    case ScreenKind::wishes: return draw_wishes(app.wish_screens.models.board, app.wish_screens.ui, data_state(app), ui);
    case ScreenKind::wish_tracking: {
        Typing typing{app.pinyin, app.glyphs, &app.handwriting};
        return draw_wish_tracking(app.wish_tracking.model, app.wish_tracking.ui, typing, ui);
    }
    case ScreenKind::wish_post: {
        Typing typing{app.pinyin, app.glyphs, &app.handwriting};
        return draw_wish_post(app.wish_screens.models.flow, app.wish_screens.ui, typing, ui);
    }
    case ScreenKind::staff_notices: return draw_staff_notices(app.staff_edit.notices, app.staff_edit.ui, ui);
    case ScreenKind::staff_notice_edit: {
        Typing typing{app.pinyin, app.glyphs, &app.handwriting};
        return draw_staff_notice_editor(app.staff_edit.notices, app.staff_edit.ui, typing, app.time_zone,
                                        app.clock.unix_seconds(), ui);
    }
    case ScreenKind::staff_wish_review: {
        Typing typing{app.pinyin, app.glyphs, &app.handwriting};
        return draw_staff_wish_review(app.staff_edit.review, app.staff_edit.ui, typing, ui);
    }
    case ScreenKind::staff_login: {
        Typing typing{app.pinyin, app.glyphs, &app.handwriting};
        return draw_staff_login(app.staff_mode.ui, app.staff_mode.checking, typing, ui);
    }
    case ScreenKind::staff_home:
        if (app.staff) return draw_staff_home(*app.staff, app.staff_mode.ui, ui);
        return std::nullopt;
    case ScreenKind::staff_sync: return draw_staff_sync(app.staff_mode.sync_health, app.staff_mode.ui, ui);
    case ScreenKind::staff_device: return draw_staff_device(app.staff_mode.device, ui);
    default:
        return draw_placeholder(app.stack.back(), ui);
    }
}

// The one full-screen root window (imgui_demo's ShowExampleAppFullscreen): status bar on top,
// the current screen, and a navigation bar at the bottom where a short resident can reach it.
std::optional<Action> draw_root(App& app, Ui& ui, const LocalTime& now) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    std::optional<Action> action = draw_status_bar(make_status_bar(app, now), ui);

    const bool home = app.stack.back() == ScreenKind::home;
    const float nav_height = home ? 0.0f : ui.theme.em(3.2f);
    const ImVec2 content(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y - nav_height);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.theme.em(0.75f), ui.theme.em(0.6f)));
    ImGui::BeginChild("##screen", content, false, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    if (auto screen = draw_screen(app, ui, now)) action = screen;
    ImGui::EndChild();
    ImGui::PopStyleVar();
    if (!home)
        if (auto nav = draw_nav_bar(ui)) action = nav;
    ImGui::End();
    return action;
}

std::optional<Action> draw_idle_overlay(App& app, Ui& ui) {
    const double now = app.clock.seconds();
    switch (app.idle.phase) {
    case IdlePhase::active: return std::nullopt;
    case IdlePhase::countdown: return draw_countdown(countdown_seconds_left(app.idle, app.config.idle, now), ui);
    case IdlePhase::attract:
        return draw_attract(app.models.attract, app.models.community_name,
                            attract_step(app.idle, app.config.idle, now), ui);
    case IdlePhase::quiet: return draw_quiet(ui);
    }
    return std::nullopt;
}

bool pointer_moved(const ImGuiIO& io) {
    return ImGui::IsMousePosValid(&io.MousePos) && ImGui::IsMousePosValid(&io.MousePosPrev) &&
           (io.MousePos.x != io.MousePosPrev.x || io.MousePos.y != io.MousePosPrev.y);
}

void handle_message(App& app, UiMessage& message) {
    if (auto* status = std::get_if<SyncStatus>(&message)) {
        note_sync_status(app.staff_mode, *status, app.clock.unix_seconds());
        app.sync = std::move(*status);
        if (app.outbox) app.kiosk_code = app.outbox->kiosk_code();
    }
    if (auto* image = std::get_if<DecodedImage>(&message)) app.images.on_decoded(*image);
    if (auto* reply = std::get_if<InquiryReply>(&message)) reply->done(std::move(reply->answer));
    if (auto* written = std::get_if<ime::RecognitionResult>(&message))
        on_recognized(app.handwriting, std::move(*written), app.glyphs);
}

void reload_models(App& app) {
    app.models = load_view_models(*app.data.cache(), app.clock.unix_seconds());
    app.time_zone = TimeZone::load(app.models.time_zone);
    add_glyphs(app.glyphs, app.models);
    refresh_disclosure(app);
}

}  // namespace

App::App(KioskConfig c, Clock k, FontSet f, TextureUploader upload, std::function<void()> wake)
    : config(std::move(c)),
      clock(k),
      data(config.cache_path),
      time_zone(TimeZone::load(models.time_zone)),
      fonts(std::move(f)),
      queue(std::move(wake)),
      images(config.effective_media_dir(), TextureCache(kTextureBudgetBytes, std::move(upload)), queue) {
    for (int i = 0; i < static_cast<int>(Str::count_); ++i) glyphs.add_text(text(static_cast<Str>(i)));
    glyphs.add_text(config.cache_path);  // shown on the about screen
    idle.last_input_s = clock.seconds();
    idle.phase_since_s = idle.last_input_s;
    auto opened = Outbox::open(config.outbox_path());
    if (opened) outbox.emplace(std::move(opened.value()));
    else outbox_error = opened.error();
    if (outbox) kiosk_code = outbox->kiosk_code();
    open_staff_mode(*this);
}

bool prepare_frame(App& app, ImVec2 display_size) {
    for (UiMessage& m : app.queue.take_all()) handle_message(app, m);
    if (app.data.poll()) reload_models(app);
    // The input method deploys on librime's thread from the first frame; polling is cheap.
    if (app.pinyin.state() == ime::DeployState::not_started) app.pinyin.start_deploy();
    else if (app.pinyin.state() == ime::DeployState::deploying) app.pinyin.ready();
    if (app.data.cache() != nullptr)
        refresh_member_models(app.member_screens.models, app.member_screens.ui, *app.data.cache(), app.stack,
                              app.clock.unix_seconds(), app.glyphs);
    if (app.data.cache() != nullptr && app.stack.back() == ScreenKind::points_lookup)
        refresh_points_lookup(app.member_screens.models.points, app.member_screens.ui.points, *app.data.cache(),
                              app.clock.unix_seconds(), app.config.member_points_url_pattern, app.glyphs);
    if (app.data.cache() != nullptr) {
        const bool posting = std::find(app.stack.begin(), app.stack.end(), ScreenKind::wish_post) != app.stack.end();
        refresh_wish_models(app.wish_screens.models, app.wish_screens.ui, *app.data.cache(), app.stack, app.config,
                            posting ? wish_flow_blocked(app) : std::nullopt, app.glyphs);
    }
    run_staff_command(app);
    refresh_wish_tracking(app);
    update_staff_mode(app);

    const Theme theme = make_theme(app.config.theme, app.config.text_size, display_size);
    if (theme != app.theme || app.fonts.body() == nullptr) {
        app.theme = theme;
        apply_style(app.theme, ImGui::GetStyle());
    }
    const FontSizes sizes{app.theme.body_px, app.theme.title_px};
    if (!app.fonts.needs_build(app.glyphs, sizes)) return false;
    app.fonts.build(*ImGui::GetIO().Fonts, app.glyphs, sizes);
    return true;
}

void run_frame(App& app) {
    ImGuiIO& io = ImGui::GetIO();
    const bool pressed_or_released = app.pointer_filter.apply(io);
    const bool moved = pointer_moved(io) || io.MouseWheel != 0;
    const double now = app.clock.seconds();
    // A finger resting on the glass is someone using the kiosk, but needs no frames until it
    // moves or lifts (both are events that wake the loop).
    if (io.MouseDown[0] || moved) note_input(app.idle, now);
    if (pressed_or_released || moved) app.frames_to_draw = kFramesAfterInput;
    const LocalTime local = local_time(app.clock.unix_seconds(), app.time_zone);
    const bool at_clean_home = app.stack.size() == 1;
    if (update_idle(app.idle, app.config.idle, now, local.minute_of_day, at_clean_home) == IdleEffect::reset_to_home) {
        end_staff_session(app, "idle");
        reset_to_home(app);
    }

    app.taps.clear();
    // A finger held on a target (the long press into staff mode) needs frames without events.
    if (ImGui::IsAnyItemActive()) app.frames_to_draw = kFramesAfterInput;
    Ui ui{app.theme, app.fonts.body(), app.fonts.title(), app.taps, app.scrolls, app.images,
          portrait_layout(app, io.DisplaySize)};
    ImGui::NewFrame();
    ImGui::PushFont(ui.body);
    std::optional<Action> action = draw_root(app, ui, local);
    if (auto overlay = draw_idle_overlay(app, ui)) action = overlay;
    ImGui::PopFont();
    ImGui::Render();
    if (action) apply_action(app, *action);
    app.frames_to_draw = std::max(0, app.frames_to_draw - 1);
}

double seconds_until_next_frame(const App& app) {
    if (app.frames_to_draw > 0 || app.scrolls.any_flinging() || !app.queue.empty() || staff_mode_busy(app)) return 0;
    // The clock in the status bar changes on the minute; idle phases have their own deadlines.
    const double to_minute = 60.0 - static_cast<double>(app.clock.unix_seconds() % 60);
    return std::min({to_minute, seconds_until_idle_change(app.idle, app.config.idle, app.clock.seconds()),
                     seconds_until_staff_logout(app)});
}

StatusBarModel status_bar_model(const App& app) {
    return make_status_bar(app, local_time(app.clock.unix_seconds(), app.time_zone));
}

void apply_action(App& app, const Action& action) {
    struct Visitor {
        App& app;
        void operator()(const OpenScreen& a) {
            app.stack.push_back(a.screen);
            refresh_disclosure(app);
        }
        void operator()(const GoBack&) {
            if (app.stack.size() > 1) app.stack.pop_back();
            refresh_disclosure(app);
        }
        void operator()(const ChangeView& a) { change_view(app, a.view); }
        void operator()(const GoHome&) { reset_to_home(app); }
        void operator()(const SubmitWish&) { submit_wish_form(app); }
        void operator()(const DismissIdle&) {
            if (dismiss_idle(app.idle, app.clock.seconds()) == IdleEffect::reset_to_home) reset_to_home(app);
        }
    };
    std::visit(Visitor{app}, action);
    app.frames_to_draw = kFramesAfterInput;
}

void reset_to_home(App& app) {
    app.stack.assign(1, ScreenKind::home);
    app.scrolls.stop_all();
    app.views = DisclosureViews{};  // the next visitor starts from this month, the first notice
    app.rank_finder = RankFinder{};  // and no member number of the last one
    // The next resident finds no search, filter or composition of the last one.
    app.member_screens.ui = fresh_member_screens_ui();
    app.wish_screens.ui = WishScreensUi{};  // the half-filled wish form, name and phone included
    reset_wish_tracking(app.wish_tracking);
    app.staff_edit = StaffEditing{};  // no half-typed notice or reason for whoever comes next
    // Home is where the next person starts: staff mode ends, and the pad forgets what was typed
    // (an attempt in flight still counts in the throttle, but changes nothing on screen).
    end_staff_session(app, "home");
    app.staff_mode.ui = StaffModeUi{};
    ++app.staff_mode.attempt;
    app.pinyin.reset_for_next_user();
    app.handwriting.latest.reset();  // the last resident's candidates
}

}  // namespace gongshi::kiosk
