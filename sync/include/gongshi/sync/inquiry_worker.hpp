// One-off requests the UI asks for (a tracking-code lookup, an online staff login): made on a
// thread of their own with short timeouts, so a resident waits seconds at most and never
// behind a long resync on the sync thread. The worker touches no SQLite file; it has its own
// curl handle and the engine's ServerApi (base URL and token).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "gongshi/inquiry.hpp"
#include "gongshi/sync/server_api.hpp"

namespace gongshi::sync {

struct InquiryConfig {
    std::chrono::milliseconds connect_timeout{2'000};
    std::chrono::milliseconds total_timeout{4'000};  // the whole answer; the UI gives up a little later
    std::size_t max_queued = 8;  // beyond it the oldest waiting inquiry is answered with an error
};

// Called on the worker's thread (or the caller's, for an inquiry refused at once): hand off only.
using InquiryCallback = std::function<void(InquiryAnswer)>;

class InquiryWorker {
public:
    InquiryWorker(ServerApi api, HttpConfig http, InquiryConfig config);
    ~InquiryWorker();  // stops and joins
    InquiryWorker(const InquiryWorker&) = delete;
    InquiryWorker& operator=(const InquiryWorker&) = delete;

    void start();
    // Answers whatever still waits with an error, and any later inquiry at once.
    void stop();
    void submit(Inquiry inquiry, InquiryCallback done);

private:
    struct Pending {
        Inquiry inquiry;
        InquiryCallback done;
    };
    void run(std::stop_token stop);
    InquiryAnswer perform(HttpClient& http, const Inquiry& inquiry) const;

    const ServerApi api_;
    HttpConfig http_;
    const InquiryConfig config_;
    std::mutex mutex_;
    std::condition_variable_any changed_;
    std::deque<Pending> queue_;
    bool stopped_ = false;
    std::jthread thread_;  // last: started after, and joined before, what it uses
};

}  // namespace gongshi::sync
