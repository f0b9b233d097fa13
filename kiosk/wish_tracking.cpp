#include "wish_tracking.hpp"

#include <algorithm>

#include "app.hpp"

namespace gongshi::kiosk {

namespace {

Str status_label(WishStatus s) {
    switch (s) {
    case WishStatus::pending_review: return Str::track_pending_review;
    case WishStatus::open: return Str::wish_tab_open;
    case WishStatus::claimed: return Str::wish_claimed;
    case WishStatus::fulfilled: return Str::wish_fulfilled;
    case WishStatus::rejected: return Str::track_rejected;
    }
    return Str::track_pending_review;
}

Str status_explanation(WishStatus s) {
    switch (s) {
    case WishStatus::pending_review: return Str::track_explain_pending_review;
    case WishStatus::open: return Str::track_explain_open;
    case WishStatus::claimed: return Str::track_explain_claimed;
    case WishStatus::fulfilled: return Str::track_explain_fulfilled;
    case WishStatus::rejected: return Str::track_explain_rejected;
    }
    return Str::track_explain_pending_review;
}

TrackingModel shown(std::string code) {
    TrackingModel m;
    m.phase = TrackingPhase::shown;
    m.code = std::move(code);
    return m;
}

TrackingModel message(std::string code, Str why) {
    TrackingModel m = shown(std::move(code));
    m.message = why;
    return m;
}

TrackingModel result(const TrackedWish& w, TrackingSource source, std::string as_of) {
    TrackingModel m = shown(w.tracking_code);
    m.source = source;
    m.status = status_label(w.status);
    m.explanation = status_explanation(w.status);
    m.category = w.category;
    m.dates.push_back(format(Str::wish_submitted_on, {local_date_text(w.submitted_at)}));
    if (w.claimed_at) m.dates.push_back(format(Str::wish_claimed_on, {local_date_text(*w.claimed_at)}));
    if (w.fulfilled_at) m.dates.push_back(format(Str::wish_fulfilled_on, {local_date_text(*w.fulfilled_at)}));
    m.as_of = std::move(as_of);
    return m;
}

void show(App& app, TrackingModel m) {
    WishTracking& t = app.wish_tracking;
    ++t.lookup;  // an answer still on its way is no longer awaited
    app.glyphs.add_text(m.category);  // from the server: may hold characters not drawn yet
    for (const std::string& d : m.dates) app.glyphs.add_text(d);
    app.glyphs.add_text(m.as_of);
    t.model = std::move(m);
}

// Offline, or the server did not answer in time: what the last sync brought, and from when.
void show_from_cache(App& app, const std::string& code) {
    const Cache* cache = app.data.cache();
    const std::optional<Wish> wish = cache != nullptr ? cache->wish_by_tracking_code(code) : std::nullopt;
    if (!wish) return show(app, message(code, Str::track_unknown_offline));
    show(app, result(tracked_from(*wish), TrackingSource::cache, status_bar_model(app).updated));
}

void on_answer(App& app, std::uint64_t lookup, const InquiryAnswer& answer) {
    WishTracking& t = app.wish_tracking;
    if (lookup != t.lookup || t.model.phase != TrackingPhase::waiting) return;
    const std::string code = t.model.code;
    if (answer.status == 404) return show(app, message(code, Str::track_unknown));
    if (answer.status == 200)
        if (const auto wish = parse_track_answer(answer.body)) return show(app, result(*wish, TrackingSource::server, {}));
    show_from_cache(app, code);  // no answer, or one we cannot use: the cache still knows something
}

void start_lookup(App& app) {
    WishTracking& t = app.wish_tracking;
    t.ui.lookup_requested = false;
    const std::optional<std::string> code = normalize_tracking_code(t.ui.code.field.text);
    if (!code) return show(app, message({}, Str::track_invalid));
    // Not on the server yet, whatever it would say: saved here, waiting to be sent.
    if (app.outbox && app.outbox->holds_wish(*code)) {
        TrackingModel m = shown(*code);
        m.source = TrackingSource::outbox;
        return show(app, std::move(m));
    }
    if (!app.inquire) return show_from_cache(app, *code);
    TrackingModel waiting;
    waiting.phase = TrackingPhase::waiting;
    waiting.code = *code;
    show(app, std::move(waiting));
    t.waiting_since_s = app.clock.seconds();
    app.inquire(Inquiry{"GET", "/api/v1/track/" + *code, {}},
                [&app, lookup = t.lookup](InquiryAnswer answer) { on_answer(app, lookup, answer); });
}

}  // namespace

void refresh_wish_tracking(App& app) {
    WishTracking& t = app.wish_tracking;
    if (t.ui.lookup_requested) start_lookup(app);
    if (t.model.phase != TrackingPhase::waiting) return;
    if (app.clock.seconds() - t.waiting_since_s >= kTrackingWait_s) return show_from_cache(app, t.model.code);
    app.frames_to_draw = std::max(app.frames_to_draw, 1);  // keep checking the deadline while the resident waits
}

void reset_wish_tracking(WishTracking& tracking) {
    tracking.ui = TrackingUi{};
    tracking.model = TrackingModel{};
    ++tracking.lookup;
}

}  // namespace gongshi::kiosk
