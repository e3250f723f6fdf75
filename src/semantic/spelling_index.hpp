// Words that are spelt alike, by shared letter trigrams ("notara" ~ "notary", "nota", "tiara").
// Embeddings trained without character n-grams use it to give a word outside the vocabulary
// (an invented name) the meaning of the vocabulary words it resembles.
//
//   SpellingIndex index(vocabulary);                 // any list of words; ids are positions
//   for (auto [id, similarity] : index.similar("notara", 8)) ...
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace snai::semantic {

class SpellingIndex {
 public:
  // Indexes plain words (letters only, 3-20 long); others keep their id but are never returned.
  explicit SpellingIndex(const std::vector<std::string>& words);

  // Up to k word ids with trigram Jaccard similarity >= min_similarity, most similar first.
  std::vector<std::pair<std::int32_t, float>> similar(std::string_view word, std::size_t k,
                                                      float min_similarity = 0.2f) const;

 private:
  std::unordered_map<std::uint32_t, std::vector<std::int32_t>> postings_;  // trigram -> word ids
  std::vector<std::uint16_t> trigram_counts_;                              // per word id
};

}  // namespace snai::semantic
