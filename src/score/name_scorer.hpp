// The scorer the product ranks and explains with. With the artifacts of `snai data build` it is
// the taste scorer: the quality model's log-odds (well-formed, sayable, not junk; capped, so that
// among well-formed names it stops counting), plus realism (realism_model.hpp: looks like a name
// founders chose), plus distinctiveness against the description (distinctiveness.hpp: generic
// and descriptive names pay), plus a hint of the description for names that do not spell it out;
// the sum is turned into its percentile among real startup names (calibration.hpp), so 50 is the
// median funded startup's name. Missing parts fall back: no realism model or calibration → the
// quality model's own 0–100; no quality model → the interim heuristic scorer.
// Explain::none is the ranking fast path; names shown to a person get reasons.
//
//   NameScorer scorer({.char_model = &cm, .lexicon = &lex, .quality = &model, .realism = &realism,
//                      .calibration = &scale});
//   auto scores = scorer.score_batch(inputs, Explain::none);   // rank these
//   auto shown = scorer.score_batch(top, Explain::fast);        // explain those
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "score/calibration.hpp"
#include "score/distinctiveness.hpp"
#include "score/interim_scorer.hpp"
#include "score/quality_model.hpp"
#include "score/realism_model.hpp"

namespace snai::score {

struct ScorerParts {
  const charlm::CharModel* char_model = nullptr;
  const lexicon::Lexicon* lexicon = nullptr;
  const QualityModel* quality = nullptr;
  const RealismModel* realism = nullptr;        // with quality: the taste scorer
  const ScoreCalibration* calibration = nullptr;  // with realism: scores are percentiles
};

// The taste scorer's weights, in log-odds.
struct TasteWeights {
  double quality_cap = 4.0;   // quality log-odds saturate softly here: cap * tanh(q / cap)
  double realism = 1.5;
  // Realism is learnt among well-formed names only (the generator makes no mash): it counts in
  // proportion to P(well-formed) from the quality model, shifted by `realism_gate`, and within these bounds.
  double realism_gate = 1.5;
  double realism_low = -5.0, realism_high = 4.0;
  double relevance = 1.5;     // per unit of relevance above `relevance_floor`, for names that do not spell it out
  double relevance_floor = 0.25;
};

class NameScorer {
 public:
  // All may be null; see ScorerParts.
  explicit NameScorer(ScorerParts parts, TasteWeights weights = {})
      : interim_(parts.char_model, parts.lexicon), parts_(parts), weights_(weights), judge_(parts.lexicon) {}
  NameScorer(const charlm::CharModel* char_model, const lexicon::Lexicon* lexicon, const QualityModel* model)
      : NameScorer(ScorerParts{.char_model = char_model, .lexicon = lexicon, .quality = model}) {}

  // In input order. The interim scorer always explains (its reasons cost nothing).
  std::vector<NameScore> score_batch(std::span<const ScoreInput> inputs, Explain explain) const;

  // "taste", "xgboost" or "interim": which scorer decides.
  std::string_view model_name() const { return is_taste() ? "taste" : parts_.quality ? "xgboost" : "interim"; }
  bool is_taste() const { return parts_.quality && parts_.realism; }
  const DistinctivenessJudge& judge() const { return judge_; }

 private:
  void add_taste(std::span<const ScoreInput> inputs, std::vector<NameScore>& scores, Explain explain) const;

  InterimScorer interim_;
  ScorerParts parts_;
  TasteWeights weights_;
  DistinctivenessJudge judge_;
};

// The realism reason in plain words ("" when it says nothing): "looks like names founders choose",
// "reads as machine-made (the \"-ora\" ending)".
std::string explain_realism(double effect, const std::vector<std::pair<std::string, double>>& tells);

}  // namespace snai::score
