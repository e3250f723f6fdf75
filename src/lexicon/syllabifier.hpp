// Splits a spelling into syllables: vowel groups are nuclei (silent final "e" dropped,
// "qu" and initial "y" are consonants), and consonants between them go to the next
// syllable as far as English onsets allow ("doc·tor", "ap·ple", "in·stant", "mis·take").
// When the pronunciation's syllable count is known, the split is bent to match it
// (hiatus "pi·a·no", syllabic final consonants "qui·vr").
//
//   snai::lexicon::split_spelling("notara")      // {"no", "ta", "ra"}
//   snai::lexicon::split_spelling("quivr", 2)    // {"qui", "vr"}
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace snai::lexicon {

// syllable_count 0: decide from the spelling alone. Case is kept; non-letters count as consonants.
std::vector<std::string> split_spelling(std::string_view word, int syllable_count = 0);

// Syllables the spelling suggests (at least 1 for a word with a letter, 0 for none).
int estimate_syllables(std::string_view word);

}  // namespace snai::lexicon
