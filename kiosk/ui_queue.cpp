#include "ui_queue.hpp"

#include <utility>

namespace gongshi::kiosk {

void UiQueue::push(UiMessage message) {
    {
        std::lock_guard lock(mutex_);
        messages_.push_back(std::move(message));
    }
    if (wake_) wake_();
}

std::vector<UiMessage> UiQueue::take_all() {
    std::lock_guard lock(mutex_);
    return std::exchange(messages_, {});
}

bool UiQueue::empty() const {
    std::lock_guard lock(mutex_);
    return messages_.empty();
}

}  // namespace gongshi::kiosk
