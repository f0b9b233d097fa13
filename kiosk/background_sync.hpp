// The kiosk's sync engine: settings from the kiosk config, its status handed to the UI through
// the UI queue, its commits waking the frame loop. Part of the gongshi-kiosk executable only, so
// the headless core and its tests need neither libcurl nor a server.
#pragma once

#include <memory>

#include "config.hpp"
#include "gongshi/sync/engine.hpp"
#include "sync_status.hpp"
#include "ui_queue.hpp"

namespace gongshi::kiosk {

// What the status bar shows for a snapshot of the engine.
SyncStatus to_kiosk_status(const sync::SyncStatus& status);

// Starts the engine when a server is configured; nullptr (the kiosk runs from its cache alone,
// shown as offline) when none is, or when the token file cannot be read (said in the status).
// `wake` interrupts the frame loop's wait; the engine must be destroyed before `queue`.
std::unique_ptr<sync::SyncEngine> start_background_sync(const KioskConfig& config, UiQueue& queue,
                                                        std::function<void()> wake);

// App::inquire over the engine: the request goes out on the engine's inquiry thread, the answer
// comes back through the queue and its callback runs on the UI thread. Both must outlive it.
Inquire inquire_through(sync::SyncEngine& engine, UiQueue& queue);

}  // namespace gongshi::kiosk
