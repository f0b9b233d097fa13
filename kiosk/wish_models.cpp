// View models of the wish screens, built on the UI thread from the cache's read queries, and the
// submission of the posting form into the outbox.
#include <algorithm>

#include "app.hpp"
#include "gongshi/log.hpp"
#include "local_time.hpp"
#include "wish_screens.hpp"

namespace gongshi::kiosk {

namespace {

bool on_stack(const std::vector<ScreenKind>& stack, ScreenKind screen) {
    return std::find(stack.begin(), stack.end(), screen) != stack.end();
}

bool same_board(const WishBoardUi& a, const WishBoardUi& b) {
    return a.tab == b.tab && a.category == b.category && a.estate_id == b.estate_id;
}

WishStatus tab_status(WishTab tab) {
    switch (tab) {
    case WishTab::open: return WishStatus::open;
    case WishTab::claimed: return WishStatus::claimed;
    case WishTab::fulfilled: return WishStatus::fulfilled;
    }
    return WishStatus::open;
}

WishCard make_card(WishView view, const std::string& claim_pattern) {
    WishCard card;
    const Wish& w = view.wish;
    card.submitted = local_date_text(w.submitted_at);
    if (w.claimed_at) card.claimed = local_date_text(*w.claimed_at);
    if (w.fulfilled_at) card.fulfilled = local_date_text(*w.fulfilled_at);
    if (w.status == WishStatus::open) {
        card.claim_url = fill_pattern(claim_pattern, "{wish_id}", w.id);
        card.qr = encode_qr(card.claim_url).value_or(QrCode{});
    }
    card.view = std::move(view);
    return card;
}

WishBoardModel build_board(const Cache& cache, const WishBoardUi& ui, const KioskConfig& config, GlyphSet& glyphs) {
    WishBoardModel m;
    m.built_for = ui;
    const WishFilter filter = board_query(ui);
    m.total = cache.wish_count(filter);
    for (WishView& v : cache.wishes(filter)) m.cards.push_back(make_card(std::move(v), config.wish_claim_url_pattern));
    for (const std::string& c : wish_categories(cache.community(), config)) m.categories.push_back({c, c});
    for (const Grid& g : cache.grids())
        if (!g.parent_id) m.estates.push_back({g.id, g.name});
    for (const WishCard& c : m.cards)
        for (const std::string* s : {&c.view.wish.text, &c.view.wish.category, &c.view.wish.display_name_masked,
                                     &c.view.grid_name, &c.view.claimed_by_name, &c.submitted, &c.claimed, &c.fulfilled})
            glyphs.add_text(*s);
    for (const auto* list : {&m.categories, &m.estates})
        for (const Choice& c : *list) glyphs.add_text(c.label);
    return m;
}

// Each estate followed by its buildings, so a resident finds their building under its estate.
std::vector<Choice> places_of(const std::vector<Grid>& grids) {
    std::vector<Choice> out;
    for (const Grid& estate : grids) {
        if (estate.parent_id) continue;
        out.push_back({estate.id, estate.name});
        for (const Grid& g : grids)
            if (g.parent_id == estate.id) out.push_back({g.id, g.name});
    }
    return out;
}

WishFlowModel build_flow(const Cache& cache, const KioskConfig& config, GlyphSet& glyphs) {
    WishFlowModel m;
    m.built = true;
    m.categories = wish_categories(cache.community(), config);
    m.places = places_of(cache.grids());
    for (const std::string& c : m.categories) {
        glyphs.add_text(c);
        glyphs.add_text(text(wish_phrases_for(c)));
        m.phrases.push_back(split_list(wish_phrases_for(c)));
    }
    for (const Choice& p : m.places) {
        glyphs.add_text(p.label);
        m.place_labels.push_back(p.label);
    }
    return m;
}

// A code this kiosk already handed out: in the cache once synced, in the outbox until then.
bool code_taken(const Cache* cache, const Outbox& outbox, std::string_view code) {
    return outbox.holds_wish(code) || (cache != nullptr && cache->wish_by_tracking_code(std::string(code)));
}

// The community the outbox row is for: the configured one (the token's), else the cache's.
std::string community_id(const App& app) {
    if (!app.config.community_id.empty() || app.data.cache() == nullptr) return app.config.community_id;
    const auto community = app.data.cache()->community();
    return community ? community->id : std::string();
}

}  // namespace

std::string WishForm::phone_digits() const {
    return phone_choice == PhoneChoice::given ? phone.field.text : std::string();
}

std::vector<std::string> wish_categories(const std::optional<Community>& community, const KioskConfig& config) {
    if (community && !community->wish_categories.empty()) return community->wish_categories;
    if (!config.wish_categories.empty()) return config.wish_categories;
    return split_list(Str::wish_default_categories);
}

WishFilter board_query(const WishBoardUi& ui) {
    WishFilter f;  // its default statuses are the public ones; one tab narrows them to one
    f.statuses = {tab_status(ui.tab)};
    f.category = ui.category;
    f.grid_id = ui.estate_id;
    return f;
}

void refresh_wish_models(WishModels& models, const WishScreensUi& ui, const Cache& cache,
                         const std::vector<ScreenKind>& stack, const KioskConfig& config,
                         std::optional<Str> blocked, GlyphSet& glyphs) {
    const std::int64_t version = cache.data_version();
    const bool data_moved = version != models.data_version;
    models.data_version = version;
    if (on_stack(stack, ScreenKind::wishes) &&
        (data_moved || !models.board.built_for || !same_board(*models.board.built_for, ui.board)))
        models.board = build_board(cache, ui.board, config, glyphs);
    if (on_stack(stack, ScreenKind::wish_post)) {
        if (data_moved || !models.flow.built) models.flow = build_flow(cache, config, glyphs);
        models.flow.blocked = models.flow.places.empty() && !blocked ? std::optional(Str::wish_no_places) : blocked;
    }
}

std::optional<Str> wish_flow_blocked(const App& app) {
    if (!app.outbox) return Str::wish_no_outbox;
    if (!app.kiosk_code) return Str::wish_no_kiosk_code;
    return std::nullopt;
}

namespace {

// How the flow words each reason submit_wish gives.
Str problem_text(WishProblem problem) {
    switch (problem) {
    case WishProblem::no_kiosk_code: return Str::wish_no_kiosk_code;
    case WishProblem::no_category: return Str::wish_need_category;
    case WishProblem::no_grid: return Str::wish_need_place;
    case WishProblem::bad_phone: return Str::wish_need_phone;
    case WishProblem::unreadable_text: return Str::wish_unreadable;
    case WishProblem::text_too_short:
    case WishProblem::text_too_long: return Str::wish_need_text;
    case WishProblem::name_too_long: return Str::wish_name_too_long;
    case WishProblem::no_free_code: return Str::wish_no_free_code;
    case WishProblem::none:
    case WishProblem::not_saved: break;
    }
    return Str::wish_not_saved;
}

}  // namespace

void submit_wish_form(App& app) {
    WishScreensUi& s = app.wish_screens.ui;
    if (const auto blocked = wish_flow_blocked(app)) {
        s.form.error = text(*blocked);
        return;
    }
    const WishForm& f = s.form;
    const WishDraft draft{f.category, f.text.field.text, f.grid_id, f.name.field.text, f.phone_digits()};
    const std::int64_t now = app.clock.unix_seconds();
    const Cache* cache = app.data.cache();
    const Outbox& outbox = *app.outbox;
    auto done = submit_wish(*app.outbox, draft, community_id(app), *app.kiosk_code, local_timestamp(now, app.time_zone),
                            [&](std::string_view code) { return code_taken(cache, outbox, code); });
    if (!done) {
        log(LogLevel::warning, std::string("wish not queued: ") + done.error());  // the reason, never the text
        s.form.error = text(problem_text(done.problem));  // the form stays: nothing typed is lost
        return;
    }
    // Saved: forget what was typed at once, keep only what the resident must take away.
    WishReceipt receipt{done->tracking_code, fill_pattern(app.config.wish_status_url_pattern, "{code}", done->tracking_code), {}};
    receipt.qr = encode_qr(receipt.status_url).value_or(QrCode{});
    app.glyphs.add_text(receipt.tracking_code);
    s.form = WishForm{};
    s.form.step = WishStep::done;
    s.receipt = std::move(receipt);
    app.pinyin.reset_for_next_user();
}

}  // namespace gongshi::kiosk
