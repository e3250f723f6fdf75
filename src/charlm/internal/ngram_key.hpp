// Packed n-gram keys and the table entry of CharModel (internal to src/charlm).
//
// A symbol is 5 bits: a..z = 1..26, end = 27, begin = 28 (0 never occurs, so a key's length is
// where its highest non-zero group is). The most recent symbol sits in the low bits:
// key("ab" then c) = (key("ab") << 5) | c, and the context of an n-gram is key >> 5.
//
// An Entry holds one n-gram (context, symbol) of the model in backoff form:
//   log P(symbol | history) = entry.log_prob + backoff(history state)
// where the entry is the longest (suffix of history, symbol) in the table and backoff is the sum
// of log Kneser–Ney gammas of the history's present suffixes (see char_model_train.cpp).
#pragma once

#include <bit>
#include <cstdint>

namespace snai::charlm::internal {

inline constexpr int kSymbolBits = 5;
inline constexpr std::uint64_t kEnd = 27;
inline constexpr std::uint64_t kBegin = 28;

// The low `length` symbols of a key (length 0..12).
constexpr std::uint64_t key_mask(int length) { return (std::uint64_t{1} << (kSymbolBits * length)) - 1; }

// Number of symbols in a key.
constexpr int key_length(std::uint64_t key) { return (std::bit_width(key) + kSymbolBits - 1) / kSymbolBits; }

// The oldest symbol of a key of `length` symbols.
constexpr std::uint64_t first_symbol(std::uint64_t key, int length) { return key >> (kSymbolBits * (length - 1)); }

// 1..26 for an ASCII letter of either case, 0 for anything else.
constexpr std::uint64_t letter_symbol(char c) {
  auto u = static_cast<unsigned char>(c) | 0x20u;
  return (u >= 'a' && u <= 'z') ? u - 'a' + 1 : 0;
}

struct Entry {
  std::uint64_t key = 0;   // 0: empty slot
  float log_prob = 0;      // log p(symbol | context) minus the context's cumulative backoff
  float next_backoff = 0;  // cumulative backoff of the state after this symbol
};
static_assert(sizeof(Entry) == 16);

constexpr std::uint64_t slot_hash(std::uint64_t key) { return key * 0x9E3779B97F4A7C15ull; }

}  // namespace snai::charlm::internal
