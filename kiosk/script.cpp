#include "script.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>

#include "keyboard.hpp"  // kPadTapLabel
#include "process_stats.hpp"
#include "random_walk.hpp"

namespace gongshi::kiosk {

namespace {

std::vector<std::string_view> split_words(std::string_view line) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
        if (i > start) words.push_back(line.substr(start, i - start));
    }
    return words;
}

template <class T>
std::optional<T> number(std::string_view word) {
    T v{};
    const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), v);
    if (ec != std::errc{} || end != word.data() + word.size()) return std::nullopt;
    return v;
}

// Everything after the command word, as one label (labels may contain spaces).
std::string rest_of(std::string_view line, std::string_view command) {
    const auto start = line.find(command) + command.size();
    const auto first = line.find_first_not_of(" \t", start);
    const auto last = line.find_last_not_of(" \t\r");
    return first == std::string_view::npos ? std::string() : std::string(line.substr(first, last - first + 1));
}

Result<StepAction> parse_action(std::string_view line) {
    using R = Result<StepAction>;
    const auto w = split_words(line);
    const std::string_view cmd = w[0];
    auto need = [&](std::size_t n, const char* usage) -> std::optional<R> {
        if (w.size() != n + 1) return R::failure(std::string("usage: ") + usage);
        return std::nullopt;
    };
    auto bad_number = [](std::string_view word) { return R::failure("not a number: " + std::string(word)); };

    if (cmd == "tap") {
        if (w.size() < 2) return R::failure("usage: tap LABEL [N]");
        // A trailing number picks among several targets with the same label.
        if (w.size() >= 3)
            if (auto nth = number<int>(w.back()); nth && *nth >= 1) {
                std::string label = rest_of(line, "tap");
                label = label.substr(0, label.rfind(w.back()));
                label.erase(label.find_last_not_of(" \t") + 1);
                return StepAction{step::Tap{label, *nth}};
            }
        return StepAction{step::Tap{rest_of(line, "tap"), 1}};
    }
    if (cmd == "press") {
        if (w.size() < 3) return R::failure("usage: press LABEL MS");
        const auto ms = number<double>(w.back());
        if (!ms || *ms < 0) return bad_number(w.back());
        std::string label = rest_of(line, "press");
        label = label.substr(0, label.rfind(w.back()));
        label.erase(label.find_last_not_of(" \t") + 1);
        return StepAction{step::Press{label, *ms}};
    }
    if (cmd == "tap-at") {
        if (auto e = need(2, "tap-at X Y")) return *e;
        const auto x = number<float>(w[1]), y = number<float>(w[2]);
        if (!x || !y) return bad_number(!x ? w[1] : w[2]);
        return StepAction{step::TapAt{ImVec2(*x, *y)}};
    }
    if (cmd == "drag") {
        if (auto e = need(5, "drag X1 Y1 X2 Y2 MS")) return *e;
        float v[5];
        for (std::size_t i = 0; i < 5; ++i) {
            const auto n = number<float>(w[i + 1]);
            if (!n) return bad_number(w[i + 1]);
            v[i] = *n;
        }
        return StepAction{step::Drag{ImVec2(v[0], v[1]), ImVec2(v[2], v[3]), v[4]}};
    }
    if (cmd == "stroke") {
        if (w.size() < 3) return R::failure("usage: stroke X,Y X,Y ... (at least two points, fractions of the pad)");
        step::Stroke stroke;
        for (std::size_t i = 1; i < w.size(); ++i) {
            const std::size_t comma = w[i].find(',');
            const auto x = number<float>(w[i].substr(0, comma));
            const auto y = comma == std::string_view::npos ? std::nullopt : number<float>(w[i].substr(comma + 1));
            if (!x || !y || *x < 0 || *x > 1 || *y < 0 || *y > 1)
                return R::failure("not a point X,Y between 0 and 1: " + std::string(w[i]));
            stroke.points.emplace_back(*x, *y);
        }
        return StepAction{std::move(stroke)};
    }
    if (cmd == "keys") {
        const std::string letters = rest_of(line, "keys");
        if (letters.empty()) return R::failure("usage: keys LETTERS");
        return StepAction{step::Keys{letters}};
    }
    if (cmd == "candidate" || cmd == "wait" || cmd == "idle") {
        if (auto e = need(1, cmd == "candidate" ? "candidate N" : cmd == "wait" ? "wait MS" : "idle SECONDS")) return *e;
        const auto n = number<double>(w[1]);
        if (!n || *n < 0) return bad_number(w[1]);
        if (cmd == "wait") return StepAction{step::Wait{*n}};
        if (cmd == "idle") return StepAction{step::Idle{*n}};
        if (*n < 1) return R::failure("candidates count from 1");
        return StepAction{step::Candidate{static_cast<int>(*n)}};
    }
    if (cmd == "screenshot") {
        if (auto e = need(1, "screenshot NAME")) return *e;
        if (w[1].find('/') != std::string_view::npos) return R::failure("a screenshot name is a file name, not a path");
        return StepAction{step::Screenshot{std::string(w[1])}};
    }
    if (cmd == "expect") {
        const std::string label = rest_of(line, "expect");
        if (label.empty()) return R::failure("usage: expect LABEL");
        return StepAction{step::Expect{label}};
    }
    if (cmd == "walk") {
        if (auto e = need(2, "walk N SEED")) return *e;
        const auto n = number<int>(w[1]);
        const auto seed = number<std::uint32_t>(w[2]);
        if (!n || *n < 0) return bad_number(w[1]);
        if (!seed) return bad_number(w[2]);
        return StepAction{step::Walk{*n, *seed}};
    }
    if (cmd == "stats") {
        if (auto e = need(1, "stats NAME")) return *e;
        return StepAction{step::Stats{std::string(w[1])}};
    }
    return R::failure("unknown step \"" + std::string(cmd) + "\"");
}

