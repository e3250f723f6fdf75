// The lexicon's hashed key tables (format::Section::word_slots and exception_slots; layout in
// lexicon_format.hpp): the builder makes them, Lexicon probes them in the mapped file. One probe
// and one string compare replace a binary search of ~19 string compares per look-up.
//
//   auto slots = build_key_slots(words.size(), key_of_word, [](std::uint32_t) { return true; });
//   auto word = probe_key_slots(slots, words.size(), "doctor", key_of_word);  // its index, or nullopt
#pragma once

#include <bit>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/hash.hpp"

namespace snai::lexicon::internal {

// A table for records 0..count-1 under key_of(i); records with wanted(i) false stay out (all but
// the first of a run of equal keys, say). Equal keys keep index order.
std::vector<std::uint64_t> build_key_slots(std::size_t count, const std::function<std::string_view(std::uint32_t)>& key_of,
                                           const std::function<bool(std::uint32_t)>& wanted);

// The lowest index below `count` whose key equals k. A damaged table cannot send a look-up out
// of bounds (indexes at or past `count` are skipped) or round in circles (one pass at most).
template <class KeyOf>
std::optional<std::uint32_t> probe_key_slots(std::span<const std::uint64_t> slots, std::size_t count, std::string_view k,
                                             KeyOf key_of) {
  if (!std::has_single_bit(slots.size())) return std::nullopt;
  const std::uint64_t hash = hash64(k);
  const std::size_t mask = slots.size() - 1;
  std::size_t i = hash & mask;
  for (std::size_t step = 0; step < slots.size(); ++step, i = (i + 1) & mask) {
    const std::uint64_t slot = slots[i];
    if (slot == 0) return std::nullopt;
    if ((slot >> 32) != (hash >> 32)) continue;
    auto index = static_cast<std::uint32_t>(slot & 0xFFFFFFFFu) - 1;
    if (index < count && key_of(index) == k) return index;
  }
  return std::nullopt;
}

}  // namespace snai::lexicon::internal
