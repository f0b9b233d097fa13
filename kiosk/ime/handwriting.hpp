// Handwriting for residents who cannot spell pinyin: strokes drawn on a square pad, recognised
// by Zinnia with the Simplified Chinese model from tegaki-zinnia-simplified-chinese.
//
// The recognizer is read-only once open: recognize() may run on any one thread at a time.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

struct zinnia_recognizer_t;

namespace gongshi::ime {

inline constexpr const char* kSimplifiedChineseModel = "/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model";

struct Point {
    int x = 0;
    int y = 0;
};
using Stroke = std::vector<Point>;  // in drawing order, from finger down to finger up

struct HandwritingCandidate {
    std::string text;  // one character, UTF-8
    float score = 0;   // Zinnia's score, higher is better; only comparable within one result
};

class HandwritingRecognizer {
public:
    // Opens (memory-maps) the model; check ok().
    explicit HandwritingRecognizer(const std::filesystem::path& model = kSimplifiedChineseModel);

    bool ok() const { return recognizer_ != nullptr; }
    const std::string& error() const { return error_; }  // why the model did not open

    // Best candidates first. Points are in a canvas_size x canvas_size square with (0, 0) at the
    // top left, the way a touch pad reports them; strokes with no points are skipped. Empty when
    // there is nothing to recognise or the recognizer is not ok().
    std::vector<HandwritingCandidate> recognize(const std::vector<Stroke>& strokes, int canvas_size,
                                                std::size_t max_candidates = 8) const;

private:
    struct Close {
        void operator()(zinnia_recognizer_t* recognizer) const noexcept;
    };
    std::unique_ptr<zinnia_recognizer_t, Close> recognizer_;
    std::string error_;
};

}  // namespace gongshi::ime
