#include "generate/letters.hpp"

#include <algorithm>
#include <cctype>

namespace snai::generate {

namespace {
// std::tolower in the "C" locale the program runs in, without its call per letter (these run
// for every letter of every candidate).
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

bool is_vowel_at(std::string_view word, std::size_t i) {
  char c = lower(word[i]);
  if (is_vowel(c)) return true;
  if (c != 'y' || i == 0) return false;
  return !is_vowel(lower(word[i - 1]));
}

namespace {
int longest_run(std::string_view word, bool vowels) {
  int best = 0, run = 0;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (!std::isalpha(static_cast<unsigned char>(word[i]))) {
      run = 0;
      continue;
    }
    run = is_vowel_at(word, i) == vowels ? run + 1 : 0;
    best = std::max(best, run);
  }
  return best;
}
}  // namespace

int longest_consonant_run(std::string_view word) { return longest_run(word, false); }
int longest_vowel_run(std::string_view word) { return longest_run(word, true); }

bool has_triple_letter(std::string_view word) {
  for (std::size_t i = 2; i < word.size(); ++i) {
    char a = lower(word[i - 2]), b = lower(word[i - 1]), c = lower(word[i]);
    if (a == b && b == c && std::isalpha(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

int vowel_groups(std::string_view word) {
  int groups = 0;
  bool in_vowel = false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    bool v = std::isalpha(static_cast<unsigned char>(word[i])) && is_vowel_at(word, i);
    if (v && !in_vowel) ++groups;
    in_vowel = v;
  }
  return std::max(groups, 1);
}

}  // namespace snai::generate
