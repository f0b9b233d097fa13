// Handwriting recognition off the UI thread. Zinnia needs 10-60 ms for a character of 1-10
// strokes on this machine under load (up to ~90 ms for 20), and the model takes ~35 ms to open:
// too long for a frame while the resident is about to start the next stroke.
//
// One worker thread, started and the model opened on the first request. Only the newest request
// matters: a request not yet started is replaced by the next one, and each result names the
// request it answers so the caller can drop stale ones.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "handwriting.hpp"

namespace gongshi::ime {

struct RecognitionResult {
    std::uint64_t request = 0;  // what submit() returned
    std::vector<HandwritingCandidate> candidates;
    std::chrono::duration<double> took{};  // recognize() alone, without waiting or opening the model
    std::string error;                     // set when the model could not be opened
};

class HandwritingWorker {
public:
    // `deliver` runs on the worker thread with each result (the kiosk pushes it into its UI queue).
    explicit HandwritingWorker(std::function<void(RecognitionResult)> deliver,
                               std::filesystem::path model = kSimplifiedChineseModel);
    HandwritingWorker(const HandwritingWorker&) = delete;
    HandwritingWorker& operator=(const HandwritingWorker&) = delete;

    // Queues the strokes (see HandwritingRecognizer::recognize); returns the request's number (never 0).
    std::uint64_t submit(std::vector<Stroke> strokes, int canvas_size, std::size_t max_candidates);

private:
    struct Request {
        std::uint64_t id = 0;
        std::vector<Stroke> strokes;
        int canvas_size = 0;
        std::size_t max_candidates = 0;
    };
    void run(std::stop_token stop);

    std::function<void(RecognitionResult)> deliver_;
    const std::filesystem::path model_;
    std::unique_ptr<HandwritingRecognizer> recognizer_;  // the worker thread's, opened on its first request
    std::mutex mutex_;
    std::condition_variable_any wake_;
    std::optional<Request> pending_;
    std::uint64_t last_id_ = 0;
    std::jthread thread_;  // last: stops (after a recognition in progress) and joins before the members it uses go
};

}  // namespace gongshi::ime
