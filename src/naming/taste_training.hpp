// Trains the taste scorer's learnt parts (score/name_scorer.hpp) against the generator itself:
// the realism model (real names vs the generator's candidates for lexicon-made product
// descriptions, training_descriptions.hpp) in adversarial rounds — each round ranks with the
// previous model and adds what it put on top as negatives, until the easy tells are learnt — and
// the calibration scale: the raw taste value of real startup names held out of training. Run by
// the `realism` stage of `snai data build` on the loaded knowledge (its realism and calibration
// are replaced while training and left set to the result).
//
//   auto models = train_taste(*knowledge, *real_names, {}, progress);
//   models->realism.save(...);  models->calibration.save(...);
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "naming/knowledge.hpp"
#include "naming/real_names.hpp"
#include "score/calibration.hpp"
#include "score/realism_model.hpp"

namespace snai::naming {

struct TasteTrainingOptions {
  std::size_t descriptions = 400;   // made from the lexicon; one in five validates
  int adversarial_rounds = 2;       // after the first model
  std::size_t all_candidates = 500; // per description in the first round
  std::size_t top = 20;             // per description and later round: the ranking's favourites
  float top_weight = 3;
  std::uint64_t seed = 7;
  score::RealismTrainOptions realism;
};

// One round's check on descriptions it did not train on: how well the round's model tells the
// top 10 its ranking picked from held-out real startup names (0.5: it cannot).
struct TasteRound {
  int round = 0;
  std::size_t negatives = 0;  // generated names trained on so far
  double top10_auc = 0;
  double fresh_auc = 0;  // the same two sets told apart by a fresh classifier (naming/taste_eval.hpp)
};

struct TasteModels {
  score::RealismModel realism;
  score::ScoreCalibration calibration;
  std::vector<TasteRound> rounds;
};

using TasteProgress = std::function<void(double fraction, const std::string& stage)>;

// invalid_argument without real names of both splits or when no description yields names.
Result<TasteModels> train_taste(Knowledge& knowledge, const RealNames& names, const TasteTrainingOptions& options,
                                const TasteProgress& progress);

// The taste scorer's raw value of each name judged alone (no description): what calibration ranks.
std::vector<double> raw_taste(const Knowledge& knowledge, std::span<const std::string> names);

}  // namespace snai::naming