std::string list_labels(const TapRegistry& taps) {
    std::string out;
    for (const std::string& label : taps.visible_labels()) out += (out.empty() ? "" : ", ") + label;
    return out.empty() ? "nothing" : out;
}

Status press_keys(FrameDriver& d, const std::string& letters) {
    if (d.taps().visible(TapKind::key).empty()) return Status::failure("no on-screen keyboard on this screen");
    for (char ch : letters) {
        const std::string label = ch == ' ' ? "space" : std::string(1, ch);
        const Tappable* key = nullptr;
        for (const Tappable* t : d.taps().visible(TapKind::key))
            if (t->label == label) key = t;
        if (key == nullptr) return Status::failure("no key \"" + label + "\" on the keyboard");
        tap_at(d, key->center());
    }
    return success();
}

Status pick_candidate(FrameDriver& d, int nth) {
    const auto candidates = d.taps().visible(TapKind::candidate);
    if (candidates.empty()) return Status::failure("no input-method candidates on this screen");
    if (nth > static_cast<int>(candidates.size()))
        return Status::failure("only " + std::to_string(candidates.size()) + " candidates visible");
    tap_at(d, candidates[static_cast<std::size_t>(nth - 1)]->center());
    return success();
}

Status stroke_on_pad(FrameDriver& d, const std::vector<ImVec2>& fractions) {
    const Tappable* pad = d.taps().find(kPadTapLabel);
    if (pad == nullptr) return Status::failure("no handwriting pad on this screen");
    std::vector<ImVec2> points;
    for (const ImVec2& f : fractions)
        points.emplace_back(pad->min.x + f.x * (pad->max.x - pad->min.x), pad->min.y + f.y * (pad->max.y - pad->min.y));
    stroke(d, points);
    return success();
}

Status run_step(const Step& s, FrameDriver& d) {
    struct Visitor {
        FrameDriver& d;
        Status operator()(const step::Tap& t) { return tap(d, t.label, t.nth); }
        Status operator()(const step::TapAt& t) { tap_at(d, t.pos); return success(); }
        Status operator()(const step::Press& t) { return press(d, t.label, t.ms); }
        Status operator()(const step::Drag& t) { drag(d, t.from, t.to, t.ms); return success(); }
        Status operator()(const step::Keys& t) { return press_keys(d, t.letters); }
        Status operator()(const step::Stroke& t) { return stroke_on_pad(d, t.points); }
        Status operator()(const step::Candidate& t) { return pick_candidate(d, t.nth); }
        Status operator()(const step::Wait& t) { wait(d, t.ms); return success(); }
        Status operator()(const step::Idle& t) { idle(d, t.seconds); return success(); }
        Status operator()(const step::Screenshot& t) { return d.screenshot(t.name); }
        Status operator()(const step::Expect& t) {
            if (d.taps().find(t.label) != nullptr) return success();
            return Status::failure("\"" + t.label + "\" is not on screen (visible: " + list_labels(d.taps()) + ")");
        }
        Status operator()(const step::Walk& t) {
            WalkReport report;
            random_walk(d, t.interactions, t.seed, report);
            std::cout << "WALK " << report.interactions() << " interactions, " << report.labels_tapped.size()
                      << " distinct targets tapped" << std::endl;
            return success();
        }
        Status operator()(const step::Stats& t) {
            std::cout << stats_line(t.name, current_process_stats(), d.live_textures()) << std::endl;
            return success();
        }
    };
    return std::visit(Visitor{d}, s.action);
}

}  // namespace

