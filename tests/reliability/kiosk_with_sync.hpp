// A headless kiosk App wired to a real SyncEngine the way gongshi-kiosk wires them
// (background_sync: status through the UI queue), both on the same cache and outbox files,
// against the suite's reference server. For the soak, trickle and clock-jump tests.
#pragma once

#include <memory>
#include <string>

#include "background_sync.hpp"
#include "gongshi/sync/engine.hpp"
#include "headless.hpp"
#include "kiosk/kiosk_fixture.hpp"
#include "sync/sync_test_util.hpp"

namespace gongshi::test {

class KioskWithSync : public ServerSuite {
protected:
    // The engine's settings for the app's files; tests adjust timeouts and intervals.
    sync::SyncSettings engine_settings() const {
        sync::SyncSettings s = settings();
        s.cache_path = config.cache_path;
        s.outbox_path = config.outbox_path();
        s.media.dir = config.effective_media_dir();
        return s;
    }
    void start_app(kiosk::Clock clock, ImVec2 size = ImVec2(1920, 1080)) {
        app = std::make_unique<kiosk::App>(config, clock, kiosk::test::test_fonts(), kiosk::test::fake_uploader(live_textures));
        ui = std::make_unique<kiosk::HeadlessUi>(*app, size);
        ui->frame(std::nullopt);
    }
    void start_engine(sync::SyncSettings s) {
        sync::EngineCallbacks callbacks;
        callbacks.on_status = [this](const sync::SyncStatus& status) { app->queue.push(kiosk::to_kiosk_status(status)); };
        engine = std::make_unique<sync::SyncEngine>(std::move(s), std::move(callbacks));
        engine->start();
    }
    // One more completed cycle, asked for now.
    bool cycle(std::chrono::milliseconds bound = std::chrono::seconds(60)) {
        const auto done = engine->status().cycles;
        engine->sync_now();
        return engine->wait_for_cycles(done + 1, bound);
    }

    kiosk::KioskConfig config = [this] {
        kiosk::KioskConfig c;
        c.cache_path = dir_ / "cache.db";
        return c;
    }();
    int live_textures = 0;
    std::unique_ptr<kiosk::App> app;
    std::unique_ptr<kiosk::HeadlessUi> ui;          // after app: destroyed first
    std::unique_ptr<sync::SyncEngine> engine;        // last: stopped before the app's queue goes
};

}  // namespace gongshi::test
