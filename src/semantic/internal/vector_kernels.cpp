#include "semantic/internal/vector_kernels.hpp"

#include <immintrin.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "semantic/internal/half.hpp"

namespace snai::semantic::internal {
namespace {

// 1 / |v|, or 0 for a zero or non-finite vector.
double inverse_norm(std::span<const float> v) {
  double sum = 0;
  for (float x : v) {
    if (!std::isfinite(x)) return 0;
    sum += static_cast<double>(x) * x;
  }
  if (!(sum > 0) || !std::isfinite(sum)) return 0;
  return 1.0 / std::sqrt(sum);
}

void encode_portable(const float* v, float scale, std::size_t dim, std::uint16_t* out) {
  for (std::size_t i = 0; i < dim; ++i) out[i] = float_to_half(v[i] * scale);
}

__attribute__((target("avx2,f16c"))) void encode_f16c(const float* v, float scale, std::size_t dim, std::uint16_t* out) {
  const __m256 s = _mm256_set1_ps(scale);
  std::size_t i = 0;
  for (; i + 8 <= dim; i += 8) {
    const __m128i halves = _mm256_cvtps_ph(_mm256_mul_ps(_mm256_loadu_ps(v + i), s), _MM_FROUND_TO_NEAREST_INT);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), halves);
  }
  encode_portable(v + i, scale, dim - i, out + i);
}

bool cpu_has_f16c() {
  static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c");
  return has;
}

__attribute__((target("avx2,fma,f16c"))) float dot_distance_f16c(const void* a, const void* b, const void* param) {
  const auto n = *static_cast<const std::size_t*>(param);
  const auto* x = static_cast<const std::uint16_t*>(a);
  const auto* y = static_cast<const std::uint16_t*>(b);
#define SNAI_LOAD_HALVES(p) _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)))
  __m256 s0 = _mm256_setzero_ps(), s1 = _mm256_setzero_ps();
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    s0 = _mm256_fmadd_ps(SNAI_LOAD_HALVES(x + i), SNAI_LOAD_HALVES(y + i), s0);
    s1 = _mm256_fmadd_ps(SNAI_LOAD_HALVES(x + i + 8), SNAI_LOAD_HALVES(y + i + 8), s1);
  }
  if (i < n) s0 = _mm256_fmadd_ps(SNAI_LOAD_HALVES(x + i), SNAI_LOAD_HALVES(y + i), s0);
#undef SNAI_LOAD_HALVES
  const __m256 s = _mm256_add_ps(s0, s1);
  __m128 h = _mm_add_ps(_mm256_castps256_ps128(s), _mm256_extractf128_ps(s, 1));
  h = _mm_add_ps(h, _mm_movehl_ps(h, h));
  h = _mm_add_ss(h, _mm_shuffle_ps(h, h, 1));
  return 1.0f - _mm_cvtss_f32(h);
}

__attribute__((target("avx2,fma,f16c"))) void add_scaled_halves_f16c(float* out, const std::uint16_t* halves,
                                                                       std::size_t n, float scale) {
  const __m256 s = _mm256_set1_ps(scale);
  std::size_t d = 0;
  for (; d + 8 <= n; d += 8) {
    const __m256 v = _mm256_cvtph_ps(_mm_loadu_si128(reinterpret_cast<const __m128i*>(halves + d)));
    _mm256_storeu_ps(out + d, _mm256_fmadd_ps(s, v, _mm256_loadu_ps(out + d)));
  }
  for (; d < n; ++d) out[d] += scale * half_to_float(halves[d]);
}

std::int32_t dot_i8_portable(const std::int8_t* a, const std::int8_t* b, std::size_t n) {
  std::int32_t sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += static_cast<std::int32_t>(a[i]) * b[i];
  return sum;
}

__attribute__((target("avx2"))) std::int32_t dot_i8_avx2(const std::int8_t* a, const std::int8_t* b, std::size_t n) {
  __m256i acc = _mm256_setzero_si256();
  for (std::size_t i = 0; i < n; i += 16) {
    const __m256i x = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(a + i)));
    const __m256i y = _mm256_cvtepi8_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i)));
    acc = _mm256_add_epi32(acc, _mm256_madd_epi16(x, y));
  }
  __m128i s = _mm_add_epi32(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4e));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xb1));
  return _mm_cvtsi128_si32(s);
}

}  // namespace

void add_scaled_halves(float* out, const std::uint16_t* halves, std::size_t n, float scale) {
  if (cpu_has_f16c()) return add_scaled_halves_f16c(out, halves, n, scale);
  for (std::size_t d = 0; d < n; ++d) out[d] += scale * half_to_float(halves[d]);
}

std::int32_t dot_i8(const std::int8_t* a, const std::int8_t* b, std::size_t n) {
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return avx2 ? dot_i8_avx2(a, b, n) : dot_i8_portable(a, b, n);
}

float dot_distance_portable(const void* a, const void* b, const void* param) {
  const auto n = *static_cast<const std::size_t*>(param);
  const auto* x = static_cast<const std::uint16_t*>(a);
  const auto* y = static_cast<const std::uint16_t*>(b);
  float sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += half_to_float(x[i]) * half_to_float(y[i]);
  return 1.0f - sum;
}

DotDistance best_dot_distance() { return cpu_has_f16c() ? dot_distance_f16c : dot_distance_portable; }

Status encode_vector(std::span<const float> v, int dim, std::uint16_t* out, const char* field) {
  if (v.size() != static_cast<std::size_t>(dim)) {
    return fail(ErrorCode::invalid_argument,
                "vector has " + std::to_string(v.size()) + " dimensions, the index " + std::to_string(dim),
                field);
  }
  const auto scale = static_cast<float>(inverse_norm(v));
  if (scale == 0) return fail(ErrorCode::invalid_argument, "vector is zero or not finite", field);
  (cpu_has_f16c() ? encode_f16c : encode_portable)(v.data(), scale, v.size(), out);
  std::fill(out + v.size(), out + stored_dim(v.size()), std::uint16_t{0});
  return ok();
}

}  // namespace snai::semantic::internal