Result<Script> parse_script(std::string_view text, std::string name) {
    Script script{std::move(name), {}};
    int line_no = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line[first] == '#') continue;
        auto action = parse_action(line);
        if (!action)
            return Result<Script>::failure(script.name + ":" + std::to_string(line_no) + ": " + action.error());
        script.steps.push_back(Step{line_no, std::string(line.substr(first)), std::move(action.value())});
    }
    return script;
}

Result<Script> load_script(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Result<Script>::failure("cannot read script " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return parse_script(text.str(), path);
}

void tap_at(FrameDriver& d, ImVec2 pos) {
    d.frame(PointerInput{pos, true});
    d.frame(PointerInput{pos, false});
    d.frame(std::nullopt);  // the finger is gone; the screen the tap opened is drawn
}

Status tap(FrameDriver& d, std::string_view label, int nth) {
    const Tappable* target = d.taps().find(label, nth);
    if (target == nullptr)
        return Status::failure("no \"" + std::string(label) + "\"" + (nth > 1 ? " #" + std::to_string(nth) : "") +
                               " on screen (visible: " + list_labels(d.taps()) + ")");
    tap_at(d, target->center());
    return success();
}

Status press(FrameDriver& d, std::string_view label, double ms) {
    const Tappable* target = d.taps().find(label);
    if (target == nullptr)
        return Status::failure("no \"" + std::string(label) + "\" on screen (visible: " + list_labels(d.taps()) + ")");
    const ImVec2 at = target->center();
    const double until = d.clock().seconds() + ms / 1000.0;
    do d.frame(PointerInput{at, true});
    while (d.clock().seconds() < until);
    d.frame(PointerInput{at, false});
    d.frame(std::nullopt);
    return success();
}

void drag(FrameDriver& d, ImVec2 from, ImVec2 to, double ms) {
    // Follows the clock, not a frame count, so the fling speed is the same at any frame rate.
    const double start = d.clock().seconds(), duration = ms / 1000.0;
    d.frame(PointerInput{from, true});
    for (;;) {
        const double t = duration > 0 ? std::min(1.0, (d.clock().seconds() - start) / duration) : 1.0;
        const float f = static_cast<float>(t);
        d.frame(PointerInput{ImVec2(from.x + (to.x - from.x) * f, from.y + (to.y - from.y) * f), true});
        if (t >= 1.0) break;
    }
    d.frame(PointerInput{to, false});
    d.frame(std::nullopt);
}

void stroke(FrameDriver& d, const std::vector<ImVec2>& points) {
    if (points.empty()) return;
    constexpr float kPxPerFrame = 8.0f;  // ~480 px/s at 60 frames a second: an unhurried hand
    d.frame(PointerInput{points.front(), true});
    for (std::size_t i = 1; i < points.size(); ++i) {
        const ImVec2 a = points[i - 1], b = points[i];
        const float length = std::hypot(b.x - a.x, b.y - a.y);
        const int frames = std::max(1, static_cast<int>(std::ceil(length / kPxPerFrame)));
        for (int f = 1; f <= frames; ++f) {
            const float t = static_cast<float>(f) / static_cast<float>(frames);
            d.frame(PointerInput{ImVec2(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t), true});
        }
    }
    d.frame(PointerInput{points.back(), false});
    d.frame(std::nullopt);
}

void wait(FrameDriver& d, double ms) {
    const double until = d.clock().seconds() + ms / 1000.0;
    do d.frame(std::nullopt);
    while (d.clock().seconds() < until);
}

void idle(FrameDriver& d, double seconds) {
    d.clock().advance(seconds);
    d.frame(std::nullopt);  // the idle state moves on
    d.frame(std::nullopt);  // and the screen shows it
}

Status run_script(const Script& script, FrameDriver& d) {
    for (const Step& s : script.steps)
        if (auto done = run_step(s, d); !done)
            return Status::failure(script.name + ":" + std::to_string(s.line) + ": " + s.text + ": " + done.error());
    return success();
}

}  // namespace gongshi::kiosk
