// The layout of distributional.bin (see semantic/distributional.hpp), shared by the writer and the
// loader, and the int8 dot product the neighbour scan runs on.
//
// header | scale float[count] | word offset u32[count+1] | sorted u32[count] | int8[count * stored_dim] | words
// Each section starts at a multiple of 8 bytes. Rows 0..candidates-1 are the candidate words; a row
// is the unit vector divided by its scale (max |x| / 127), rounded, zero-padded to stored_dim.
// `sorted` holds the row numbers in byte order of their words, for lookup by binary search.
#pragma once

#include <cstddef>
#include <cstdint>

namespace snai::semantic::internal {

inline constexpr char kDistributionalMagic[8] = {'S', 'N', 'A', 'I', 'D', 'I', 'S', 'T'};
inline constexpr std::uint32_t kDistributionalVersion = 1;
inline constexpr std::uint32_t kByteOrderMark = 0x01020304;

struct DistributionalHeader {
  char magic[8];
  std::uint32_t version;
  std::uint32_t byte_order;
  std::uint32_t dim;
  std::uint32_t stored_dim;  // dim rounded up to a multiple of 16
  std::uint32_t count;
  std::uint32_t candidates;
  std::uint64_t words_bytes;
};

inline std::size_t align8(std::size_t n) { return (n + 7) / 8 * 8; }
inline std::uint32_t padded_dim(std::uint32_t dim) { return (dim + 15) / 16 * 16; }

struct DistributionalLayout {
  std::size_t scales, offsets, sorted, vectors, words, total;
  DistributionalLayout(std::uint32_t count, std::uint32_t stored_dim, std::uint64_t words_bytes) {
    scales = align8(sizeof(DistributionalHeader));
    offsets = align8(scales + sizeof(float) * count);
    sorted = align8(offsets + sizeof(std::uint32_t) * (static_cast<std::size_t>(count) + 1));
    vectors = align8(sorted + sizeof(std::uint32_t) * count);
    words = align8(vectors + static_cast<std::size_t>(count) * stored_dim);
    total = words + words_bytes;
  }
};

}  // namespace snai::semantic::internal
