#include "rime_runtime.hpp"

#include <cstring>
#include <mutex>

namespace gongshi::ime {
namespace {

std::atomic<bool> g_runtime_alive{false};
std::once_flag g_setup_once;

// glog keeps the app name pointer for the life of the process: it must be a literal. The
// "rime." prefix lets librime's log cleanup recognise the files.
constexpr const char* kAppName = "rime.gongshi";
// Errors only, and to stderr only (no log files): INFO lines are noise on a kiosk, and nothing
// a resident types may end up in a log.
constexpr int kMinLogLevel = 2;

RimeTraits make_traits(const std::string& shared_dir, const std::string& user_dir) {
    RimeTraits traits = rime_struct<RimeTraits>();
    traits.shared_data_dir = shared_dir.c_str();
    traits.user_data_dir = user_dir.c_str();
    traits.distribution_name = "gongshi";
    traits.distribution_code_name = "gongshi";
    traits.distribution_version = "1";
    traits.app_name = kAppName;
    traits.min_log_level = kMinLogLevel;
    traits.log_dir = "";  // empty: stderr, no files
    return traits;
}

}  // namespace

std::unique_ptr<RimeRuntime> RimeRuntime::start(const std::filesystem::path& shared_data_dir,
                                                const std::filesystem::path& user_data_dir, std::string& error) {
    if (g_runtime_alive.exchange(true)) {
        error = "another input-method engine is already running in this process";
        return nullptr;
    }
    RimeApi* api = rime_get_api();
    if (api == nullptr) {
        g_runtime_alive = false;
        error = "librime returned no API table";
        return nullptr;
    }
    const std::string shared_dir = shared_data_dir.string();
    const std::string user_dir = user_data_dir.string();
    RimeTraits traits = make_traits(shared_dir, user_dir);
    std::call_once(g_setup_once, [&] { api->setup(&traits); });
    std::unique_ptr<RimeRuntime> runtime(new RimeRuntime(*api));
    // Before initialize, so that no deployment message can be missed.
    api->set_notification_handler(&RimeRuntime::on_notification, runtime.get());
    api->initialize(&traits);  // also points the deployer at this runtime's folders
    return runtime;
}

RimeRuntime::~RimeRuntime() {
    api_->finalize();  // joins the maintenance thread first
    api_->set_notification_handler(nullptr, nullptr);
    g_runtime_alive = false;
}

bool RimeRuntime::start_maintenance() {
    outcome_ = DeployOutcome::pending;
    // full_check: compare every source file with what was built. It costs a few tens of
    // milliseconds when nothing changed, and never trusts a folder's modification time.
    return api_->start_maintenance(True) == True;
}

bool RimeRuntime::maintaining() const { return api_->is_maintenance_mode() == True; }

void RimeRuntime::join_maintenance() { api_->join_maintenance_thread(); }

void RimeRuntime::on_notification(void* self, RimeSessionId, const char* type, const char* value) noexcept {
    if (self == nullptr || type == nullptr || value == nullptr || std::strcmp(type, "deploy") != 0) return;
    auto& outcome = static_cast<RimeRuntime*>(self)->outcome_;
    if (std::strcmp(value, "success") == 0) {
        outcome = DeployOutcome::success;
    } else if (std::strcmp(value, "failure") == 0) {
        outcome = DeployOutcome::failure;
    }
}

std::unique_ptr<RimeSession> RimeSession::open(RimeApi& api, const char* schema_id) {
    const RimeSessionId id = api.create_session();
    if (id == 0) return nullptr;
    std::unique_ptr<RimeSession> session(new RimeSession(api, id));
    if (api.select_schema(id, schema_id) != True) return nullptr;
    return session;
}

RimeSession::~RimeSession() { api_->destroy_session(id_); }

}  // namespace gongshi::ime
