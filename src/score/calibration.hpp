// The calibrated 0–100 score: a raw taste value turned into its percentile among real startup
// names. 70 means the name rates above 70% of the real, funded startups' names the scale was
// built from; 50 is the median real name, so `score >= 50` (a good name) is "at least as good
// as the median funded startup's name". Built by the `realism` stage of `snai data build` from
// real names it held out of training; below the lowest of them the score falls towards 0.
//
//   auto scale = ScoreCalibration::from(raw_values_of_held_out_real_names);
//   double score = scale.percentile(raw);   // 0..100
#pragma once

#include <filesystem>
#include <span>
#include <vector>

#include "core/result.hpp"

namespace snai::score {

class ScoreCalibration {
 public:
  // invalid_argument with fewer than 20 finite values.
  static Result<ScoreCalibration> from(std::span<const double> reference);
  // not_found when missing, data_corrupt when it cannot be read.
  static Result<ScoreCalibration> load(const std::filesystem::path& path);
  Status save(const std::filesystem::path& path) const;

  // Share of the reference below `raw`, 0..100, interpolated between neighbours; under the lowest
  // reference value it decays towards 0 (one point of raw value below it: a tenth as much).
  double percentile(double raw) const;
  // The raw value at percentile p (0..100): the inverse of percentile() inside the reference.
  double raw_at(double p) const;
  std::size_t size() const { return sorted_.size(); }

 private:
  explicit ScoreCalibration(std::vector<double> sorted) : sorted_(std::move(sorted)) {}
  std::vector<double> sorted_;
};

}  // namespace snai::score
