#include "pinyin_engine.hpp"

#include <cassert>
#include <fstream>
#include <iterator>
#include <system_error>

#include "rime_runtime.hpp"

namespace gongshi::ime {
namespace {

constexpr const char* kSchema = "luna_pinyin_simp";

// X11 keysyms, which is what librime's process_key takes.
constexpr int kKeySpace = 0x20;
constexpr int kKeyBackSpace = 0xff08;
constexpr int kKeyPageUp = 0xff55;
constexpr int kKeyPageDown = 0xff56;

// Only the simplified schema: the stock list builds every installed schema it names (7.8 s
// measured with more rime-data installed); this one takes a fraction of a second because it
// reuses the tables prebuilt in /usr/share/rime-data/build.
std::string default_custom() {
    return std::string("# Written by Gongshi's kiosk; changes are overwritten.\n"
                       "patch:\n"
                       "  schema_list:\n"
                       "    - schema: ") +
           kSchema + "\n  menu/page_size: " + std::to_string(kCandidatesPerPage) + "\n";
}
// No user dictionary: what one resident picks must not reorder the candidates for the next, and
// with nothing learned there is nothing on disk to wipe (or to survive a power cut).
// No dependencies: the stroke schema only serves reverse lookup (the ` key, never sent here);
// rebuilding its 2.3 MB prism for the new page size was two thirds of the deployment time.
constexpr const char* kSchemaCustom =
    "# Written by Gongshi's kiosk; changes are overwritten.\n"
    "patch:\n"
    "  translator/enable_user_dict: false\n"
    "  schema/dependencies: []\n";

// Files whose absence librime does not report clearly: without default.yaml deployment fails
// with "schema list not defined"; without essay.txt it rebuilds the dictionary without word
// frequencies and "nihao" offers rare characters first.
struct Prerequisite {
    const char* file;
    const char* package;
};
constexpr Prerequisite kPrerequisites[] = {
    {"default.yaml", "rime-prelude"},
    {"essay.txt", "rime-essay"},
    {"luna_pinyin_simp.schema.yaml", "rime-data-luna-pinyin"},
    {"luna_pinyin.dict.yaml", "rime-data-luna-pinyin"},
};

std::string missing_prerequisite(const std::filesystem::path& shared_dir) {
    std::error_code ec;
    for (const Prerequisite& p : kPrerequisites) {
        if (!std::filesystem::exists(shared_dir / p.file, ec)) {
            return (shared_dir / p.file).string() + " is missing (Debian package " + p.package + ")";
        }
    }
    return {};
}

// librime compares each source file's modification time with the one it built from: rewriting
// an unchanged file on every start would redeploy every time.
bool write_if_changed(const std::filesystem::path& path, const std::string& content) {
    {
        std::ifstream in(path, std::ios::binary);  // a missing file reads as empty
        const std::string current{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        if (current == content) return true;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    out.close();
    return !out.fail();
}

// Frees what get_context / get_commit allocated, even if copying out of them throws.
struct ContextHolder {
    RimeApi& api;
    RimeContext context = rime_struct<RimeContext>();
    ~ContextHolder() { api.free_context(&context); }
};
struct CommitHolder {
    RimeApi& api;
    RimeCommit commit = rime_struct<RimeCommit>();
    ~CommitHolder() { api.free_commit(&commit); }
};

std::string text_or_empty(const char* text) { return text != nullptr ? std::string(text) : std::string(); }

}  // namespace

PinyinEngine::PinyinEngine(std::filesystem::path user_data_dir, std::filesystem::path shared_data_dir)
    : user_dir_(std::move(user_data_dir)), shared_dir_(std::move(shared_data_dir)) {}

// Destroys the session, then finalizes librime (which waits for a running deployment).
PinyinEngine::~PinyinEngine() = default;

void PinyinEngine::start_deploy() {
    if (state_ == DeployState::deploying || state_ == DeployState::ready) return;
    state_ = DeployState::deploying;
    error_.clear();
    deploy_start_ = std::chrono::steady_clock::now();

    if (std::string missing = missing_prerequisite(shared_dir_); !missing.empty()) return fail(std::move(missing));
    std::error_code ec;
    std::filesystem::create_directories(user_dir_, ec);
    if (ec) return fail("cannot create " + user_dir_.string() + ": " + ec.message());
    if (!write_if_changed(user_dir_ / "default.custom.yaml", default_custom()) ||
        !write_if_changed(user_dir_ / (std::string(kSchema) + ".custom.yaml"), kSchemaCustom)) {
        return fail("cannot write the input-method configuration into " + user_dir_.string());
    }
    std::string error;
    runtime_ = RimeRuntime::start(shared_dir_, user_dir_, error);
    if (!runtime_) return fail(std::move(error));
    if (!runtime_->start_maintenance()) return fail("librime could not start deployment in " + user_dir_.string());
}

bool PinyinEngine::ready() {
    if (state_ != DeployState::deploying) return state_ == DeployState::ready;
    if (runtime_->maintaining()) return false;
    // The deployer announces its result before its thread ends, so it is known by now.
    if (runtime_->outcome() != RimeRuntime::DeployOutcome::success) {
        fail("librime deployment failed in " + user_dir_.string());
        return false;
    }
    if (!open_session()) {
        fail(std::string("librime could not open a session with schema ") + kSchema);
        return false;
    }
    deploy_time_ = std::chrono::steady_clock::now() - deploy_start_;
    state_ = DeployState::ready;
    return true;
}

bool PinyinEngine::deploy() {
    start_deploy();
    if (state_ == DeployState::deploying) runtime_->join_maintenance();
    return ready();
}

Snapshot PinyinEngine::press(char letter) {
    if (letter >= 'A' && letter <= 'Z') letter = static_cast<char>(letter - 'A' + 'a');
    const bool accepted = (letter >= 'a' && letter <= 'z') || letter == '\'';
    return accepted ? send_key(letter) : snapshot();
}

Snapshot PinyinEngine::backspace() { return send_key(kKeyBackSpace); }
Snapshot PinyinEngine::space() { return send_key(kKeySpace); }
Snapshot PinyinEngine::page_down() { return send_key(kKeyPageDown); }
Snapshot PinyinEngine::page_up() { return send_key(kKeyPageUp); }

Snapshot PinyinEngine::clear() {
    if (!session_) return {};
    assert(std::this_thread::get_id() == session_thread_);
    const bool was_composing = snapshot().composing();
    runtime_->api().clear_composition(session_->id());
    return read(was_composing);
}

Snapshot PinyinEngine::pick(int index_on_page) {
    if (!session_) return {};
    assert(std::this_thread::get_id() == session_thread_);
    if (index_on_page < 0 || index_on_page >= kCandidatesPerPage) return read(false);
    const Bool picked = runtime_->api().select_candidate_on_current_page(session_->id(),
                                                                         static_cast<std::size_t>(index_on_page));
    return read(picked == True);
}

Snapshot PinyinEngine::snapshot() { return session_ ? read(false) : Snapshot{}; }

bool PinyinEngine::reset_for_next_user() {
    if (state_ != DeployState::ready) return false;
    session_.reset();
    if (open_session()) return true;
    fail(std::string("librime could not reopen a session with schema ") + kSchema);
    return false;
}

Snapshot PinyinEngine::send_key(int keysym) {
    if (!session_) return {};
    assert(std::this_thread::get_id() == session_thread_);
    const bool handled = runtime_->api().process_key(session_->id(), keysym, 0) == True;
    return read(handled);
}

Snapshot PinyinEngine::read(bool handled) {
    Snapshot s;
    s.handled = handled;
    s.committed = take_commit();
    RimeApi& api = runtime_->api();
    ContextHolder holder{api};
    if (api.get_context(session_->id(), &holder.context) != True) return s;
    const RimeContext& ctx = holder.context;
    s.preedit = text_or_empty(ctx.composition.preedit);
    if (ctx.menu.num_candidates > 0) {
        s.page = ctx.menu.page_no;
        s.is_last_page = ctx.menu.is_last_page == True;
        for (int i = 0; i < ctx.menu.num_candidates; ++i) {
            const RimeCandidate& c = ctx.menu.candidates[i];
            s.candidates.push_back({text_or_empty(c.text), text_or_empty(c.comment)});
        }
    }
    return s;
}

std::string PinyinEngine::take_commit() {
    RimeApi& api = runtime_->api();
    CommitHolder holder{api};
    if (api.get_commit(session_->id(), &holder.commit) != True) return {};
    return text_or_empty(holder.commit.text);
}

bool PinyinEngine::open_session() {
    session_ = RimeSession::open(runtime_->api(), kSchema);
    session_thread_ = std::this_thread::get_id();
    return session_ != nullptr;
}

void PinyinEngine::fail(std::string message) {
    session_.reset();
    runtime_.reset();
    state_ = DeployState::failed;
    error_ = std::move(message);
}

}  // namespace gongshi::ime
