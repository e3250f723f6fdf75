// How pronunciations are stored in the lexicon artifact: one byte per phoneme
// (id in bits 0-5, vowel stress in bits 6-7) and 0xFF between syllables.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "lexicon/phoneme.hpp"

namespace snai::lexicon::internal {

inline constexpr std::uint8_t kSyllableBreak = 0xFF;

std::string encode_phonemes(const SyllabifiedPhonemes& pron);
// False when a byte is not a phoneme (corrupt data).
bool decode_phonemes(std::string_view bytes, SyllabifiedPhonemes& out);
// Orders rhyme parts by sound, ignoring stress: <0, 0, >0.
int compare_rhyme_parts(std::span<const Phoneme> a, std::span<const Phoneme> b);

}  // namespace snai::lexicon::internal
