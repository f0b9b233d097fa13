#include "app.hpp"

#include <algorithm>
#include <cstdio>

namespace gongshi::kiosk {

namespace {

constexpr Str kWeekdays[] = {Str::weekday_sun, Str::weekday_mon, Str::weekday_tue, Str::weekday_wed,
                             Str::weekday_thu, Str::weekday_fri, Str::weekday_sat};

struct LocalTime {
    Date date;
    int weekday = 0;  // 0 = Sunday
    int minute_of_day = 0;
};

LocalTime local_time(std::int64_t unix, const std::optional<TimeZone>& tz) {
    // Without ICU's zone data, China Standard Time is the best guess for a community kiosk.
    const std::int64_t local = unix + (tz ? tz->offset_seconds_at(unix) : 8 * 3600);
    const std::int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
    LocalTime t;
    t.date = civil_from_days(days);
    t.weekday = static_cast<int>((days % 7 + 11) % 7);  // 1970-01-01 was a Thursday
    t.minute_of_day = static_cast<int>((local - days * 86400) / 60);
    return t;
}

std::string hh_mm(int minute_of_day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
    return buf;
}

// "更新于 09:12" today, "更新于 3月2日 09:12" on an older day: stale data must look stale.
std::string updated_text(const App& app, const LocalTime& now) {
    std::optional<std::int64_t> last = app.models.last_update_unix;
    if (app.sync.last_success_unix && (!last || *app.sync.last_success_unix > *last)) last = app.sync.last_success_unix;
    if (!last) return text(Str::never_updated);
    const LocalTime then = local_time(*last, app.time_zone);
    std::string when = hh_mm(then.minute_of_day);
    if (then.date != now.date)
        when = format(Str::month_day, {std::to_string(then.date.month), std::to_string(then.date.day)}) + " " + when;
    return format(Str::updated_at, {when});
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

std::optional<Action> draw_screen(App& app, Ui& ui, const LocalTime& now) {
    switch (app.stack.back()) {
    case ScreenKind::home:
        return draw_home(app.models, ui);
    case ScreenKind::about: {
        const DeviceInfo device{updated_text(app, now), app.data.path(), app.models.data_version,
                                ImGui::GetIO().DisplaySize};
        return draw_about(app.models, device, ui);
    }
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
    draw_status_bar(make_status_bar(app, now), ui);

    const bool home = app.stack.back() == ScreenKind::home;
    const float nav_height = home ? 0.0f : ui.theme.em(3.2f);
    const ImVec2 content(ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y - nav_height);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ui.theme.em(0.75f), ui.theme.em(0.6f)));
    ImGui::BeginChild("##screen", content, false, ImGuiWindowFlags_AlwaysUseWindowPadding | ImGuiWindowFlags_NoScrollbar);
    std::optional<Action> action = draw_screen(app, ui, now);
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
    if (auto* status = std::get_if<SyncStatus>(&message)) app.sync = std::move(*status);
    if (auto* image = std::get_if<DecodedImage>(&message)) app.images.on_decoded(*image);
}

void reload_models(App& app) {
    app.models = load_view_models(*app.data.cache(), app.clock.unix_seconds());
    app.time_zone = TimeZone::load(app.models.time_zone);
    add_glyphs(app.glyphs, app.models);
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
}

bool prepare_frame(App& app, ImVec2 display_size) {
    for (UiMessage& m : app.queue.take_all()) handle_message(app, m);
    if (app.data.poll()) reload_models(app);

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
    if (update_idle(app.idle, app.config.idle, now, local.minute_of_day, at_clean_home) == IdleEffect::reset_to_home)
        reset_to_home(app);

    app.taps.clear();
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
    if (app.frames_to_draw > 0 || app.scrolls.any_flinging() || !app.queue.empty()) return 0;
    // The clock in the status bar changes on the minute; idle phases have their own deadlines.
    const double to_minute = 60.0 - static_cast<double>(app.clock.unix_seconds() % 60);
    return std::min(to_minute, seconds_until_idle_change(app.idle, app.config.idle, app.clock.seconds()));
}

StatusBarModel status_bar_model(const App& app) {
    return make_status_bar(app, local_time(app.clock.unix_seconds(), app.time_zone));
}

void apply_action(App& app, const Action& action) {
    struct Visitor {
        App& app;
        void operator()(const OpenScreen& a) { app.stack.push_back(a.screen); }
        void operator()(const GoBack&) {
            if (app.stack.size() > 1) app.stack.pop_back();
        }
        void operator()(const GoHome&) { reset_to_home(app); }
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
}

}  // namespace gongshi::kiosk
