#include "handwriting.hpp"

#include <zinnia.h>

#include <algorithm>

namespace gongshi::ime {
namespace {

struct DestroyCharacter {
    void operator()(zinnia_character_t* character) const noexcept { zinnia_character_destroy(character); }
};
struct DestroyResult {
    void operator()(zinnia_result_t* result) const noexcept { zinnia_result_destroy(result); }
};
using CharacterPtr = std::unique_ptr<zinnia_character_t, DestroyCharacter>;
using ResultPtr = std::unique_ptr<zinnia_result_t, DestroyResult>;

// Zinnia scales points by the canvas size, so a point outside it would distort the features.
int clamp_to_canvas(int v, int canvas_size) { return std::clamp(v, 0, canvas_size - 1); }

CharacterPtr make_character(const std::vector<Stroke>& strokes, int canvas_size) {
    CharacterPtr character(zinnia_character_new());
    if (!character) return nullptr;
    zinnia_character_set_width(character.get(), static_cast<std::size_t>(canvas_size));
    zinnia_character_set_height(character.get(), static_cast<std::size_t>(canvas_size));
    std::size_t id = 0;  // Zinnia wants consecutive stroke ids
    for (const Stroke& stroke : strokes) {
        if (stroke.empty()) continue;
        for (const Point& p : stroke) {
            zinnia_character_add(character.get(), id, clamp_to_canvas(p.x, canvas_size),
                                 clamp_to_canvas(p.y, canvas_size));
        }
        ++id;
    }
    if (id == 0) return nullptr;
    return character;
}

}  // namespace

void HandwritingRecognizer::Close::operator()(zinnia_recognizer_t* recognizer) const noexcept {
    zinnia_recognizer_destroy(recognizer);  // closes the model too
}

HandwritingRecognizer::HandwritingRecognizer(const std::filesystem::path& model) {
    std::unique_ptr<zinnia_recognizer_t, Close> recognizer(zinnia_recognizer_new());
    if (!recognizer) {
        error_ = "zinnia could not create a recognizer";
        return;
    }
    if (zinnia_recognizer_open(recognizer.get(), model.c_str()) == 0) {
        error_ = "cannot open handwriting model " + model.string() + ": " +
                 zinnia_recognizer_strerror(recognizer.get());
        return;
    }
    recognizer_ = std::move(recognizer);
}

std::vector<HandwritingCandidate> HandwritingRecognizer::recognize(const std::vector<Stroke>& strokes,
                                                                   int canvas_size,
                                                                   std::size_t max_candidates) const {
    if (!recognizer_ || canvas_size <= 0 || max_candidates == 0) return {};
    const CharacterPtr character = make_character(strokes, canvas_size);
    if (!character) return {};
    const ResultPtr result(zinnia_recognizer_classify(recognizer_.get(), character.get(), max_candidates));
    if (!result) return {};
    std::vector<HandwritingCandidate> out;
    const std::size_t n = zinnia_result_size(result.get());
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back({zinnia_result_value(result.get(), i), zinnia_result_score(result.get(), i)});
    }
    return out;
}

}  // namespace gongshi::ime
