#include "naming/description_terms.hpp"

#include <cctype>

namespace snai::naming {

namespace {

// Concepts below this salience are side words of the description ("for", "new" are gone already).
constexpr double kConceptFloor = 0.25;

bool usable(std::string_view word) {
  if (word.size() < 3) return false;
  for (char c : word)
    if (!std::islower(static_cast<unsigned char>(c))) return false;
  return true;
}

score::TermLevel level_of(const semantic::RelatedWord& r) {
  using score::TermLevel;
  if (r.relation == "concept") return TermLevel::category;
  if (r.relation == "synonym") return r.weight >= 0.5 ? TermLevel::category : TermLevel::descriptive;
  if (r.relation == "derivation" || r.relation == "hypernym" || r.relation == "similar" || r.relation == "domain")
    return TermLevel::descriptive;
  if (r.relation == "hyponym") return r.weight >= 0.4 ? TermLevel::descriptive : TermLevel::associative;
  return r.weight >= 0.6 ? TermLevel::descriptive : TermLevel::associative;
}

}  // namespace

score::DescriptionTerms description_terms(const semantic::Expansion& expansion) {
  std::vector<score::DescriptionTerm> terms;
  terms.reserve(expansion.concepts.size() * 2 + expansion.related.size());
  for (const auto& c : expansion.concepts) {
    if (c.weight < kConceptFloor) continue;
    for (const std::string* w : {&c.lemma, &c.word})
      if (usable(*w)) terms.push_back({*w, score::TermLevel::category, c.weight});
  }
  for (const auto& r : expansion.related)
    if (usable(r.word)) terms.push_back({r.word, level_of(r), r.weight});
  return score::DescriptionTerms(terms);
}

}  // namespace snai::naming
