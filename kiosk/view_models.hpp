// Plain structs the screens draw from, built on the UI thread from the cache's read queries
// when a screen opens or when the cache's data_version moves. Screens never see SQL.
#pragma once

#include <cstdint>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "gongshi/cache.hpp"
#include "gongshi/domain.hpp"
#include "gongshi/time.hpp"
#include "fonts.hpp"
#include "ui_strings.hpp"

namespace gongshi::kiosk {

struct AboutModel {
    std::string about;  // the community's own words about the terminal
    OfficeContact office;
};

// One page of the attract loop.
struct AttractSlide {
    Str heading;
    std::string title;
    std::vector<std::string> lines;
    std::optional<MediaId> image;
};

struct ViewModels {
    bool has_data = false;        // false until a cache with a community is readable
    std::string community_name;   // empty without data
    std::string time_zone = "Asia/Shanghai";
    std::optional<std::int64_t> last_update_unix;
    std::int64_t data_version = 0;
    AboutModel about;
    std::vector<AttractSlide> attract;
};

ViewModels load_view_models(const Cache& cache, std::int64_t now_unix);
// Every character the view models can put on screen, for the font atlas.
void add_glyphs(GlyphSet& glyphs, const ViewModels& models);

// The UI thread's read-only connection to cache.db. It notices commits by polling
// PRAGMA data_version, which only moves when another connection (the sync engine) writes.
class CacheReader {
public:
    explicit CacheReader(std::string path) : path_(std::move(path)) {}
    // Opens the file once it exists; true when there is something new to show.
    bool poll();
    const Cache* cache() const { return cache_ ? &*cache_ : nullptr; }
    const std::string& path() const { return path_; }

private:
    std::string path_;
    std::optional<Cache> cache_;
    std::int64_t version_ = 0;
    // A file that would not open (say, the sync engine was between migration steps) is retried
    // once it changes or a little later: in WAL mode its own mtime may not move for a long time.
    std::filesystem::file_time_type failed_mtime_{};
    std::chrono::steady_clock::time_point failed_at_{};
};

inline constexpr std::chrono::seconds kCacheReopenInterval{2};

}  // namespace gongshi::kiosk
