// The scorer the product ranks and explains with: the trained quality model (quality_model.hpp)
// when `snai data build` made one, else the interim heuristic scorer (interim_scorer.hpp), so a
// data dir built before the model existed still scores. Explain::none is the ranking fast path;
// names shown to a person get Explain::shap.
//
//   NameScorer scorer(&char_model, &lexicon, knowledge.quality ? &*knowledge.quality : nullptr);
//   auto scores = scorer.score_batch(inputs, Explain::none);   // rank these
//   auto shown = scorer.score_batch(top, Explain::shap);        // explain those
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "score/interim_scorer.hpp"
#include "score/quality_model.hpp"

namespace snai::score {

class NameScorer {
 public:
  // All may be null; the model, when given, decides every score.
  NameScorer(const charlm::CharModel* char_model, const lexicon::Lexicon* lexicon, const QualityModel* model)
      : interim_(char_model, lexicon), model_(model) {}

  // In input order. The interim scorer always explains (its reasons cost nothing).
  std::vector<NameScore> score_batch(std::span<const ScoreInput> inputs, Explain explain) const;

  // "xgboost" or "interim": which scorer decides.
  std::string_view model_name() const { return model_ ? "xgboost" : "interim"; }

 private:
  InterimScorer interim_;
  const QualityModel* model_;
};

}  // namespace snai::score
