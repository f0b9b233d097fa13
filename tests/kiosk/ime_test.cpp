// The on-screen keyboard's engines without a UI: pinyin through librime (deployment, keys,
// candidate pages, privacy between residents) and handwriting through Zinnia.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "handwriting.hpp"
#include "handwriting_worker.hpp"
#include "pinyin_engine.hpp"

namespace gongshi::ime::test {
namespace {

namespace fs = std::filesystem;

// librime's setup (glog) may run once per process and one engine may be alive at a time; the
// library enforces both. gtest_discover_tests runs each test in its own process, but a plain
// run of the binary runs them all in one: this environment gives that process one scratch root,
// and every test its own user folder below it.
class ImeEnvironment : public ::testing::Environment {
public:
    static const fs::path& root() { return root_; }
    void SetUp() override {
        root_ = fs::temp_directory_path() / ("gongshi-ime-test-" + std::to_string(::getpid()));
        fs::remove_all(root_);
        fs::create_directories(root_);
    }
    void TearDown() override { fs::remove_all(root_); }

private:
    static inline fs::path root_;
};
[[maybe_unused]] const auto* const kEnvironment = ::testing::AddGlobalTestEnvironment(new ImeEnvironment);

fs::path test_folder() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    fs::path dir = ImeEnvironment::root() / (std::string(info->test_suite_name()) + "." + info->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

Snapshot type(PinyinEngine& engine, std::string_view letters) {
    Snapshot s;
    for (char c : letters) {
        s = engine.press(c);
        EXPECT_TRUE(s.handled) << "key '" << c << "' of " << letters;
    }
    return s;
}

std::vector<std::string> texts(const Snapshot& s) {
    std::vector<std::string> out;
    for (const Candidate& c : s.candidates) out.push_back(c.text);
    return out;
}

std::string joined(const Snapshot& s) {
    std::string out;
    for (const Candidate& c : s.candidates) out += c.text + " ";
    return out;
}

// Finds `text` on the visible page or a later one and picks it, the way a resident would:
// nothing depends on where the dictionary happens to rank it.
Snapshot pick_text(PinyinEngine& engine, const std::string& text) {
    Snapshot s = engine.snapshot();
    for (int pages = 0; pages < 10; ++pages) {
        for (std::size_t i = 0; i < s.candidates.size(); ++i) {
            if (s.candidates[i].text == text) return engine.pick(static_cast<int>(i));
        }
        if (s.is_last_page) break;
        s = engine.page_down();
    }
    ADD_FAILURE() << text << " is not among the candidates for " << s.preedit;
    return s;
}

class Pinyin : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(engine_.deploy()) << engine_.error(); }
    const fs::path dir_ = test_folder();
    PinyinEngine engine_{dir_};
};

// --- deployment ---

TEST(PinyinDeploy, FreshFolderDeploysAndSecondStartReusesIt) {
    const fs::path dir = test_folder();
    const fs::path prism = dir / "build" / "luna_pinyin_simp.prism.bin";
    double first = 0;
    fs::file_time_type built;
    {
        PinyinEngine engine(dir);
        ASSERT_TRUE(engine.deploy()) << engine.error();
        first = engine.deploy_time().count();
        ASSERT_TRUE(fs::exists(prism));
        built = fs::last_write_time(prism);
    }
    // Only the simplified schema is built: with the stock list and more rime-data packages
    // installed, deployment took ~8 s.
    std::set<std::string> schemas;
    for (const auto& entry : fs::directory_iterator(dir / "build")) {
        const std::string name = entry.path().filename().string();
        if (name.ends_with(".schema.yaml")) schemas.insert(name);
    }
    EXPECT_EQ(schemas, std::set<std::string>{"luna_pinyin_simp.schema.yaml"});

    PinyinEngine again(dir);
    ASSERT_TRUE(again.deploy()) << again.error();
    const double second = again.deploy_time().count();
    EXPECT_EQ(fs::last_write_time(prism), built) << "the second start rebuilt the tables";
    EXPECT_EQ(again.press('n').candidates.size(), static_cast<std::size_t>(kCandidatesPerPage));

    std::cout << "deploy: first start " << first << " s, second start " << second << " s\n";
    RecordProperty("first_start_ms", static_cast<int>(std::lround(first * 1000)));
    RecordProperty("second_start_ms", static_cast<int>(std::lround(second * 1000)));
    EXPECT_LT(first, 3.0) << "well under a second on an idle machine";
}

TEST(PinyinDeploy, AsyncDeployLetsTheCallerPollWhileKeysAreRefused) {
    PinyinEngine engine(test_folder());
    EXPECT_EQ(engine.state(), DeployState::not_started);
    EXPECT_FALSE(engine.press('n').handled);
    engine.start_deploy();
    EXPECT_EQ(engine.state(), DeployState::deploying);
    int polls = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!engine.ready() && engine.state() == DeployState::deploying && std::chrono::steady_clock::now() < deadline) {
        EXPECT_FALSE(engine.press('n').handled) << "a key before ready() must be left to the caller";
        ++polls;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ASSERT_EQ(engine.state(), DeployState::ready) << engine.error();
    std::cout << "async deploy: " << polls << " polls, " << engine.deploy_time().count() << " s\n";
    EXPECT_EQ(texts(type(engine, "nihao")).front(), "你好");
}

TEST(PinyinDeploy, MissingRimeDataFailsWithThePackageName) {
    const fs::path dir = test_folder();
    const fs::path empty_shared = dir / "shared";
    fs::create_directories(empty_shared);
    PinyinEngine engine(dir / "user", empty_shared);
    EXPECT_FALSE(engine.deploy());
    EXPECT_EQ(engine.state(), DeployState::failed);
    EXPECT_NE(engine.error().find("rime-prelude"), std::string::npos) << engine.error();
    EXPECT_FALSE(engine.press('a').handled);
}

TEST(PinyinDeploy, BrokenRimeDataFailsAfterTheDeployerSaysSo) {
    const fs::path dir = test_folder();
    const fs::path broken_shared = dir / "shared";
    fs::create_directories(broken_shared);
    for (const char* name : {"default.yaml", "essay.txt", "luna_pinyin_simp.schema.yaml", "luna_pinyin.dict.yaml"}) {
        std::ofstream(broken_shared / name) << "";
    }
    PinyinEngine engine(dir / "user", broken_shared);
    EXPECT_FALSE(engine.deploy());
    EXPECT_EQ(engine.state(), DeployState::failed);
    EXPECT_NE(engine.error().find("deployment failed"), std::string::npos) << engine.error();

    PinyinEngine next(dir / "good");  // a failed engine releases librime for the next one
    EXPECT_TRUE(next.deploy()) << next.error();
}

TEST(PinyinDeploy, OnlyOneEnginePerProcess) {
    const fs::path dir = test_folder();
    PinyinEngine first(dir / "a");
    ASSERT_TRUE(first.deploy()) << first.error();
    PinyinEngine second(dir / "b");
    EXPECT_FALSE(second.deploy());
    EXPECT_NE(second.error().find("already running"), std::string::npos) << second.error();
    EXPECT_TRUE(first.press('a').handled) << "the failed second engine must not disturb the first";
}

// --- typing ---

TEST_F(Pinyin, NihaoOffersNihaoFirst) {
    const Snapshot s = type(engine_, "nihao");
    EXPECT_EQ(s.preedit, "ni hao");
    ASSERT_EQ(s.candidates.size(), static_cast<std::size_t>(kCandidatesPerPage));
    EXPECT_EQ(s.candidates.front().text, "你好");
    EXPECT_EQ(s.page, 0);
    EXPECT_FALSE(s.is_last_page);
    std::cout << "nihao: " << joined(s) << "\n";
}

TEST_F(Pinyin, OutputIsSimplifiedChinese) {
    Snapshot s = type(engine_, "shuilongtou");
    std::cout << "shuilongtou: " << joined(s) << "\n";
    EXPECT_EQ(s.candidates.front().text, "水龙头");
    engine_.clear();
    s = type(engine_, "xiuli");
    std::cout << "xiuli: " << joined(s) << "\n";
    EXPECT_EQ(s.candidates.front().text, "修理");
    for (const Candidate& c : s.candidates) EXPECT_EQ(c.text.find("脩"), std::string::npos) << "traditional: " << c.text;
}

TEST_F(Pinyin, TypesXiulishuilongtouKeyByKeyAndPicks) {
    Snapshot s = type(engine_, "xiulishuilongtou");
    EXPECT_EQ(s.preedit, "xiu li shui long tou");
    std::cout << "xiulishuilongtou: " << joined(s) << "\n";
    s = pick_text(engine_, "修理");
    EXPECT_TRUE(s.handled);
    EXPECT_EQ(s.committed, "") << "a partial pick keeps composing the rest";
    EXPECT_EQ(s.preedit.rfind("修理", 0), 0u) << s.preedit;
    std::cout << "after 修理: " << s.preedit << " | " << joined(s) << "\n";
    s = pick_text(engine_, "水龙头");
    EXPECT_EQ(s.committed, "修理水龙头");
    EXPECT_FALSE(s.composing());
    EXPECT_TRUE(s.candidates.empty());
}

TEST_F(Pinyin, BackspaceEditsTheCompositionFirst) {
    type(engine_, "nihao");
    Snapshot s = engine_.backspace();
    EXPECT_TRUE(s.handled);
    EXPECT_EQ(s.preedit, "ni ha");
    EXPECT_EQ(s.committed, "");
    for (int i = 0; i < 4; ++i) s = engine_.backspace();
    EXPECT_TRUE(s.handled);
    EXPECT_FALSE(s.composing());
    EXPECT_TRUE(s.candidates.empty());
    s = engine_.backspace();
    EXPECT_FALSE(s.handled) << "nothing composed: the caller deletes from its own text";
}

TEST_F(Pinyin, SpaceCommitsTheFirstCandidate) {
    EXPECT_FALSE(engine_.space().handled) << "nothing composed: the caller decides what a space means";
    const Snapshot typed = type(engine_, "xiuli");
    const Snapshot s = engine_.space();
    EXPECT_TRUE(s.handled);
    EXPECT_EQ(s.committed, typed.candidates.front().text);
    EXPECT_FALSE(s.composing());
}

TEST_F(Pinyin, PagesThroughTheCandidates) {
    const Snapshot first = type(engine_, "shi");
    ASSERT_EQ(first.page, 0);
    ASSERT_FALSE(first.is_last_page);
    const Snapshot still_first = engine_.page_up();
    EXPECT_EQ(still_first.page, 0);
    EXPECT_EQ(texts(still_first), texts(first));

    const Snapshot second = engine_.page_down();
    EXPECT_TRUE(second.handled);
    EXPECT_EQ(second.page, 1);
    ASSERT_EQ(second.candidates.size(), static_cast<std::size_t>(kCandidatesPerPage));
    const std::vector<std::string> first_page = texts(first);
    for (const std::string& t : texts(second)) {
        EXPECT_EQ(std::count(first_page.begin(), first_page.end(), t), 0) << t << " on both pages";
    }
    std::cout << "shi page 0: " << joined(first) << "\nshi page 1: " << joined(second) << "\n";

    const Snapshot back = engine_.page_up();
    EXPECT_EQ(back.page, 0);
    EXPECT_EQ(texts(back), texts(first));

    engine_.page_down();
    const Snapshot picked = engine_.pick(2);  // an index on the visible page, not in the whole list
    EXPECT_EQ(picked.committed, second.candidates[2].text);
}

TEST_F(Pinyin, ReachesTheLastPage) {
    Snapshot s = type(engine_, "zhuang");
    int pages = 1;
    while (!s.is_last_page && pages < 50) {
        s = engine_.page_down();
        ++pages;
    }
    EXPECT_TRUE(s.is_last_page);
    EXPECT_EQ(s.page, pages - 1);
    EXPECT_FALSE(s.candidates.empty());
    EXPECT_EQ(engine_.page_down().page, pages - 1) << "no page after the last";
}

TEST_F(Pinyin, ClearDropsTheComposition) {
    type(engine_, "xiu");
    Snapshot s = engine_.clear();
    EXPECT_TRUE(s.handled);
    EXPECT_FALSE(s.composing());
    EXPECT_EQ(s.committed, "");
    EXPECT_FALSE(engine_.clear().handled);
}

TEST_F(Pinyin, PickOutsideThePageIsRefused) {
    type(engine_, "ni");
    EXPECT_FALSE(engine_.pick(-1).handled);
    EXPECT_FALSE(engine_.pick(kCandidatesPerPage).handled);
    EXPECT_TRUE(engine_.snapshot().composing());
}

TEST_F(Pinyin, OnlyLettersAndTheSyllableSeparatorAreKeys) {
    EXPECT_FALSE(engine_.press('1').handled);
    EXPECT_FALSE(engine_.press(',').handled);
    EXPECT_TRUE(engine_.press('X').handled);  // folded to x
    const Snapshot s = type(engine_, "i'an");
    EXPECT_EQ(s.preedit, "xi'an");
    EXPECT_EQ(s.candidates.front().text, "西安");
}

// --- privacy ---

TEST_F(Pinyin, WhatOneResidentPicksDoesNotReorderTheNext) {
    const std::vector<std::string> before = texts(type(engine_, "shi"));
    const std::string rare = before.back();  // last on the first page
    engine_.clear();
    for (int i = 0; i < 3; ++i) {
        type(engine_, "shi");
        EXPECT_EQ(pick_text(engine_, rare).committed, rare);
    }
    type(engine_, "shuilong");  // the first resident walks away mid-word

    ASSERT_TRUE(engine_.reset_for_next_user());
    EXPECT_FALSE(engine_.snapshot().composing());
    EXPECT_EQ(texts(type(engine_, "shi")), before) << "picked " << rare << " three times";
    for (const auto& entry : fs::directory_iterator(dir_)) {
        EXPECT_FALSE(entry.path().filename().string().ends_with(".userdb")) << entry.path();
    }
}

// --- handwriting ---

Stroke line(Point from, Point to) {
    Stroke s;
    for (int i = 0; i <= 20; ++i) s.push_back({from.x + (to.x - from.x) * i / 20, from.y + (to.y - from.y) * i / 20});
    return s;
}

// A quadratic curve: the sweeping strokes (丿, ㇏) are curves, and straight diagonals are read
// as other characters.
Stroke curve(Point from, Point control, Point to) {
    Stroke s;
    for (int i = 0; i <= 20; ++i) {
        const double t = i / 20.0;
        const double u = 1 - t;
        const auto at = [&](int a, int c, int b) { return static_cast<int>(std::lround(u * u * a + 2 * u * t * c + t * t * b)); };
        s.push_back({at(from.x, control.x, to.x), at(from.y, control.y, to.y)});
    }
    return s;
}

constexpr int kCanvas = 1000;
constexpr std::size_t kTopN = 3;

class Handwriting : public ::testing::Test {
protected:
    static void SetUpTestSuite() { recognizer_ = std::make_unique<HandwritingRecognizer>(); }
    static void TearDownTestSuite() { recognizer_.reset(); }

