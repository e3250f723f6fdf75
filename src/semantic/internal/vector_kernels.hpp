// The vector arithmetic under VectorIndex, apart from hnswlib (whose header only one file may
// include): vectors are stored as IEEE halves (internal/half.hpp) zero-padded to a multiple of 8
// components, and compared by inner-product distance 1 - dot with a kernel chosen at run time:
// AVX2+FMA+F16C when the CPU has them (compiled for that target only, so the binary still runs
// on any x86-64), else a portable loop. Search speed is bound by memory traffic, hence halves.
// The other compact vectors of semantic/ use the same kernels: the embeddings' rows (halves) and
// the distributional vectors (int8).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "core/result.hpp"

namespace snai::semantic::internal {

// hnswlib's DISTFUNC: (stored a, stored b, const std::size_t* stored_dim) -> 1 - dot
using DotDistance = float (*)(const void*, const void*, const void*);

inline std::size_t stored_dim(std::size_t dim) { return (dim + 7) / 8 * 8; }

DotDistance best_dot_distance();
float dot_distance_portable(const void* a, const void* b, const void* stored_dim);

// out[0..n) += scale * halves[0..n).
void add_scaled_halves(float* out, const std::uint16_t* halves, std::size_t n, float scale);

// Sum of a[i] * b[i] over n int8 components (n a multiple of 16).
std::int32_t dot_i8(const std::int8_t* a, const std::int8_t* b, std::size_t n);

// Checks `v` (dim components, finite, not zero), normalises it and writes stored_dim(dim) halves
// to `out`. invalid_argument naming `field` otherwise.
Status encode_vector(std::span<const float> v, int dim, std::uint16_t* out, const char* field);

}  // namespace snai::semantic::internal
