// IEEE 754 half precision (binary16) conversion in portable code. VectorIndex stores vectors as
// halves: half the memory traffic of floats, which is what bounds HNSW search speed, at a cost of
// ~1e-4 in cosine similarity (11-bit mantissa on components of unit vectors).
#pragma once

#include <cstdint>
#include <cstring>

namespace snai::semantic::internal {

// Round to nearest even; overflow becomes infinity (components of unit vectors never overflow).
inline std::uint16_t float_to_half(float value) {
  std::uint32_t x;
  std::memcpy(&x, &value, sizeof x);
  const std::uint32_t sign = (x >> 16) & 0x8000u;
  const std::uint32_t raw_exponent = (x >> 23) & 0xffu;
  std::uint32_t mantissa = x & 0x007fffffu;
  if (raw_exponent == 0xffu) return static_cast<std::uint16_t>(sign | 0x7c00u | (mantissa != 0 ? 0x200u : 0u));
  const int exponent = static_cast<int>(raw_exponent) - 127 + 15;
  if (exponent >= 31) return static_cast<std::uint16_t>(sign | 0x7c00u);
  if (exponent <= 0) {  // subnormal half, or zero
    if (exponent < -10) return static_cast<std::uint16_t>(sign);
    mantissa |= 0x00800000u;
    const int shift = 14 - exponent;
    std::uint32_t half = mantissa >> shift;
    const std::uint32_t rest = mantissa & ((1u << shift) - 1u);
    const std::uint32_t halfway = 1u << (shift - 1);
    if (rest > halfway || (rest == halfway && (half & 1u) != 0)) ++half;
    return static_cast<std::uint16_t>(sign | half);
  }
  std::uint32_t half = sign | (static_cast<std::uint32_t>(exponent) << 10) | (mantissa >> 13);
  const std::uint32_t rest = mantissa & 0x1fffu;
  if (rest > 0x1000u || (rest == 0x1000u && (half & 1u) != 0)) ++half;  // a carry bumps the exponent
  return static_cast<std::uint16_t>(half);
}

inline float half_to_float(std::uint16_t half) {
  const std::uint32_t sign = static_cast<std::uint32_t>(half & 0x8000u) << 16;
  const std::uint32_t exponent = (half >> 10) & 0x1fu;
  const std::uint32_t mantissa = half & 0x3ffu;
  if (exponent == 0) {
    const float magnitude = static_cast<float>(mantissa) * (1.0f / 16777216.0f);  // mantissa * 2^-24
    return sign != 0 ? -magnitude : magnitude;
  }
  const std::uint32_t x = exponent == 31 ? (sign | 0x7f800000u | (mantissa << 13))
                                         : (sign | ((exponent + 127 - 15) << 23) | (mantissa << 13));
  float value;
  std::memcpy(&value, &x, sizeof value);
  return value;
}

}  // namespace snai::semantic::internal
