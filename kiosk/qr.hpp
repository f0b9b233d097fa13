// QR codes for the "scan to claim" links, encoded once when a view model is built (libqrencode)
// and drawn as squares with ImGui's draw lists; the encoder never runs inside a frame.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <imgui.h>

namespace gongshi::kiosk {

struct QrCode {
    int size = 0;                       // modules per side; 0 = no code
    std::vector<std::uint8_t> modules;  // row-major, 1 = dark
    bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y * size + x)] != 0; }
    bool empty() const { return size == 0; }
};

// Byte mode, error correction level M (a kiosk glass may be smudged). Nullopt if the text does
// not fit a QR code.
std::optional<QrCode> encode_qr(std::string_view text);

// The modules within a white square of `side` pixels at `min`, with the 4-module quiet zone the
// standard asks for so phones find the code against the dark card around it.
inline constexpr int kQrQuietModules = 4;
void draw_qr(ImDrawList* dl, const QrCode& code, ImVec2 min, float side);

}  // namespace gongshi::kiosk
