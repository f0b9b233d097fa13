// Fuzz target: the media path for untrusted pictures. The sync engine's gate
// (sync::image_problem: PNG/JPEG magic bytes, stbi_info, a dimension cap) decides what is kept in
// the media folder; the kiosk's decoder (kiosk/image_decode) turns it into pixels.
// Invariants: nothing crashes; a decoded picture is within the cap and has exactly w*h*4 bytes;
// whatever the kiosk decodes, the sync gate would also have kept.
// Coverage note: stb_image comes from Debian's prebuilt libstb, which is not instrumented, so
// libFuzzer sees edges in our checks only and ASan sees stb's reads only through its allocations.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "gongshi/sync/media.hpp"
#include "image_decode.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace gongshi;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    const auto problem = sync::image_problem(bytes, kiosk::kMaxImageSide);
    const auto image = kiosk::decode_image("fuzz", bytes);
    FUZZ_CHECK(image.key == "fuzz");
    if (!image.ok()) return 0;
    FUZZ_CHECK(!problem.has_value());
    FUZZ_CHECK(image.width >= 1 && image.width <= kiosk::kMaxImageSide);
    FUZZ_CHECK(image.height >= 1 && image.height <= kiosk::kMaxImageSide);
    FUZZ_CHECK(image.rgba.size() == static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4);
    return 0;
}
