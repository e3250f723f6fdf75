#include "score/quality_eval.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>
#include <vector>

#include "score/quality_model.hpp"

namespace snai::score {

double roc_auc(std::span<const double> positives, std::span<const double> negatives) {
  if (positives.empty() || negatives.empty()) return 0.5;
  std::vector<std::pair<double, bool>> all;
  all.reserve(positives.size() + negatives.size());
  for (double p : positives) all.emplace_back(p, true);
  for (double n : negatives) all.emplace_back(n, false);
  std::ranges::sort(all, {}, &std::pair<double, bool>::first);
  double rank_sum = 0;  // of the positives, 1-based, ties given their mean rank
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    while (j < all.size() && all[j].first == all[i].first) ++j;
    double mean_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
    for (std::size_t k = i; k < j; ++k)
      if (all[k].second) rank_sum += mean_rank;
    i = j;
  }
  auto np = static_cast<double>(positives.size()), nn = static_cast<double>(negatives.size());
  return (rank_sum - np * (np + 1) / 2) / (np * nn);
}

QualityEvaluation evaluate_probabilities(std::span<const double> positives, std::span<const double> negatives) {
  QualityEvaluation e;
  e.positives = positives.size();
  e.negatives = negatives.size();
  constexpr double kThreshold = kGoodScore / 100;
  std::array<double, 10> bin_sum{}, bin_hits{}, bin_count{};
  double squared = 0;
  auto add = [&](double p, bool good) {
    squared += (p - (good ? 1.0 : 0.0)) * (p - (good ? 1.0 : 0.0));
    auto b = std::min<std::size_t>(9, static_cast<std::size_t>(std::max(0.0, p) * 10));
    bin_sum[b] += p;
    bin_hits[b] += good ? 1 : 0;
    bin_count[b] += 1;
  };
  for (double p : positives) {
    (p >= kThreshold ? e.true_positives : e.false_negatives)++;
    add(p, true);
  }
  for (double p : negatives) {
    (p >= kThreshold ? e.false_positives : e.true_negatives)++;
    add(p, false);
  }
  double tpr = e.positives ? static_cast<double>(e.true_positives) / static_cast<double>(e.positives) : 0;
  double tnr = e.negatives ? static_cast<double>(e.true_negatives) / static_cast<double>(e.negatives) : 0;
  e.balanced_accuracy = (tpr + tnr) / 2;
  e.auc = roc_auc(positives, negatives);
  double total = static_cast<double>(e.positives + e.negatives);
  if (total > 0) {
    e.brier = squared / total;
    for (std::size_t b = 0; b < bin_sum.size(); ++b)
      if (bin_count[b] > 0) e.calibration_error += std::abs(bin_sum[b] - bin_hits[b]) / total;
  }
  return e;
}

QualityEvaluation evaluate_quality(const QualityModel& model, std::span<const std::string> positives,
                                   std::span<const std::string> negatives) {
  auto p = model.probabilities(positives);
  auto n = model.probabilities(negatives);
  return evaluate_probabilities(p, n);
}

}  // namespace snai::score
