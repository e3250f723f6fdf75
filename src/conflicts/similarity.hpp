// How alike two names are by spelling and by sound, each as a 0..1 similarity:
// - spelling: an edit distance over normalised keys where the edits that fool a reader cost
//   less — visual confusables (rn/m, vv/w, cl/d, 0/o, 1/l/i, 5/s), keyboard neighbours
//   (QWERTY), swapped neighbours and doubled letters;
// - sound: an edit distance over phonemes (stress ignored) where near sounds cost less —
//   vowel for vowel, voiced for voiceless (P/B, S/Z ...), nasal for nasal, ER for R.
//
//   using namespace snai::conflicts;
//   spelling_similarity("stripe", "strlpe");   // 0.95: i/l look alike
//   edit_distance("lyft", "lift");             // 1
//   sound_similarity(phonemes_of("lyft"), phonemes_of("lift"));   // 1
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace snai::conflicts {

// Plain optimal-string-alignment distance (insert, delete, substitute, swap neighbours: 1 each).
int edit_distance(std::string_view a, std::string_view b);

// Weighted distance over lower-case keys (see the header comment for the cheaper edits).
double spelling_distance(std::string_view a, std::string_view b);

// 1 - spelling_distance / longer length, clamped to 0..1; 1 for two equal non-empty keys.
double spelling_similarity(std::string_view a, std::string_view b);

// The key as it reads at a glance: rn→m, vv→w, cl→d, 0→o, 1/i→l, 5→s, $→s, doubled letters
// once. Equal skeletons look alike ("rnicrosoft" and "microsoft").
std::string visual_skeleton(std::string_view key);

// Phonemes as lexicon::Phoneme ids (stress dropped), one byte each.
using PhonemeString = std::basic_string<std::uint8_t>;

double phoneme_distance(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b);
// 1 - phoneme_distance / longer length, clamped to 0..1; 0 when either is empty.
double sound_similarity(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b);

}  // namespace snai::conflicts
