// The invariant check of the fuzz targets: a failed check must crash so libFuzzer keeps the
// input, and the corpus replay (replay_main.cpp) fails its test. It stays on in release builds,
// unlike assert().
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition)                                                              \
    do {                                                                                   \
        if (!(condition)) {                                                                \
            std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                  \
        }                                                                                  \
    } while (false)
