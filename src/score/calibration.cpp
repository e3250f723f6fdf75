#include "score/calibration.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>

#include "core/file_io.hpp"

namespace snai::score {

namespace {
constexpr std::string_view kHeader = "snai-score-calibration 1\n";
}

Result<ScoreCalibration> ScoreCalibration::from(std::span<const double> reference) {
  std::vector<double> sorted;
  for (double v : reference)
    if (std::isfinite(v)) sorted.push_back(v);
  if (sorted.size() < 20)
    return fail(ErrorCode::invalid_argument, fmt::format("calibration needs at least 20 values, got {}", sorted.size()),
                "reference");
  std::ranges::sort(sorted);
  return ScoreCalibration(std::move(sorted));
}

double ScoreCalibration::percentile(double raw) const {
  const double n = double(sorted_.size());
  if (!(raw == raw)) return 0;
  if (raw < sorted_.front()) return 100.0 * 0.5 / n * std::pow(10.0, raw - sorted_.front());
  if (raw >= sorted_.back()) return 100.0 * (n - 0.5) / n;
  auto upper = std::ranges::upper_bound(sorted_, raw);
  std::size_t k = std::size_t(upper - sorted_.begin());  // 1..n-1: sorted_[k-1] <= raw < sorted_[k]
  double low = sorted_[k - 1], high = sorted_[k];
  double fraction = high > low ? (raw - low) / (high - low) : 0;
  return 100.0 * (double(k) - 0.5 + fraction) / n;
}

double ScoreCalibration::raw_at(double p) const {
  const double n = double(sorted_.size());
  double position = std::clamp(p / 100.0 * n - 0.5, 0.0, n - 1);
  auto k = std::size_t(position);
  if (k + 1 >= sorted_.size()) return sorted_.back();
  return sorted_[k] + (position - double(k)) * (sorted_[k + 1] - sorted_[k]);
}

Status ScoreCalibration::save(const std::filesystem::path& path) const {
  std::string text(kHeader);
  text += fmt::format("{}\n", sorted_.size());
  for (double v : sorted_) text += fmt::format("{:.6f}\n", v);
  return write_file_atomically(path, text);
}

Result<ScoreCalibration> ScoreCalibration::load(const std::filesystem::path& path) {
  auto text = read_artifact(path, "score calibration");
  if (!text) return fail(text.error());
  auto corrupt = [&](std::string_view why) {
    return fail(ErrorCode::data_corrupt, fmt::format("score calibration {} {}: rebuild with `snai data build`", path.string(), why));
  };
  std::string_view rest(*text);
  if (!rest.starts_with(kHeader)) return corrupt("has no header");
  rest.remove_prefix(kHeader.size());
  auto next_line = [&]() {
    auto end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    return line;
  };
  auto count_line = next_line();
  std::size_t count = 0;
  if (std::from_chars(count_line.data(), count_line.data() + count_line.size(), count).ec != std::errc{})
    return corrupt("has no count");
  std::vector<double> values;
  values.reserve(count);
  while (!rest.empty()) {
    auto line = next_line();
    double v = 0;
    auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), v);
    if (ec != std::errc{} || end != line.data() + line.size()) return corrupt("has a bad value");
    values.push_back(v);
  }
  if (values.size() != count || !std::ranges::is_sorted(values)) return corrupt("is truncated or unsorted");
  auto made = from(values);
  if (!made) return corrupt(made.error().message);
  return made;
}

}  // namespace snai::score
