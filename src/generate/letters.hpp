// Letter-level facts about a lower-case spelling that several strategies and the scorer's
// pattern checks share: vowels, consonant runs, tripled letters.
#pragma once

#include <string_view>

namespace snai::generate {

constexpr bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }
// 'y' counts as a vowel after a consonant ("flyr", "tumbly"), as a consonant at the start ("yarn").
bool is_vowel_at(std::string_view word, std::size_t i);
// Longest run of consonants ('y' as above): "strength" → 4 ("ngth").
int longest_consonant_run(std::string_view word);
int longest_vowel_run(std::string_view word);
bool has_triple_letter(std::string_view word);  // "bossship" → true
// Vowel groups: a cheap syllable estimate ("scribe" → 2 counts the silent e; close enough to rank).
int vowel_groups(std::string_view word);

}  // namespace snai::generate
