// RAII over librime's C API: the process-wide service and one session. PinyinEngine is the
// public face; these two exist so that every librime resource has exactly one owner.
#pragma once

#include <rime_api.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

namespace gongshi::ime {

// librime's versioned structs carry their own size in data_size; the RIME_STRUCT macro does the
// same but trips -Wconversion and -Wmissing-field-initializers.
template <class T>
T rime_struct() {
    T value{};
    value.data_size = static_cast<int>(sizeof(T) - sizeof(value.data_size));
    return value;
}

// librime keeps one deployer and one session table per process. RimeSetup (which starts glog)
// may run only once per process; initialize/finalize may be repeated, one runtime at a time.
// This guard does setup on first use, initialize in start() and finalize in its destructor.
class RimeRuntime {
public:
    enum class DeployOutcome { pending, success, failure };

    // Nullptr with `error` set when another runtime is alive in this process.
    static std::unique_ptr<RimeRuntime> start(const std::filesystem::path& shared_data_dir,
                                              const std::filesystem::path& user_data_dir, std::string& error);
    ~RimeRuntime();
    RimeRuntime(const RimeRuntime&) = delete;
    RimeRuntime& operator=(const RimeRuntime&) = delete;

    RimeApi& api() const { return *api_; }

    // Deployment runs on librime's own maintenance thread; sessions cannot be created meanwhile.
    bool start_maintenance();
    bool maintaining() const;
    void join_maintenance();
    DeployOutcome outcome() const { return outcome_.load(); }

private:
    explicit RimeRuntime(RimeApi& api) : api_(&api) {}
    // Called by librime, from its maintenance thread for deployment messages: it only stores an
    // atomic, and it must never let an exception unwind into C code.
    static void on_notification(void* self, RimeSessionId session, const char* type, const char* value) noexcept;

    RimeApi* api_;
    std::atomic<DeployOutcome> outcome_{DeployOutcome::pending};
};

// One librime session (composition, candidate menu, commit history). The thread that creates it
// must be the only one that uses it: librime's session table has no lock.
class RimeSession {
public:
    // Nullptr when librime refuses (for example while maintenance is running) or when the
    // schema cannot be selected.
    static std::unique_ptr<RimeSession> open(RimeApi& api, const char* schema_id);
    ~RimeSession();
    RimeSession(const RimeSession&) = delete;
    RimeSession& operator=(const RimeSession&) = delete;

    RimeSessionId id() const { return id_; }

private:
    RimeSession(RimeApi& api, RimeSessionId id) : api_(&api), id_(id) {}
    RimeApi* api_;
    RimeSessionId id_;
};

}  // namespace gongshi::ime
