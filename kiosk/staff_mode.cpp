#include "staff_mode.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>

#include "app.hpp"
#include "gongshi/log.hpp"
#include "staff_actions.hpp"
#include "staff_edit.hpp"

namespace gongshi::kiosk {

namespace {

constexpr std::size_t kSyncErrorsKept = 8;
constexpr std::int64_t kOutboxRowsShown = 50;
constexpr double kModelRefreshS = 1.0;  // sync health and uptime move while their screen is open

bool is_staff_screen(ScreenKind s) {
    switch (s) {
    case ScreenKind::staff_home:
    case ScreenKind::staff_notices:
    case ScreenKind::staff_notice_edit:
    case ScreenKind::staff_wish_review:
    case ScreenKind::staff_sync:
    case ScreenKind::staff_device: return true;
    default: return false;
    }
}

double wall_now(const App& app) { return static_cast<double>(app.clock.unix_seconds()); }

void report(Status s, std::string_view what) {
    if (!s) log(LogLevel::error, std::string(what) + ": " + s.error());
}

// ---- login ----

void login_succeeded(App& app, const StaffAccount& account, std::string_view how) {
    StaffLoginUi& ui = app.staff_mode.ui.login;
    ui = StaffLoginUi{};  // nothing typed stays on the pad
    app.staff = StaffSession{account.id, account.name, account.role, app.clock.seconds()};
    report(record_staff_action(app, "login", {}, {}, how), "recording a staff login");
    if (app.stack.back() == ScreenKind::staff_login) app.stack.back() = ScreenKind::staff_home;
    else app.stack.push_back(ScreenKind::staff_home);
    app.glyphs.add_text(account.name);
}

// Every outcome counts in the throttle, also of an attempt whose pad was wiped meanwhile:
// leaving the screen must not be a way to make a wrong guess free.
void finish_attempt(App& app, std::uint64_t attempt, const std::string& staff_id,
                    const std::optional<StaffAccount>& account, std::string_view how) {
    StaffMode& mode = app.staff_mode;
    std::optional<ThrottleBlock> block;
    if (mode.throttle) {
        if (account) {
            report(mode.throttle->record_success(staff_id), "resetting the login throttle");
        } else if (auto b = mode.throttle->record_failure(staff_id, wall_now(app)); b) {
            block = b.value();
        } else {
            report(Status::failure(b.error()), "counting a failed login");
        }
    }
    mode.checking = false;
    if (attempt != mode.attempt) return;  // nobody is waiting on this pad any more
    if (account) return login_succeeded(app, *account, how);
    mode.ui.login.message = Str::staff_login_invalid;
    mode.ui.login.block = block;
}

void start_offline_check(App& app, std::uint64_t attempt, std::string staff_id, std::string pin) {
    std::vector<StaffAccount> accounts;
    if (app.data.cache() != nullptr) accounts = app.data.cache()->staff_accounts();
    StaffMode& mode = app.staff_mode;
    mode.checking = true;
    mode.checking_id = staff_id;
    mode.checking_attempt = attempt;
    // About a second of argon2id: off the UI thread, so the screen keeps saying 正在验证….
    mode.offline_check = std::async(std::launch::async, [accounts = std::move(accounts), staff_id, pin = std::move(pin)] {
        return verify_staff_pin(accounts, staff_id, pin);
    });
}

void on_online_answer(App& app, std::uint64_t attempt, const std::string& staff_id, const std::string& pin,
                      const InquiryAnswer& answer) {
    StaffMode& mode = app.staff_mode;
    const std::optional<OnlineLogin> online = read_login_answer(answer);
    if (!online) {
        // No server answered. A locked account stays locked: only the server may open it.
        const auto block = mode.throttle ? mode.throttle->blocked(staff_id, wall_now(app)) : std::nullopt;
        if (!block) return start_offline_check(app, attempt, staff_id, pin);
        mode.checking = false;
        if (attempt == mode.attempt) mode.ui.login.block = block;
        return;
    }
    switch (online->outcome) {
    case OnlineLogin::Outcome::ok: {
        // The server accepted the PIN: its word clears this kiosk's lock and count.
        StaffAccount account = online->staff;
        return finish_attempt(app, attempt, staff_id, account, "online");
    }
    case OnlineLogin::Outcome::invalid: return finish_attempt(app, attempt, staff_id, std::nullopt, "online");
    case OnlineLogin::Outcome::throttled:
        mode.checking = false;
        if (attempt == mode.attempt) mode.ui.login.block = ThrottleBlock{online->wait_s, false};
        return;
    }
}

void submit_login(App& app) {
    StaffMode& mode = app.staff_mode;
    StaffLoginUi& ui = mode.ui.login;
    if (mode.checking) return;
    const std::string staff_id = ui.staff_id.field.text, pin = ui.pin.field.text;
    ui.message.reset();
    ui.block.reset();
    if (staff_id.empty()) return void(ui.message = Str::staff_login_need_id);
    if (!well_formed_pin(pin)) return void(ui.message = Str::staff_login_short_pin);
    // Without its throttle the kiosk would let a passer-by guess freely: no login at all.
    if (!mode.throttle) return void(ui.message = Str::staff_login_no_outbox);
    const auto block = mode.throttle->blocked(staff_id, wall_now(app));
    // A delay holds every attempt. A lock holds the offline check only: online, the server
    // (which throttles per staff id across all kiosks) decides, and its success clears the lock.
    if (block && (!block->locked || !app.inquire)) return void(ui.block = block);
    ui.pin.clear();
    const std::uint64_t attempt = ++mode.attempt;
    if (!app.inquire) return start_offline_check(app, attempt, staff_id, pin);
    mode.checking = true;
    mode.checking_id = staff_id;
    app.inquire(login_inquiry(app.config.community_id, staff_id, pin),
                [&app, attempt, staff_id, pin](InquiryAnswer answer) { on_online_answer(app, attempt, staff_id, pin, answer); });
}

void poll_offline_check(App& app) {
    StaffMode& mode = app.staff_mode;
    if (!mode.offline_check.valid() ||
        mode.offline_check.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    const std::optional<StaffAccount> account = mode.offline_check.get();
    finish_attempt(app, mode.checking_attempt, mode.checking_id, account, "offline");
}

// ---- commands ----

void set_notice(App& app, bool ok, Str done) { app.staff_mode.ui.notice = ok ? done : Str::staff_command_failed; }

void request_sync(App& app) {
    if (app.sync_now) app.sync_now();
}

void run_command(App& app, const StaffModeCommand& command) {
    struct Visitor {
        App& app;
        void operator()(const staff_cmd::SubmitLogin&) { submit_login(app); }
        void operator()(const staff_cmd::Logout&) {
            end_staff_session(app, "logout");
            reset_to_home(app);
        }
        void operator()(const staff_cmd::SyncNow&) {
            report(record_staff_action(app, "sync_now"), "recording sync now");
            request_sync(app);
            app.staff_mode.ui.notice = app.sync_now ? Str::staff_sync_requested : Str::staff_sync_unavailable;
        }
        void operator()(const staff_cmd::RetryDead& c) {
            const bool ok = app.outbox && app.outbox->retry_dead(c.id, app.clock.unix_seconds()).ok();
            if (ok) {
                report(record_staff_action(app, "retry_dead_letter", "outbox", std::to_string(c.id)), "recording a retry");
                request_sync(app);
            }
            set_notice(app, ok, Str::staff_retry_queued);
        }
        void operator()(const staff_cmd::DiscardDead& c) {
            const auto item = app.outbox ? app.outbox->find(c.id) : std::nullopt;
            const bool ok = item && app.outbox->discard_dead(c.id).ok();
            if (ok)
                report(record_staff_action(app, "discard_dead_letter", "outbox", std::to_string(c.id), item->request.kind),
                       "recording a discard");
            set_notice(app, ok, Str::staff_discarded);
        }
        void operator()(const staff_cmd::Restart&) { exit_app(kExitRestart, "restart"); }
        void operator()(const staff_cmd::Quit&) { exit_app(0, "quit"); }
        void exit_app(int code, std::string_view action) {
            report(record_staff_action(app, action), "recording a maintenance exit");
            app.exit_code = code;
        }
    };
    // Only the login runs without a session.
    if (!app.staff && !std::holds_alternative<staff_cmd::SubmitLogin>(command)) return;
    app.staff_mode.ui.notice.reset();
    std::visit(Visitor{app}, command);
    app.staff_mode.built_at_s = -1;  // what the command changed shows at once
}

// ---- models ----

std::uintmax_t file_bytes(const std::string& path) {
    std::uintmax_t total = 0;
    for (const char* suffix : {"", "-wal"}) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(path + suffix, ec);
        if (!ec) total += size;
    }
    return total;
}

std::string human_bytes(std::uintmax_t bytes) {
    const char* units[] = {"B", "KB", "MB", "GB", "TB"};
    double v = static_cast<double>(bytes);
    std::size_t u = 0;
    while (v >= 1024 && u + 1 < std::size(units)) {
        v /= 1024;
        ++u;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
    return buf;
}

Str kind_label(const std::string& kind) {
    if (kind == "wish") return Str::outbox_kind_wish;
    if (kind == "notice") return Str::outbox_kind_notice;
    if (kind == "notice_edit") return Str::outbox_kind_notice_edit;
    if (kind == "wish_review") return Str::outbox_kind_wish_review;
    return Str::outbox_kind_staff_action;
}

std::vector<OutboxRow> outbox_rows(const App& app, OutboxState state) {
    std::vector<OutboxRow> rows;
    for (const OutboxItem& item : app.outbox->list(state, kOutboxRowsShown)) {
        std::string last = item.last_status ? "HTTP " + std::to_string(*item.last_status) : std::string();
        if (!item.last_error.empty()) last += (last.empty() ? "" : " · ") + item.last_error;
        rows.push_back({item.id, text(kind_label(item.request.kind)), local_minute_text(item.created_at, app.time_zone),
                        item.attempts, std::move(last)});
    }
    return rows;
}

void refresh_models(App& app) {
    StaffMode& mode = app.staff_mode;
    const ScreenKind top = app.stack.back();
    if (top != ScreenKind::staff_sync && top != ScreenKind::staff_device) return;
    if (mode.built_at_s >= 0 && app.clock.seconds() - mode.built_at_s < kModelRefreshS) return;
    mode.built_at_s = app.clock.seconds();
    if (top == ScreenKind::staff_sync) {
        mode.sync_health = build_sync_health(app);
        for (const std::string& e : mode.sync_health.errors) app.glyphs.add_text(e);
        for (const auto* rows : {&mode.sync_health.pending, &mode.sync_health.dead})
            for (const OutboxRow& r : *rows) app.glyphs.add_text(r.last);
    } else {
        mode.device = build_device_facts(app);
        for (const DeviceFact& f : mode.device) app.glyphs.add_text(f.value);
    }
}

}  // namespace

void open_staff_mode(App& app) {
    app.staff_mode.started_s = app.clock.seconds();
    if (!app.outbox) return;
    auto throttle = LoginThrottle::open(app.outbox->db(), app.config.staff.throttle);
    if (throttle) app.staff_mode.throttle.emplace(std::move(throttle.value()));
    else log(LogLevel::error, throttle.error() + ": staff login disabled");
}

void update_staff_mode(App& app) {
    poll_offline_check(app);
    // Two minutes without a touch end staff mode, whatever the public idle timers do.
    if (app.staff && app.clock.seconds() - app.idle.last_input_s >= app.config.staff.idle_logout_s) {
        end_staff_session(app, "idle");
        reset_to_home(app);
    }
    // No staff screen without a session (it ended under another screen of the stack).
    if (!app.staff && std::any_of(app.stack.begin(), app.stack.end(), is_staff_screen)) reset_to_home(app);
    if (auto command = std::exchange(app.staff_mode.ui.command, std::nullopt)) run_command(app, *command);
    refresh_models(app);
}

void end_staff_session(App& app, std::string_view reason) {
    if (!app.staff) return;
    report(record_staff_action(app, "logout", {}, {}, reason), "recording a staff logout");
    app.staff.reset();
}

void note_sync_status(StaffMode& mode, const SyncStatus& status, std::int64_t now_unix) {
    if (status.last_error.empty()) return;
    if (!mode.sync_errors.empty() && mode.sync_errors.front().error == status.last_error) return;
    mode.sync_errors.push_front({now_unix, status.last_error});
    if (mode.sync_errors.size() > kSyncErrorsKept) mode.sync_errors.pop_back();
}

bool staff_mode_busy(const App& app) { return app.staff_mode.offline_check.valid(); }

double seconds_until_staff_logout(const App& app) {
    if (!app.staff) return std::numeric_limits<double>::infinity();
    return std::max(0.0, app.idle.last_input_s + app.config.staff.idle_logout_s - app.clock.seconds());
}

SyncHealthModel build_sync_health(const App& app) {
    SyncHealthModel m;
    using C = SyncStatus::Connection;
    m.connection = text(app.sync.connection == C::online    ? Str::sync_online
                        : app.sync.connection == C::offline ? Str::sync_offline
                                                            : Str::sync_no_server);
    std::optional<std::int64_t> last = app.models.last_update_unix;
    if (app.sync.last_success_unix && (!last || *app.sync.last_success_unix > *last)) last = app.sync.last_success_unix;
    m.last_success = last ? local_minute_text(*last, app.time_zone) : text(Str::sync_never);
    m.paused = app.sync.auth_alert;
    for (const SyncErrorEntry& e : app.staff_mode.sync_errors)
        m.errors.push_back(local_minute_text(e.at_unix, app.time_zone) + " " + e.error);
    if (app.outbox) {
        m.pending = outbox_rows(app, OutboxState::pending);
        m.dead = outbox_rows(app, OutboxState::dead);
    } else {
        m.outbox_error = app.outbox_error;
    }
    m.can_sync_now = static_cast<bool>(app.sync_now);
    return m;
}

DeviceFactsModel build_device_facts(const App& app) {
    const auto up = static_cast<std::int64_t>(app.clock.seconds() - app.staff_mode.started_s);
    const std::string uptime =
        format(Str::device_uptime_value, {std::to_string(up / 86400), std::to_string(up / 3600 % 24), std::to_string(up / 60 % 60)});
    std::error_code ec;
    const auto dir = std::filesystem::absolute(app.config.cache_path, ec).parent_path();
    const auto space = std::filesystem::space(dir, ec);
    const std::string free = ec ? text(Str::device_unknown) : human_bytes(space.available);
    const std::string unknown = text(Str::device_unknown);
    std::string community = app.models.community_name.empty() ? unknown : app.models.community_name;
    if (!app.config.community_id.empty()) community += " (" + app.config.community_id + ")";
    return {
        {Str::device_version, GONGSHI_VERSION},
        {Str::device_uptime, uptime},
        {Str::device_cache, human_bytes(file_bytes(app.config.cache_path))},
        {Str::device_outbox, human_bytes(file_bytes(app.config.outbox_path()))},
        {Str::device_free_disk, free},
        {Str::device_server, app.config.server_url.empty() ? unknown : app.config.server_url},
        {Str::device_community, community},
        {Str::device_kiosk_code, app.kiosk_code.value_or(unknown)},
    };
}

}  // namespace gongshi::kiosk
