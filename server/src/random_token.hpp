// Bearer tokens: 256 random bits from libsodium's CSPRNG, as hex.
#pragma once

#include <sodium.h>

#include <string>

namespace gongshi::server {

inline std::string random_token() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

}  // namespace gongshi::server
