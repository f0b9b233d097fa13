#include "gongshi/sync/inquiry_worker.hpp"

#include <optional>

#include "gongshi/log.hpp"

namespace gongshi::sync {

namespace {

// An answer must never throw back into the worker: a callback that does is logged and forgotten.
void answer(const InquiryCallback& done, InquiryAnswer a) {
    try {
        done(std::move(a));
    } catch (const std::exception& e) {
        log(LogLevel::error, std::string("inquiry callback threw: ") + e.what());
    } catch (...) {
        log(LogLevel::error, "inquiry callback threw");
    }
}

InquiryAnswer no_answer(std::string why) { return InquiryAnswer{std::nullopt, {}, std::move(why)}; }

}  // namespace

InquiryWorker::InquiryWorker(ServerApi api, HttpConfig http, InquiryConfig config)
    : api_(std::move(api)), http_(std::move(http)), config_(config) {
    http_.connect_timeout = config_.connect_timeout;
    http_.total_timeout = config_.total_timeout;
    http_.max_body_bytes = 1u << 20;  // a status or a login answer is a few hundred bytes
}

InquiryWorker::~InquiryWorker() { stop(); }

void InquiryWorker::start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable() || stopped_) return;
    thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

void InquiryWorker::stop() {
    std::deque<Pending> left;
    {
        std::lock_guard lock(mutex_);
        stopped_ = true;
        left.swap(queue_);
    }
    if (thread_.joinable()) {
        thread_.request_stop();
        thread_.join();
    }
    for (Pending& p : left) answer(p.done, no_answer("the sync engine stopped"));
}

void InquiryWorker::submit(Inquiry inquiry, InquiryCallback done) {
    std::optional<Pending> dropped;
    const char* why = nullptr;
    {
        std::lock_guard lock(mutex_);
        if (stopped_) {
            dropped = Pending{std::move(inquiry), std::move(done)};
            why = "the sync engine stopped";
        } else {
            if (queue_.size() >= config_.max_queued) {
                dropped = std::move(queue_.front());
                queue_.pop_front();
                why = "too many inquiries waiting";
            }
            queue_.push_back(Pending{std::move(inquiry), std::move(done)});
        }
    }
    changed_.notify_all();
    // Outside the lock: the callback may well submit again.
    if (dropped) answer(dropped->done, no_answer(why));
}

InquiryAnswer InquiryWorker::perform(HttpClient& http, const Inquiry& inquiry) const {
    const auto response = http.perform(api_.request(inquiry.method, inquiry.path, inquiry.body));
    if (!response) return no_answer("network: " + response.error());
    return InquiryAnswer{static_cast<int>(response->status), response->body, {}};
}

void InquiryWorker::run(std::stop_token stop) {
    HttpClient http(http_);  // this thread's own handle
    for (;;) {
        Pending next;
        {
            std::unique_lock lock(mutex_);
            if (!changed_.wait(lock, stop, [&] { return !queue_.empty(); })) return;
            next = std::move(queue_.front());
            queue_.pop_front();
        }
        answer(next.done, perform(http, next.inquiry));
    }
}

}  // namespace gongshi::sync
