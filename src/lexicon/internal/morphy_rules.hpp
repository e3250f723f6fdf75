// WordNet's suffix detachment rules (morph.c, morphy(7WN)), shared by Lexicon::lemmatize
// and the builder (which ranks inflected forms by their lemma's frequency).
#pragma once

#include <optional>
#include <span>
#include <string>
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

// `word` with the rule's suffix replaced by its ending; nullopt when the rule does not apply.
inline std::optional<std::string> detach(std::string_view word, const Detachment& rule) {
  if (word.size() <= rule.suffix.size() || !word.ends_with(rule.suffix)) return std::nullopt;
  return std::string(word.substr(0, word.size() - rule.suffix.size())) + std::string(rule.ending);
}

}  // namespace snai::lexicon::internal
