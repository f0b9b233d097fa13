// The one hand-off point from background threads to the UI: workers push, the UI drains the
// queue at the top of each frame (after Tracy's RunQueue). Pushing wakes the UI loop, which may
// be asleep in glfwWaitEventsTimeout.
#pragma once

#include <functional>
#include <mutex>
#include <variant>
#include <vector>

#include "image_decode.hpp"
#include "sync_status.hpp"

namespace gongshi::kiosk {

using UiMessage = std::variant<SyncStatus, DecodedImage>;

class UiQueue {
public:
    // `wake` is called after each push, from the pushing thread (glfwPostEmptyEvent is safe there).
    explicit UiQueue(std::function<void()> wake = {}) : wake_(std::move(wake)) {}

    void push(UiMessage message);
    std::vector<UiMessage> take_all();
    bool empty() const;

private:
    std::function<void()> wake_;
    mutable std::mutex mutex_;
    std::vector<UiMessage> messages_;
};

}  // namespace gongshi::kiosk
