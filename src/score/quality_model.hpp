// The trained name quality model: gradient-boosted trees (XGBoost C API, binary:logistic) over
// the features of features.hpp. A name scores 0–100 (score >= 50 is a good name); its reasons
// are the per-feature SHAP contributions (XGBoost pred_contribs) in plain words, strongest
// first ("easy to say", "close to Stripe", "14 letters: long"). Trained by the `quality` stage
// of `snai data build` into <data_dir>/data/quality.xgb; the feature resources (character model,
// lexicon, brand neighbours, name screen) are the caller's and must outlive the model.
//
//   auto model = QualityModel::load("var/data/quality.xgb", {.char_model = &cm, .lexicon = &lex,
//                                                          .brands = &neighbours, .screen = &screen});
//   NameScore s = model->score({.name = "Stripe"});          // ~90, "easy to say", "6 letters: short"
//   auto many = model->score_batch(inputs, Explain::none);      // fast path for ranking
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "score/features.hpp"
#include "score/interim_scorer.hpp"
#include "score/name_score.hpp"
#include "score/quality_training.hpp"

namespace snai::score {

// How score_batch explains: not at all (ranking), by per-tree path attributions (XGBoost's
// approximate pred_contribs, Saabas: about as fast as a prediction), or by exact TreeSHAP
// (pred_contribs: consistent, ~20x slower). All three give the same score.
enum class Explain { none, fast, shap };

struct QualityTrainOptions {
  int rounds = 300;
  int max_depth = 4;
  double eta = 0.1;
  double subsample = 0.8;
  double colsample = 0.8;
  double min_child_weight = 2;
  std::uint64_t seed = 7;
};

class QualityModel {
 public:
  // Trains on the names with held_out == false.
  static Result<QualityModel> train(std::span<const LabeledName> names, FeatureContext context,
                                    const QualityTrainOptions& options = {});
  // not_found when missing; data_corrupt when XGBoost cannot read it or it expects another
  // number of features (a model from an older feature set: rebuild with `snai data build`).
  static Result<QualityModel> load(const std::filesystem::path& path, FeatureContext context);
  // Atomic: a temporary file renamed into place.
  Status save(const std::filesystem::path& path) const;

  // input.relevance, when given, adds a fixed (not learned) term as in the interim scorer (the
  // model knows names, not descriptions), on top of the model's log-odds capped at P = 0.95 so
  // that among good names the description decides. Thread-safe.
  NameScore score(const ScoreInput& input) const;
  // In input order.
  std::vector<NameScore> score_batch(std::span<const ScoreInput> inputs, Explain explain = Explain::shap) const;
  // P(good) of each name, 0..1: what evaluation and benchmarks use.
  std::vector<double> probabilities(std::span<const std::string> names) const;

  const NameFeatures& features() const { return features_; }

  QualityModel(QualityModel&&) noexcept;
  QualityModel& operator=(QualityModel&&) noexcept;
  ~QualityModel();

 private:
  struct Booster;
  QualityModel(std::unique_ptr<Booster> booster, FeatureContext context);
  std::unique_ptr<Booster> booster_;
  NameFeatures features_;
};

// Plain words for one feature's contribution (effect in log-odds, + helps): "easy to say".
std::string explain_feature(Feature feature, const FeatureVector& v, double effect);

}  // namespace snai::score
