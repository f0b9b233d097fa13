#include "qr.hpp"

#include <qrencode.h>

#include <cmath>
#include <memory>
#include <string>

namespace gongshi::kiosk {

namespace {
struct QrFree {
    void operator()(QRcode* code) const { QRcode_free(code); }
};
}  // namespace

std::optional<QrCode> encode_qr(std::string_view text) {
    const std::string copy(text);  // libqrencode wants a NUL-terminated string
    const std::unique_ptr<QRcode, QrFree> code(QRcode_encodeString8bit(copy.c_str(), 0, QR_ECLEVEL_M));
    if (!code || code->width <= 0) return std::nullopt;
    QrCode out;
    out.size = code->width;
    out.modules.resize(static_cast<std::size_t>(out.size) * static_cast<std::size_t>(out.size));
    // Bit 0 of each byte is the module's colour; the other bits describe its role.
    for (std::size_t i = 0; i < out.modules.size(); ++i) out.modules[i] = code->data[i] & 1;
    return out;
}

void draw_qr(ImDrawList* dl, const QrCode& code, ImVec2 min, float side) {
    if (code.empty()) return;
    dl->AddRectFilled(min, ImVec2(min.x + side, min.y + side), IM_COL32(255, 255, 255, 255));
    // Whole pixels per module keep every module the same size (a scanner dislikes uneven ones);
    // what is left over is split around the code.
    const int span = code.size + 2 * kQrQuietModules;
    const float module = std::floor(side / static_cast<float>(span));
    if (module < 1) return;
    const float inset = std::floor((side - module * static_cast<float>(code.size)) * 0.5f);
    const ImVec2 origin(min.x + inset, min.y + inset);
    for (int y = 0; y < code.size; ++y)
        for (int x = 0; x < code.size;) {
            if (!code.dark(x, y)) {
                ++x;
                continue;
            }
            // A run of dark modules in a row is one rectangle: fewer vertices per frame.
            int end = x;
            while (end < code.size && code.dark(end, y)) ++end;
            const ImVec2 a(origin.x + module * static_cast<float>(x), origin.y + module * static_cast<float>(y));
            dl->AddRectFilled(a, ImVec2(origin.x + module * static_cast<float>(end), a.y + module), IM_COL32(0, 0, 0, 255));
            x = end;
        }
}

}  // namespace gongshi::kiosk
