// The interim quality score: a small hand-weighted logistic model over cheap features
// (length, words, syllables, letter patterns, pronounceability from the character model,
// relevance to the description, real word or not) until the trained model of issue #5 lands.
// It already gives the same shape of answer: 0–100 and the reasons, strongest first.
//
//   InterimScorer scorer(&char_model, &lexicon);
//   NameScore s = scorer.score({.name = "Notely", .relevance = 0.8});   // 78, "easy to say", ...
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.hpp"
#include "score/name_score.hpp"

namespace snai::charlm {
class CharModel;
}
namespace snai::screening {
struct ScreenFinding;
}

namespace snai::score {

class DescriptionTerms;

struct ScoreInput {
  std::string_view name;
  std::optional<double> relevance;  // 0..1 when the name was made for a description
  std::string_view sounds_like;     // a respelling's source word: say-ability is judged on it
  // What the name screen found in `name` when the caller already asked it (the generator screens
  // every name it admits): the quality features then do not screen it again. Null: they do.
  const std::vector<screening::ScreenFinding>* screened = nullptr;
  // The description's words by level (distinctiveness.hpp) when the name was made for or is judged
  // against a description: generic and descriptive names are then told apart from the rest.
  const DescriptionTerms* terms = nullptr;
};

class InterimScorer {
 public:
  // Both may be null: pronounceability then comes from letter patterns alone, and real words
  // are not recognised.
  InterimScorer(const charlm::CharModel* char_model, const lexicon::Lexicon* lexicon)
      : char_model_(char_model), lexicon_(lexicon) {}

  NameScore score(const ScoreInput& input) const;

 private:
  const charlm::CharModel* char_model_;
  const lexicon::Lexicon* lexicon_;
};

}  // namespace snai::score
