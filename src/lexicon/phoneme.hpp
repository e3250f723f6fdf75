// ARPAbet phonemes as the CMU pronouncing dictionary writes them: 39 phonemes, vowels
// carrying stress 0 (unstressed), 1 (primary) or 2 (secondary).
//
//   auto phonemes = snai::lexicon::parse_arpabet("D AA1 K T ER0");   // 5 phonemes
//   phonemes->at(1).is_vowel();                                        // true
//   snai::lexicon::to_arpabet(*phonemes);                              // "D AA1 K T ER0"
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace snai::lexicon {

inline constexpr int kPhonemeCount = 39;

struct Phoneme {
  std::uint8_t id = 0;      // index into the ARPAbet table, < kPhonemeCount
  std::int8_t stress = -1;  // 0, 1, 2 for vowels; -1 for consonants

  std::string_view symbol() const;  // "AA"
  bool is_vowel() const;
  std::string text() const;  // "AA1", "K"
  // Same sound regardless of stress.
  bool same_sound(const Phoneme& other) const { return id == other.id; }
  friend bool operator==(const Phoneme&, const Phoneme&) = default;
};

// "AA1", "aa", "K"; also Festival's schwa "ax" (→ AH0). Case-insensitive. nullopt when unknown.
std::optional<Phoneme> parse_phoneme(std::string_view symbol, int stress = -1);
// Space-separated ARPAbet; nullopt when any symbol is unknown.
std::optional<std::vector<Phoneme>> parse_arpabet(std::string_view text);
std::string to_arpabet(std::span<const Phoneme> phonemes);  // "D AA1 K T ER0"
int count_syllables(std::span<const Phoneme> phonemes);     // number of vowels

// A pronunciation split into syllables: syllable i is phonemes[starts[i] .. starts[i+1]).
struct SyllabifiedPhonemes {
  std::vector<Phoneme> phonemes;
  std::vector<std::uint8_t> syllable_starts;  // first phoneme of each syllable; starts at 0
};

// Splits phonemes into syllables by maximal legal English onsets ("S T R", "P L", ...).
std::vector<std::uint8_t> syllabify_phonemes(std::span<const Phoneme> phonemes);

// The part that must match for a rhyme: from the last stressed vowel (or the last vowel,
// when none is stressed) to the end.
std::span<const Phoneme> rhyme_part(std::span<const Phoneme> phonemes);

}  // namespace snai::lexicon
