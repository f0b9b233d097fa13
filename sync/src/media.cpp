#include "gongshi/sync/media.hpp"

#include <stb/stb_image.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <vector>

#include "gongshi/log.hpp"
#include "gongshi/text.hpp"

namespace gongshi::sync {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kTempPrefix = ".tmp-";

std::optional<std::string> read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// No fsync: a file left empty or torn by a power cut fails its hash check after the restart
// and is fetched again, which is cheaper than syncing every picture.
bool write_atomically(const fs::path& dir, const std::string& name, std::string_view bytes) {
    const fs::path temp = dir / (std::string(kTempPrefix) + name);
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush()) return false;
    }
    std::error_code ec;
    fs::rename(temp, dir / name, ec);
    if (ec) fs::remove(temp, ec);
    return !ec;
}

void add(std::set<std::string>& to, const std::optional<std::string>& id) {
    if (id) to.insert(*id);
}

}  // namespace

bool valid_media_id(std::string_view id) {
    return id.size() == 64 && std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::optional<std::string> image_problem(std::string_view bytes, int max_side) {
    const bool png = bytes.starts_with("\x89PNG\r\n\x1a\n");
    const bool jpeg = bytes.starts_with("\xff\xd8\xff");
    if (!png && !jpeg) return "not a PNG or JPEG file";
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) return "file too large";
    int width = 0, height = 0, components = 0;
    if (!stbi_info_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()), static_cast<int>(bytes.size()), &width,
                               &height, &components))
        return "unreadable image header";
    if (width < 1 || height < 1 || width > max_side || height > max_side)
        return "dimensions " + std::to_string(width) + "x" + std::to_string(height) + " beyond " +
               std::to_string(max_side) + " pixels";
    return std::nullopt;
}

std::set<std::string> referenced_media(const Cache& cache, std::int64_t now_unix) {
    std::set<std::string> ids;
    for (const auto& e : cache.dump(EntityKind::member)) add(ids, std::get<Member>(e).photo);
    for (const auto& e : cache.dump(EntityKind::reward)) add(ids, std::get<Reward>(e).image);
    for (const auto& e : cache.dump(EntityKind::notice)) {
        const auto& notice = std::get<Notice>(e);
        const bool current = !notice.expire_at || notice.expire_at->unix_seconds > now_unix;
        if (current) ids.insert(notice.media.begin(), notice.media.end());
    }
    return ids;
}

MediaFetcher::MediaFetcher(HttpClient& http, const ServerApi& api, MediaConfig config)
    : http_(http), api_(api), config_(std::move(config)) {}

MediaReport MediaFetcher::sync(const std::set<std::string>& referenced) {
    MediaReport report;
    std::error_code ec;
    fs::create_directories(config_.dir, ec);
    if (ec) {
        report.failure = Failure{FailureKind::storage, "media folder " + config_.dir.string() + ": " + ec.message()};
        return report;
    }
    for (const auto& id : referenced) {
        // Ids come from the server's data: anything but a hash never becomes a path.
        if (!valid_media_id(id)) continue;
        ++report.referenced;
        const OnDisk state = check_on_disk(id);
        if (state == OnDisk::intact) continue;
        const int fetched_before = report.fetched;
        if (auto failure = fetch(id, report)) {
            report.failure = std::move(failure);
            break;
        }
        if (state == OnDisk::damaged && report.fetched > fetched_before) ++report.refetched;
    }
    evict(referenced, report);
    return report;
}

MediaFetcher::OnDisk MediaFetcher::check_on_disk(const std::string& id) {
    const fs::path path = config_.dir / id;
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) return OnDisk::missing;
    if (const auto it = verified_.find(id); it != verified_.end() && it->second == size) return OnDisk::intact;
    const auto bytes = read_file(path);
    if (bytes && sha256_hex(*bytes) == id && !image_problem(*bytes, config_.max_side)) {
        verified_[id] = size;
        return OnDisk::intact;
    }
    log(LogLevel::warning, "media " + id + " is damaged on disk: fetching it again");
    fs::remove(path, ec);
    verified_.erase(id);
    return OnDisk::damaged;
}

std::optional<Failure> MediaFetcher::fetch(const std::string& id, MediaReport& report) {
    auto response = http_.perform(api_.request("GET", "/api/v1/media/" + id));
    if (!response) return Failure{FailureKind::network, "media " + id + ": " + response.error()};
    auto reject = [&](const std::string& why) {
        log(LogLevel::warning, "media " + id + " rejected: " + why);
        ++report.rejected;
        return std::nullopt;
    };
    if (response->status == 404) return reject("the server does not have it");
    if (response->status != 200) {
        Failure f = status_failure(response.value());
        f.message = "media " + id + ": " + f.message;
        return f;
    }
    if (sha256_hex(response->body) != id) return reject("its content does not match its hash");
    if (auto problem = image_problem(response->body, config_.max_side)) return reject(*problem);
    if (!write_atomically(config_.dir, id, response->body))
        return Failure{FailureKind::storage, "cannot write media " + id + " into " + config_.dir.string()};
    verified_[id] = response->body.size();
    ++report.fetched;
    return std::nullopt;
}

void MediaFetcher::evict(const std::set<std::string>& referenced, MediaReport& report) {
    struct File {
        fs::path path;
        std::uintmax_t size;
        fs::file_time_type written;
    };
    std::vector<File> candidates;
    std::uintmax_t total = 0;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(config_.dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(kTempPrefix)) {
            fs::remove(entry.path(), ec);  // left by a crash mid-write
            continue;
        }
        if (!entry.is_regular_file(ec) || !valid_media_id(name)) continue;
        const auto size = entry.file_size(ec);
        total += size;
        if (!referenced.contains(name)) candidates.push_back({entry.path(), size, entry.last_write_time(ec)});
    }
    if (total <= config_.budget_bytes) return;
    std::sort(candidates.begin(), candidates.end(), [](const File& a, const File& b) { return a.written < b.written; });
    for (const auto& file : candidates) {
        if (total <= config_.budget_bytes) break;
        if (!fs::remove(file.path, ec)) continue;
        verified_.erase(file.path.filename().string());
        total -= file.size;
        ++report.evicted;
    }
    if (total > config_.budget_bytes)
        log(LogLevel::warning, "media folder holds " + std::to_string(total) +
                                   " bytes of pictures in use, over its budget of " + std::to_string(config_.budget_bytes));
}

}  // namespace gongshi::sync