    static void expect_among_top(const std::string& expected, const std::vector<Stroke>& strokes) {
        ASSERT_TRUE(recognizer_->ok()) << recognizer_->error();
        const auto result = recognizer_->recognize(strokes, kCanvas);
        std::string seen;
        for (const HandwritingCandidate& c : result) seen += c.text + " ";
        std::cout << expected << ": " << seen << "\n";
        const auto top_end = result.begin() + static_cast<std::ptrdiff_t>(std::min(kTopN, result.size()));
        EXPECT_TRUE(std::any_of(result.begin(), top_end, [&](const auto& c) { return c.text == expected; }))
            << expected << " not in the top " << kTopN << ": " << seen;
    }

    static inline std::unique_ptr<HandwritingRecognizer> recognizer_;
};

TEST_F(Handwriting, RecognisesSimpleCharacters) {
    expect_among_top("一", {line({100, 500}, {900, 500})});
    expect_among_top("二", {line({250, 330}, {750, 330}), line({120, 700}, {880, 700})});
    expect_among_top("十", {line({100, 450}, {900, 450}), line({500, 100}, {500, 900})});
    expect_among_top("人", {curve({500, 80}, {470, 500}, {80, 900}), curve({480, 350}, {600, 700}, {920, 900})});
    expect_among_top("大", {line({120, 400}, {880, 380}), curve({500, 100}, {480, 600}, {120, 880}),
                           curve({500, 430}, {620, 750}, {900, 880})});
}

TEST_F(Handwriting, CanvasSizeIsOnlyAScale) {
    ASSERT_TRUE(recognizer_->ok()) << recognizer_->error();
    std::vector<Stroke> small{line({30, 135}, {270, 135}), line({150, 30}, {150, 270})};  // 十 on 300 px
    const auto result = recognizer_->recognize(small, 300, 1);
    ASSERT_EQ(result.size(), 1u);
    EXPECT_EQ(result.front().text, "十");
}

TEST_F(Handwriting, ScoresComeBestFirstAndNothingDrawnGivesNothing) {
    ASSERT_TRUE(recognizer_->ok()) << recognizer_->error();
    const auto result = recognizer_->recognize({line({100, 500}, {900, 500})}, kCanvas, 8);
    ASSERT_EQ(result.size(), 8u);
    EXPECT_TRUE(std::is_sorted(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.score > b.score; }));
    EXPECT_TRUE(recognizer_->recognize({}, kCanvas).empty());
    EXPECT_TRUE(recognizer_->recognize({Stroke{}}, kCanvas).empty());
}

