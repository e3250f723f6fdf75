#include "lexicon/internal/key_index.hpp"

#include <array>
#include <utility>

namespace snai::lexicon::internal {

// Entries go in by home slot (a stable radix sort of (hash, index) first), so the writes sweep
// the table once instead of missing the cache on every insert. Equal keys keep index order, so
// a probe finds the lowest index first.
std::vector<std::uint64_t> build_key_slots(std::size_t count, const std::function<std::string_view(std::uint32_t)>& key_of,
                                           const std::function<bool(std::uint32_t)>& wanted) {
  std::size_t size = 16;
  while (size < count * 2) size <<= 1;  // at most half full, so probe runs stay short
  std::vector<std::uint64_t> slots(size, 0);
  const std::size_t mask = size - 1;
  const int bits = std::countr_zero(size);
  std::vector<std::pair<std::uint64_t, std::uint32_t>> entries, sorted;
  entries.reserve(count);
  for (std::uint32_t i = 0; i < count; ++i)
    if (wanted(i)) entries.emplace_back(hash64(key_of(i)), i);
  // LSD radix sort by home slot, 11 bits per pass.
  sorted.resize(entries.size());
  for (int shift = 0; shift < bits; shift += 11) {
    std::array<std::size_t, 2049> counts{};
    auto digit = [&](std::uint64_t hash) { return ((hash & mask) >> shift) & 2047; };
    for (const auto& e : entries) ++counts[digit(e.first) + 1];
    for (std::size_t d = 1; d < counts.size(); ++d) counts[d] += counts[d - 1];
    for (const auto& e : entries) sorted[counts[digit(e.first)]++] = e;
    entries.swap(sorted);
  }
  for (const auto& [hash, index] : entries) {
    std::size_t i = hash & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = (hash >> 32 << 32) | (std::uint64_t{index} + 1);
  }
  return slots;
}

}  // namespace snai::lexicon::internal
