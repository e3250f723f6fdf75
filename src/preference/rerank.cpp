#include "preference/rerank.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "score/name_score.hpp"

namespace snai::preference {

std::vector<std::size_t> blended_order(std::span<const double> quality, std::span<const double> utility,
                                       std::uint64_t events, const RerankOptions& options) {
  std::size_t n = std::min(quality.size(), utility.size());
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  if (n == 0) return order;
  double mean = std::accumulate(utility.begin(), utility.begin() + std::ptrdiff_t(n), 0.0) / double(n);
  double var = 0;
  for (std::size_t i = 0; i < n; ++i) var += (utility[i] - mean) * (utility[i] - mean);
  double sd = std::sqrt(var / double(n));
  double confidence = double(events) / (double(events) + std::max(1e-9, options.confidence_events));
  std::vector<double> key(n);
  for (std::size_t i = 0; i < n; ++i) {
    // Utilities are relative: only their spread within this list says anything.
    double z = sd > 1e-9 ? (utility[i] - mean) / sd : 0.0;
    key[i] = quality[i] + options.max_shift * confidence * std::tanh(z);
  }
  std::ranges::stable_sort(order, [&](std::size_t a, std::size_t b) {
    bool good_a = quality[a] >= score::kGoodScore, good_b = quality[b] >= score::kGoodScore;
    if (good_a != good_b) return good_a;
    return key[a] > key[b];
  });
  return order;
}

namespace {
// The ranker's order is the starting point (it spreads styles and roots, so it is not sorted by
// score): each name's quality is capped by the one before it, so with no preference the order
// stays as it was and a preference moves a name at most max_shift points from its place.
void in_list_order(std::vector<double>& quality) {
  for (std::size_t i = 1; i < quality.size(); ++i) quality[i] = std::min(quality[i], quality[i - 1]);
}
}  // namespace

void rerank(std::vector<naming::ScoredName>& names, const PreferenceModel& model, const NameDescriber& describer,
            const RerankOptions& options) {
  if (!model.trained() || names.size() < 2) return;
  std::vector<double> quality, utility;
  quality.reserve(names.size());
  utility.reserve(names.size());
  for (const auto& n : names) {
    quality.push_back(n.score.score);
    utility.push_back(model.score(describer.describe({.name = n.candidate.name,
                                                      .style = n.candidate.style,
                                                      .parts = n.candidate.parts,
                                                      .sounds_like = n.candidate.sounds_like})));
  }
  in_list_order(quality);
  auto order = blended_order(quality, utility, model.events(), options);
  std::vector<naming::ScoredName> out;
  out.reserve(names.size());
  for (auto i : order) out.push_back(std::move(names[i]));
  names = std::move(out);
}

void rerank_json(nlohmann::json& names, const PreferenceModel& model, const NameDescriber& describer,
                 const RerankOptions& options) {
  if (!model.trained() || !names.is_array() || names.size() < 2) return;
  std::vector<double> quality, utility;
  for (const auto& n : names) {
    NameInfo info;
    if (n.is_object()) {
      if (auto it = n.find("name"); it != n.end() && it->is_string()) info.name = it->get<std::string>();
      if (auto it = n.find("style"); it != n.end() && it->is_string())
        info.style = generate::parse_style(it->get<std::string>()).value_or(generate::Style::dictionary);
      if (auto it = n.find("parts"); it != n.end() && it->is_array())
        for (const auto& p : *it)
          if (p.is_string()) info.parts.push_back(p.get<std::string>());
    }
    auto score = n.is_object() ? n.find("score") : n.end();
    quality.push_back(score != n.end() && score->is_number() ? score->get<double>() : 0.0);
    utility.push_back(model.score(describer.describe(info)));
  }
  in_list_order(quality);
  auto order = blended_order(quality, utility, model.events(), options);
  nlohmann::json out = nlohmann::json::array();
  for (auto i : order) out.push_back(std::move(names[i]));
  names = std::move(out);
}

}  // namespace snai::preference
