// The one hand-off point from background threads to the UI: workers push, the UI drains the
// queue at the top of each frame (after Tracy's RunQueue). Pushing wakes the UI loop, which may
// be asleep in glfwWaitEventsTimeout.
#pragma once

#include <functional>
#include <mutex>
#include <variant>
#include <vector>

#include "gongshi/inquiry.hpp"
#include "image_decode.hpp"
#include "ime/handwriting_worker.hpp"
#include "sync_status.hpp"

namespace gongshi::kiosk {

// The answer to an App::inquire, with the callback to run on the UI thread.
struct InquiryReply {
    InquiryDone done;
    InquiryAnswer answer;
};

// Handwriting results come from the recogniser's thread (HandwritingWorker).
using UiMessage = std::variant<SyncStatus, DecodedImage, InquiryReply, ime::RecognitionResult>;

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
