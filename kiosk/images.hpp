// Pictures on screen: decoded off the UI thread, uploaded on it, kept in a texture cache with a
// byte budget (least recently drawn goes first), and a placeholder while loading or when missing.
#pragma once

#include <imgui.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

#include "image_decode.hpp"
#include "ui_queue.hpp"

namespace gongshi::kiosk {

// An uploaded picture. The OpenGL implementation deletes its texture in the destructor; tests
// use a fake. Only the UI thread creates and destroys them.
class Texture {
public:
    virtual ~Texture() = default;
    virtual ImTextureID id() const = 0;
};
using TextureUploader = std::function<std::unique_ptr<Texture>(const DecodedImage&)>;

enum class TextureState { loading, ready, broken };

struct TextureLookup {
    TextureState state = TextureState::loading;
    ImTextureID id = nullptr;  // set when ready
    ImVec2 size;
};

class TextureCache {
public:
    TextureCache(std::size_t budget_bytes, TextureUploader upload)
        : budget_bytes_(budget_bytes), upload_(std::move(upload)) {}

    // Nullopt when the key was never seen: the caller should start a decode and call mark_loading.
    std::optional<TextureLookup> find(const std::string& key);
    void mark_loading(const std::string& key);
    // Uploads a decoded picture (or records it as broken) and evicts the least recently used
    // pictures until the cache fits its budget again.
    void on_decoded(const DecodedImage& image);

    std::size_t bytes() const { return bytes_; }
    std::size_t live_textures() const;

private:
    struct Entry {
        TextureState state = TextureState::loading;
        std::unique_ptr<Texture> texture;
        ImVec2 size;
        std::size_t bytes = 0;
        std::uint64_t last_used = 0;
    };
    void evict_over_budget(const std::string& keep);

    std::size_t budget_bytes_;
    TextureUploader upload_;
    std::unordered_map<std::string, Entry> entries_;
    std::size_t bytes_ = 0;
    std::uint64_t tick_ = 0;
};

// A worker thread that reads and decodes image files and posts the results to the UI queue.
class ImageLoader {
public:
    explicit ImageLoader(UiQueue& results);
    ~ImageLoader();  // stops the worker; requests not started are dropped
    ImageLoader(const ImageLoader&) = delete;
    ImageLoader& operator=(const ImageLoader&) = delete;

    void request(std::string key, std::string path);
    // No request waiting or being decoded: every result asked for is in the UI queue (tests use
    // it to know the loop has nothing more coming).
    bool idle();

private:
    void run(std::stop_token stop);

    UiQueue& results_;
    std::mutex mutex_;
    std::condition_variable_any wake_;
    std::deque<std::pair<std::string, std::string>> pending_;
    bool decoding_ = false;
    std::jthread worker_;  // last: starts after, and stops before, the members it uses
};

// What screens ask for pictures by media id (files named by their sha256 in the media folder).
class ImageStore {
public:
    ImageStore(std::string media_dir, TextureCache cache, UiQueue& results)
        : media_dir_(std::move(media_dir)), cache_(std::move(cache)), loader_(results) {}

    TextureLookup get(const std::string& media_id);
    void on_decoded(const DecodedImage& image) { cache_.on_decoded(image); }
    std::size_t live_textures() const { return cache_.live_textures(); }
    bool loader_idle() { return loader_.idle(); }

private:
    std::string media_dir_;
    TextureCache cache_;
    ImageLoader loader_;
};

}  // namespace gongshi::kiosk
