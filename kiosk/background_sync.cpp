#include "background_sync.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "gongshi/log.hpp"

namespace gongshi::kiosk {

namespace {

std::optional<std::string> read_token(const std::string& path) {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    std::string token = text.str();
    const auto end = token.find_last_not_of(" \t\r\n");
    token.erase(end == std::string::npos ? 0 : end + 1);
    return token.empty() ? std::nullopt : std::optional(token);
}

}  // namespace

SyncStatus to_kiosk_status(const sync::SyncStatus& status) {
    using State = sync::SyncStatus::State;
    SyncStatus out;
    // A cycle in progress keeps the badge it earned: online only after a clean cycle.
    const bool reached = status.state == State::online ||
                         (status.state == State::syncing && status.last_success_unix && status.last_error.empty());
    out.connection = reached ? SyncStatus::Connection::online : SyncStatus::Connection::offline;
    out.last_success_unix = status.last_success_unix;
    out.outbox_depth = status.outbox_depth;
    out.auth_alert = status.auth_alert;
    out.last_error = status.auth_alert ? "server refuses this kiosk's token: " + status.last_error : status.last_error;
    return out;
}

std::unique_ptr<sync::SyncEngine> start_background_sync(const KioskConfig& config, UiQueue& queue,
                                                        std::function<void()> wake) {
    if (config.server_url.empty()) return nullptr;
    const auto token = read_token(config.token_file);
    if (!token) {
        const std::string why = "cannot read the kiosk token file '" + config.token_file + "'";
        log(LogLevel::error, why + ": not syncing");
        SyncStatus status;
        status.connection = SyncStatus::Connection::offline;
        status.last_error = why;
        queue.push(status);
        return nullptr;
    }
    sync::SyncSettings settings;
    settings.server_url = config.server_url;
    settings.community_id = config.community_id;
    settings.token = *token;
    settings.cache_path = config.cache_path;
    settings.outbox_path = config.outbox_path();
    settings.media.dir = config.effective_media_dir();
    sync::EngineCallbacks callbacks;
    callbacks.on_commit = std::move(wake);
    callbacks.on_status = [&queue](const sync::SyncStatus& s) { queue.push(to_kiosk_status(s)); };
    auto engine = std::make_unique<sync::SyncEngine>(std::move(settings), std::move(callbacks));
    engine->start();
    return engine;
}

Inquire inquire_through(sync::SyncEngine& engine, UiQueue& queue) {
    return [&engine, &queue](Inquiry inquiry, InquiryDone done) {
        engine.inquire(std::move(inquiry), [&queue, done = std::move(done)](InquiryAnswer answer) mutable {
            queue.push(InquiryReply{std::move(done), std::move(answer)});
        });
    };
}

}  // namespace gongshi::kiosk
