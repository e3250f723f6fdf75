// Parts of speech as WordNet knows them, and a small set type for "which parts of speech
// does this word have".
//
//   auto pos = snai::lexicon::parse_pos("noun");            // Pos::noun
//   PosSet set; set.add(Pos::verb);
//   if (set.contains(Pos::verb)) std::cout << to_string(Pos::verb);  // "verb"
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace snai::lexicon {

// Adjective satellites (WordNet's 's') are adjectives; Synset::satellite tells them apart.
enum class Pos : std::uint8_t { noun, verb, adjective, adverb };

inline constexpr std::array<Pos, 4> kAllPos = {Pos::noun, Pos::verb, Pos::adjective, Pos::adverb};

std::string_view to_string(Pos pos);          // "noun", "verb", "adjective", "adverb"
char wordnet_letter(Pos pos);                 // 'n', 'v', 'a', 'r'
// Accepts the full name or WordNet's letter ("n", "v", "a", "s", "r", "adj", "adv").
std::optional<Pos> parse_pos(std::string_view text);

class PosSet {
 public:
  constexpr PosSet() = default;
  constexpr explicit PosSet(std::uint8_t bits) : bits_(bits & 0x0F) {}
  constexpr void add(Pos pos) { bits_ |= bit(pos); }
  constexpr bool contains(Pos pos) const { return (bits_ & bit(pos)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr std::uint8_t bits() const { return bits_; }
  std::vector<Pos> list() const;  // in noun, verb, adjective, adverb order
  friend constexpr bool operator==(PosSet, PosSet) = default;

 private:
  static constexpr std::uint8_t bit(Pos pos) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(pos)); }
  std::uint8_t bits_ = 0;
};

}  // namespace snai::lexicon
