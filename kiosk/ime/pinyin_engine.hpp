// Pinyin input for the on-screen keyboard, through librime with the luna_pinyin_simp schema.
// UI-free: the keyboard sends keys and draws the Snapshot each call returns.
//
// Threading: one thread. The thread that deploys and then calls the key functions must be the
// only one that touches the engine (librime's session table has no lock). Deployment itself runs
// on librime's maintenance thread; the caller polls ready() meanwhile.
//
// Privacy: the user dictionary is turned off in the deployed schema, so nothing one resident
// picks changes the candidate order for the next; reset_for_next_user() drops what the session
// holds in memory (composition, commit history).
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace gongshi::ime {

class RimeRuntime;
class RimeSession;

inline constexpr const char* kDebianRimeDataDir = "/usr/share/rime-data";
inline constexpr int kCandidatesPerPage = 8;

struct Candidate {
    std::string text;
    std::string comment;  // usually empty; librime shows e.g. a completion's pinyin here
};

// The engine's state after a call, everything the keyboard draws.
struct Snapshot {
    // False when the engine did not use the key: the caller applies it to its own text (a
    // backspace or space with nothing being composed, a key before the engine is ready).
    bool handled = false;
    std::string committed;  // text to append to the field; usually empty
    std::string preedit;    // the composition as shown, e.g. "xiu li shui long tou", "修理shui long tou"
    std::vector<Candidate> candidates;  // the current page, at most kCandidatesPerPage
    int page = 0;                       // zero-based
    bool is_last_page = true;

    bool composing() const { return !preedit.empty(); }
};

enum class DeployState { not_started, deploying, ready, failed };

class PinyinEngine {
public:
    // user_data_dir is kiosk-owned and writable: the deployed schema and tables go there and are
    // reused on the next start. Nothing happens until start_deploy() or deploy().
    explicit PinyinEngine(std::filesystem::path user_data_dir,
                          std::filesystem::path shared_data_dir = kDebianRimeDataDir);
    ~PinyinEngine();
    PinyinEngine(const PinyinEngine&) = delete;
    PinyinEngine& operator=(const PinyinEngine&) = delete;

    // Writes the kiosk's configuration into the user folder and starts deployment on librime's
    // thread; returns at once. Only one engine may be deploying or ready per process.
    void start_deploy();
    // Polls a started deployment; true once keys work. Cheap enough to call every frame while
    // the keyboard shows that the input method is getting ready.
    bool ready();
    // start_deploy() and wait: true when ready.
    bool deploy();

    DeployState state() const { return state_; }
    const std::string& error() const { return error_; }  // set when state() is failed
    // From start_deploy() until ready() first saw the end (exact for deploy()).
    std::chrono::duration<double> deploy_time() const { return deploy_time_; }

    // Keys. Each returns the state after the key; all are unhandled until ready().
    Snapshot press(char letter);  // a-z (A-Z folded to lower case), or ' to split syllables
    Snapshot backspace();         // edits the composition; unhandled when there is none
    Snapshot space();             // commits the first candidate; unhandled when not composing
    Snapshot clear();             // drops the composition
    Snapshot page_down();
    Snapshot page_up();
    Snapshot pick(int index_on_page);  // commits a candidate, or the part of the input it covers
    Snapshot snapshot();               // the state without a key

    // Between residents: a fresh session, so no composition, page or commit history carries
    // over. Candidate order is already unaffected (no user dictionary). False if not ready.
    bool reset_for_next_user();

private:
    Snapshot send_key(int keysym);
    Snapshot read(bool handled);
    std::string take_commit();
    bool open_session();
    void fail(std::string message);

    std::filesystem::path user_dir_;
    std::filesystem::path shared_dir_;
    std::unique_ptr<RimeRuntime> runtime_;
    std::unique_ptr<RimeSession> session_;  // declared after runtime_: destroyed before it
    std::thread::id session_thread_;        // the only thread allowed to use session_
    DeployState state_ = DeployState::not_started;
    std::string error_;
    std::chrono::steady_clock::time_point deploy_start_;
    std::chrono::duration<double> deploy_time_{};
};

}  // namespace gongshi::ime
