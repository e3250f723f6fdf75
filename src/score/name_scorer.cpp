#include "score/name_scorer.hpp"

namespace snai::score {

std::vector<NameScore> NameScorer::score_batch(std::span<const ScoreInput> inputs, Explain explain) const {
  if (model_) return model_->score_batch(inputs, explain);
  std::vector<NameScore> out;
  out.reserve(inputs.size());
  for (const ScoreInput& input : inputs) out.push_back(interim_.score(input));
  return out;
}

}  // namespace snai::score
