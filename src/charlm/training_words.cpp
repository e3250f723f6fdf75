#include "charlm/training_words.hpp"

#include <algorithm>
#include <bit>
#include <limits>

namespace snai::charlm {
namespace {

bool letters_only(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) {
    auto u = static_cast<unsigned char>(c) | 0x20u;
    return u >= 'a' && u <= 'z';
  });
}

std::string lower(std::string_view word) {
  std::string out(word);
  for (char& c : out) c = static_cast<char>(static_cast<unsigned char>(c) | 0x20u);
  return out;
}

}  // namespace

// Types, not tokens, are the base: a rare word still shows a valid English spelling, and token
// frequencies would let "the" and "of" drown the rest. Common words count a little more, in
// steps of log2 of their WordNet tag count, so everyday spellings shape the model most.
// Proper names only from the common list: the huge list's surnames and places are mostly
// foreign spellings.
std::vector<TrainingWord> lexicon_training_words(const lexicon::Lexicon& lexicon) {
  std::vector<TrainingWord> out;
  for (auto key : lexicon.words_with_prefix("", std::numeric_limits<std::size_t>::max())) {
    if (key.size() < 2 || key.size() > CharModel::kMaxWordLength || !letters_only(key)) continue;
    auto word = lexicon.lookup(key);
    if (!word) continue;
    if (word->capitalized && !word->common) continue;
    std::uint32_t count = 1 + (word->common ? 1u : 0u) + std::min<std::uint32_t>(4, std::bit_width(word->tag_count));
    out.push_back({std::string(key), count});
  }
  return out;
}

std::vector<TrainingWord> brand_training_words(const brands::BrandRegistry& brands) {
  std::vector<TrainingWord> out;
  for (const auto& brand : brands.all())
    if (brand.name.size() >= 3 && brand.name.size() <= CharModel::kMaxWordLength && letters_only(brand.name))
      out.push_back({lower(brand.name), 3});
  return out;
}

}  // namespace snai::charlm
