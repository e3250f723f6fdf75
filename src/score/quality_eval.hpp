// How well a quality model separates good names from bad: balanced accuracy and the confusion
// matrix at the decision threshold (score >= 50), ROC AUC, and calibration (Brier score and
// expected calibration error over ten probability bins). `snai eval quality` prints these.
//
//   auto e = evaluate_quality(model, {"Stripe", "Notion"}, {"xkqzvbn", "aaaa-1234"});
//   fmt::print("balanced accuracy {:.3f}, AUC {:.3f}\n", e.balanced_accuracy, e.auc);
#pragma once

#include <cstddef>
#include <span>
#include <string>

namespace snai::score {

class QualityModel;

struct QualityEvaluation {
  std::size_t positives = 0, negatives = 0;
  std::size_t true_positives = 0;   // good names scored >= 50
  std::size_t false_negatives = 0;  // good names scored < 50
  std::size_t true_negatives = 0;   // bad names scored < 50
  std::size_t false_positives = 0;  // bad names scored >= 50
  double balanced_accuracy = 0;     // mean of the two recalls
  double auc = 0;                   // P(a random good name outscores a random bad one), ties count half
  double brier = 0;                 // mean squared error of P(good)
  double calibration_error = 0;     // expected calibration error, ten equal-width bins
};

QualityEvaluation evaluate_quality(const QualityModel& model, std::span<const std::string> positives,
                                   std::span<const std::string> negatives);
// The same from P(good) already computed.
QualityEvaluation evaluate_probabilities(std::span<const double> positives, std::span<const double> negatives);

// Rank-based ROC AUC (Mann–Whitney U), ties count half; 0.5 when either side is empty.
double roc_auc(std::span<const double> positives, std::span<const double> negatives);

}  // namespace snai::score
