// Scores names a person brings (`snai score`, POST /v1/score), as opposed to names the generator
// made: checks each name, judges how close it is to an optional description, and scores it with
// the product's scorer (the quality model when built), reasons included.
//
//   auto scored = score_names(knowledge, {"Stripe", "xkqzvbn"}, "online payments");
//   // scored->at(0).score.score ≈ 90, reasons "easy to say", "close to the description" ...
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "naming/knowledge.hpp"
#include "score/name_score.hpp"

namespace snai::naming {

inline constexpr std::size_t kMaxScoredNames = 10000;  // per call
inline constexpr std::size_t kMaxNameBytes = 100;
// Up to this many names get exact SHAP reasons; more get the per-tree approximation, which is
// about as fast as the score itself (same scores either way).
inline constexpr std::size_t kMaxExactExplanations = 200;

struct ScoredInput {
  std::string name;
  score::NameScore score;
};

// In input order. invalid_argument naming the field ("names", "names[3]", "description") for no
// names, too many, an empty, over-long or control-character name, or bad UTF-8.
Result<std::vector<ScoredInput>> score_names(const Knowledge& knowledge, std::span<const std::string> names,
                                             std::string_view description);

// How strongly a name draws on a description's concepts, 0..1, from the description's
// expansion: a related word inside the name (weighted by how much of the name it is), or the
// name's meaning vector close to the leading concepts. Built once per description.
class DescriptionRelevance {
 public:
  static Result<DescriptionRelevance> of(const Knowledge& knowledge, std::string_view description);
  double operator()(std::string_view name) const;
  // The description's words by level, for distinctiveness.
  const score::DescriptionTerms& terms() const { return terms_; }

 private:
  struct Word {
    std::string text;
    double weight;
  };
  DescriptionRelevance(const Knowledge& knowledge, std::vector<Word> related, std::vector<Word> concepts,
                       score::DescriptionTerms terms)
      : knowledge_(&knowledge), related_(std::move(related)), concepts_(std::move(concepts)), terms_(std::move(terms)) {}
  const Knowledge* knowledge_;
  std::vector<Word> related_;
  std::vector<Word> concepts_;
  score::DescriptionTerms terms_;
};

}  // namespace snai::naming
