#include "handwriting_worker.hpp"

namespace gongshi::ime {

HandwritingWorker::HandwritingWorker(std::function<void(RecognitionResult)> deliver, std::filesystem::path model)
    : deliver_(std::move(deliver)), model_(std::move(model)) {}

std::uint64_t HandwritingWorker::submit(std::vector<Stroke> strokes, int canvas_size, std::size_t max_candidates) {
    std::uint64_t id = 0;
    {
        const std::lock_guard lock(mutex_);
        id = ++last_id_;
        pending_ = Request{id, std::move(strokes), canvas_size, max_candidates};
        // Most kiosk sessions never write by hand: no thread until someone does.
        if (!thread_.joinable()) thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
    }
    wake_.notify_one();
    return id;
}

void HandwritingWorker::run(std::stop_token stop) {
    for (;;) {
        Request request;
        {
            std::unique_lock lock(mutex_);
            if (!wake_.wait(lock, stop, [this] { return pending_.has_value(); })) return;
            request = std::move(*pending_);
            pending_.reset();
        }
        if (!recognizer_) recognizer_ = std::make_unique<HandwritingRecognizer>(model_);
        RecognitionResult result;
        result.request = request.id;
        result.error = recognizer_->error();
        const auto start = std::chrono::steady_clock::now();
        result.candidates = recognizer_->recognize(request.strokes, request.canvas_size, request.max_candidates);
        result.took = std::chrono::steady_clock::now() - start;
        if (deliver_) deliver_(std::move(result));
    }
}

}  // namespace gongshi::ime
