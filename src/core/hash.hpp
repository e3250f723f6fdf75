// One fast, non-cryptographic 64-bit hash of bytes (Murmur3-style mixing, 8 bytes per step,
// fmix64 at the end), for checksums and hash tables. Not for secrets or untrusted-key tables
// that must resist flooding.
//
// Its values are part of on-disk formats: the checksums in vocabulary.hnsw
// (semantic/internal/index_file.hpp) and the key tables in lexicon.bin
// (lexicon/internal/lexicon_format.hpp). Changing it means bumping both formats' versions.
//
//   std::uint64_t sum = snai::hash64(bytes);
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace snai {

inline std::uint64_t hash64(std::string_view bytes) {
  constexpr std::uint64_t c1 = 0x87c37b91114253d5ULL;
  constexpr std::uint64_t c2 = 0x4cf5ad432745937fULL;
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t k;
    std::memcpy(&k, bytes.data() + i, 8);
    k *= c1;
    k = std::rotl(k, 31);
    k *= c2;
    h ^= k;
    h = std::rotl(h, 27) * 5 + 0x52dce729;
  }
  std::uint64_t tail = 0;
  if (i < bytes.size()) std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  h ^= std::rotl(tail * c1, 31) * c2;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace snai
