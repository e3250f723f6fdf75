// The small hand-made lists NameScreen adds to what WordNet marks: offensive words WordNet
// lacks or marks in only one of several senses, WordNet entries that are not offensive in a
// name, and the English function words a reader splits a run-together name into.
#pragma once

#include <span>
#include <string_view>

namespace snai::screening::internal {

struct CuratedWord {
  std::string_view word;      // lower-case a-z
  bool severe = false;        // also flagged at the start or end of an invented word ("fuckly")
  std::string_view category;  // "profanity", "sexual", "slur", "hate", "sexual violence"
};

std::span<const CuratedWord> curated_offensive_words();
// In a WordNet offensive sense only as a capitalised given name's homograph ("Jerry").
std::span<const std::string_view> not_offensive_in_names();
// Articles, pronouns, prepositions, conjunctions, auxiliaries: WordNet has none of them.
std::span<const std::string_view> function_words();

}  // namespace snai::screening::internal
