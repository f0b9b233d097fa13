// Media (docs/API.md, "Media"): pictures are content-addressed, so a file named by its sha256
// in the media folder is either right or to be fetched again. Each file is checked before it is
// kept (hash, PNG/JPEG magic bytes, a dimension cap), written to a temporary name and renamed,
// and the folder is held under a byte budget without evicting anything current data shows.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "gongshi/cache.hpp"
#include "gongshi/sync/server_api.hpp"

namespace gongshi::sync {

struct MediaConfig {
    std::filesystem::path dir;  // the kiosk reads <dir>/<sha256>
    std::uintmax_t budget_bytes = 512u << 20;
    int max_side = 4096;  // pixels, either dimension
};

struct MediaReport {
    int referenced = 0;
    int fetched = 0;
    int refetched = 0;  // of those, replacing a file that was corrupt or truncated on disk
    int rejected = 0;   // answered, but not a picture we keep (hash mismatch, format, size, 404)
    int evicted = 0;
    std::optional<Failure> failure;  // what ended the pass early, if anything
};

// What the cache's current data shows: members' photos, the pictures of notices that have not
// expired (published or scheduled), and rewards' images.
std::set<std::string> referenced_media(const Cache& cache, std::int64_t now_unix);

// Why `bytes` is not a picture the kiosk may decode; empty when it is one.
std::optional<std::string> image_problem(std::string_view bytes, int max_side);

bool valid_media_id(std::string_view id);  // 64 lowercase hex digits

class MediaFetcher {
public:
    MediaFetcher(HttpClient& http, const ServerApi& api, MediaConfig config);

    // Fetches what is referenced and missing or damaged, then evicts over the budget.
    MediaReport sync(const std::set<std::string>& referenced);

private:
    enum class OnDisk { intact, missing, damaged };
    OnDisk check_on_disk(const std::string& id);
    std::optional<Failure> fetch(const std::string& id, MediaReport& report);
    void evict(const std::set<std::string>& referenced, MediaReport& report);

    HttpClient& http_;
    const ServerApi& api_;
    MediaConfig config_;
    // Files already checked by this process, with the size they had: a file is hashed once,
    // not on every pass, and checked again if its size changes.
    std::unordered_map<std::string, std::uintmax_t> verified_;
};

}  // namespace gongshi::sync
