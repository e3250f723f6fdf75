// WordNet's suffix detachment rules (morph.c, morphy(7WN)), shared by Lexicon::lemmatize
// and the builder (which ranks inflected forms by their lemma's frequency).
#pragma once

#include <span>
#include <string_view>

#include "lexicon/pos.hpp"

namespace snai::lexicon::internal {

struct Detachment {
  std::string_view suffix;
  std::string_view ending;
};

inline constexpr Detachment kNounRules[] = {{"s", ""},     {"ses", "s"},    {"xes", "x"},    {"zes", "z"},
                                            {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}};
inline constexpr Detachment kVerbRules[] = {{"s", ""},  {"ies", "y"}, {"es", "e"},  {"es", ""},
                                            {"ed", "e"}, {"ed", ""},  {"ing", "e"}, {"ing", ""}};
inline constexpr Detachment kAdjectiveRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

inline std::span<const Detachment> detachment_rules(Pos pos) {
  switch (pos) {
    case Pos::noun: return kNounRules;
    case Pos::verb: return kVerbRules;
    case Pos::adjective: return kAdjectiveRules;
    case Pos::adverb: return {};
  }
  return {};
}

}  // namespace snai::lexicon::internal