TEST(HandwritingModel, MissingModelIsReported) {
    const HandwritingRecognizer recognizer("/nonexistent/handwriting.model");
    EXPECT_FALSE(recognizer.ok());
    EXPECT_NE(recognizer.error().find("/nonexistent/handwriting.model"), std::string::npos) << recognizer.error();
    EXPECT_TRUE(recognizer.recognize({line({100, 500}, {900, 500})}, kCanvas).empty());
}

// Where recognition runs depends on how long it takes (kiosk/ime/README.md): measured here for
// characters of 1 to 20 finger strokes of 40-60 points each.
TEST_F(Handwriting, RecognitionTimeIsMeasured) {
    ASSERT_TRUE(recognizer_->ok()) << recognizer_->error();
    for (int n : {1, 3, 6, 10, 20}) {
        std::vector<Stroke> strokes;
        for (int k = 0; k < n; ++k) {
            const int y = 100 + k * 800 / n;
            strokes.push_back(curve({100 + k * 20, y}, {500, y + 60}, {900 - k * 10, y + 40}));
            for (int i = 0; i < 40; ++i) strokes.back().push_back({900 - i * 20, y + 40 + i % 3});
        }
        constexpr int kRuns = 10;
        double worst = 0, total = 0;
        for (int r = 0; r < kRuns; ++r) {
            const auto start = std::chrono::steady_clock::now();
            EXPECT_FALSE(recognizer_->recognize(strokes, kCanvas, 10).empty());
            const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            worst = std::max(worst, ms);
            total += ms;
        }
        std::cout << "recognize, " << n << " strokes: mean " << total / kRuns << " ms, worst " << worst << " ms\n";
        RecordProperty("mean_ms_" + std::to_string(n) + "_strokes", static_cast<int>(std::lround(total / kRuns)));
        EXPECT_LT(worst, 2000.0) << "generous: only a hang fails";
    }
}

