// For tests that work out expectations from the demo data by hand: the records of one kind, and
// a Shanghai calendar day computed without ICU (Asia/Shanghai has had no DST since 1991).
#pragma once

#include <cstdint>
#include <variant>
#include <vector>

#include "gongshi/demo_data.hpp"

namespace gongshi::test {

template <class T>
std::vector<T> all_of(const DemoData& demo) {
    std::vector<T> out;
    for (const Entity& e : demo.entities)
        if (const T* x = std::get_if<T>(&e)) out.push_back(*x);
    return out;
}

inline Date shanghai_date(std::int64_t unix_seconds) {
    constexpr std::int64_t kShanghaiOffset = 8 * 3600;
    return civil_from_days((unix_seconds + kShanghaiOffset) / 86400);
}

}  // namespace gongshi::test
