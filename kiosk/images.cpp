#include "images.hpp"

namespace gongshi::kiosk {

std::optional<TextureLookup> TextureCache::find(const std::string& key) {
    const auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    Entry& e = it->second;
    e.last_used = ++tick_;
    TextureLookup out{e.state, nullptr, e.size};
    if (e.texture) out.id = e.texture->id();
    return out;
}

void TextureCache::mark_loading(const std::string& key) { entries_[key].last_used = ++tick_; }

void TextureCache::on_decoded(const DecodedImage& image) {
    Entry& e = entries_[image.key];
    bytes_ -= e.bytes;
    e = Entry{};
    e.last_used = ++tick_;
    if (image.ok()) e.texture = upload_(image);
    if (!e.texture) {
        e.state = TextureState::broken;
        return;
    }
    e.state = TextureState::ready;
    e.size = ImVec2(static_cast<float>(image.width), static_cast<float>(image.height));
    e.bytes = image.rgba.size();
    bytes_ += e.bytes;
    evict_over_budget(image.key);
}

void TextureCache::evict_over_budget(const std::string& keep) {
    while (bytes_ > budget_bytes_) {
        auto oldest = entries_.end();
        for (auto it = entries_.begin(); it != entries_.end(); ++it)
            if (it->first != keep && it->second.texture &&
                (oldest == entries_.end() || it->second.last_used < oldest->second.last_used))
                oldest = it;
        if (oldest == entries_.end()) return;  // only the newest picture is left: keep it even if large
        bytes_ -= oldest->second.bytes;
        // Forget it entirely, so drawing it again starts a fresh decode.
        entries_.erase(oldest);
    }
}

std::size_t TextureCache::live_textures() const {
    std::size_t n = 0;
    for (const auto& [key, e] : entries_) n += e.texture ? 1 : 0;
    return n;
}

ImageLoader::ImageLoader(UiQueue& results)
    : results_(results), worker_([this](std::stop_token stop) { run(stop); }) {}

ImageLoader::~ImageLoader() {
    worker_.request_stop();
    wake_.notify_all();
}

void ImageLoader::request(std::string key, std::string path) {
    {
        std::lock_guard lock(mutex_);
        pending_.emplace_back(std::move(key), std::move(path));
    }
    wake_.notify_one();
}

bool ImageLoader::idle() {
    std::lock_guard lock(mutex_);
    return pending_.empty() && !decoding_;
}

void ImageLoader::run(std::stop_token stop) {
    for (;;) {
        std::pair<std::string, std::string> job;
        {
            std::unique_lock lock(mutex_);
            decoding_ = false;
            if (!wake_.wait(lock, stop, [this] { return !pending_.empty(); })) return;
            job = std::move(pending_.front());
            pending_.pop_front();
            decoding_ = true;
        }
        results_.push(read_image_file(std::move(job.first), job.second));
    }
}

namespace {

// Media ids come from the server: only a sha256 in lowercase hex may become a file name.
bool valid_media_id(const std::string& id) {
    return id.size() == 64 && id.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

TextureLookup ImageStore::get(const std::string& media_id) {
    if (auto found = cache_.find(media_id)) return *found;
    if (!valid_media_id(media_id)) {
        DecodedImage rejected;
        rejected.key = media_id;
        rejected.error = "not a media id";
        cache_.on_decoded(rejected);
        return TextureLookup{TextureState::broken, nullptr, {}};
    }
    cache_.mark_loading(media_id);
    loader_.request(media_id, media_dir_ + "/" + media_id);
    return TextureLookup{};
}

}  // namespace gongshi::kiosk