// The worker answers on its own thread, through the callback, naming the request it answers.
class Worker : public ::testing::Test {
protected:
    std::function<void(RecognitionResult)> collect() {
        return [this](RecognitionResult r) {
            const std::lock_guard lock(mutex_);
            threads_.insert(std::this_thread::get_id());
            results_.push_back(std::move(r));
            arrived_.notify_all();
        };
    }
    // Waits (real time) until the result for `request` arrived.
    RecognitionResult wait_for(std::uint64_t request) {
        std::unique_lock lock(mutex_);
        const bool arrived = arrived_.wait_for(lock, std::chrono::seconds(20), [&] {
            return std::any_of(results_.begin(), results_.end(), [&](const auto& r) { return r.request == request; });
        });
        EXPECT_TRUE(arrived) << "no result for request " << request;
        for (const RecognitionResult& r : results_)
            if (r.request == request) return r;
        return {};
    }
    std::mutex mutex_;
    std::condition_variable arrived_;
    std::vector<RecognitionResult> results_;
    std::set<std::thread::id> threads_;
};

TEST_F(Worker, RecognisesOnItsOwnThreadAndOnlyTheNewestRequestCounts) {
    HandwritingWorker worker(collect());
    const std::vector<Stroke> ten{line({100, 450}, {900, 450}), line({500, 100}, {500, 900})};
    const std::uint64_t first = worker.submit({line({100, 500}, {900, 500})}, kCanvas, 5);
    const std::uint64_t second = worker.submit(ten, kCanvas, 5);
    EXPECT_GT(second, first);
    const RecognitionResult r = wait_for(second);
    ASSERT_FALSE(r.candidates.empty());
    EXPECT_EQ(r.candidates.front().text, "十");
    EXPECT_TRUE(r.error.empty());
    EXPECT_GT(r.took.count(), 0.0);
    const std::lock_guard lock(mutex_);
    EXPECT_EQ(threads_.count(std::this_thread::get_id()), 0u) << "recognised on the caller's thread";
    EXPECT_LE(results_.size(), 2u);
    EXPECT_EQ(results_.back().request, second) << "the newest answer comes last";
}

TEST_F(Worker, MissingModelAnswersWithTheError) {
    HandwritingWorker worker(collect(), test_folder() / "no-such.model");
    const RecognitionResult r = wait_for(worker.submit({line({100, 500}, {900, 500})}, kCanvas, 5));
    EXPECT_TRUE(r.candidates.empty());
    EXPECT_NE(r.error.find("no-such.model"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace gongshi::ime::test
