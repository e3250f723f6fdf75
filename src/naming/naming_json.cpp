#include "naming/naming_json.hpp"

#include <cmath>

namespace snai::naming {

namespace {
double round_to(double value, double step) { return std::round(value / step) * step; }
}  // namespace

nlohmann::json explanation_json(const score::NameScore& score) {
  auto reasons = nlohmann::json::array();
  for (const auto& r : score.reasons)
    reasons.push_back({{"feature", r.feature}, {"effect", round_to(r.effect, 0.01)}, {"text", r.text}});
  nlohmann::json out = {{"model", score.model}, {"reasons", std::move(reasons)}};
  if (score.breakdown) {
    const auto& b = *score.breakdown;
    out["inputs"] = {{"quality", round_to(b.quality, 0.01)},
                     {"realism", round_to(b.realism, 0.01)},
                     {"distinctiveness", round_to(b.distinctiveness, 0.01)},
                     {"relevance", round_to(b.relevance, 0.01)},
                     {"raw", round_to(b.raw, 0.01)}};
    out["scale"] = b.calibrated ? "percentile among real startup names" : "logistic of raw";
  }
  return out;
}

namespace {
void add_distinctiveness(nlohmann::json& name, const score::NameScore& score) {
  if (!score.distinctiveness.empty()) name["distinctiveness"] = score.distinctiveness;
}
}  // namespace

std::string reasons_line(const score::NameScore& score, std::size_t count) {
  std::string line;
  for (std::size_t r = 0; r < score.reasons.size() && r < count; ++r) {
    if (r > 0) line += "; ";
    line += score.reasons[r].effect >= 0 ? "+ " : "- ";
    line += score.reasons[r].text;
  }
  return line;
}

nlohmann::json to_json(const NamingResult& result) {
  auto names = nlohmann::json::array();
  for (const auto& n : result.names)
  {
    nlohmann::json name = {{"name", n.candidate.name},
                           {"style", generate::to_string(n.candidate.style)},
                           {"score", round_to(n.score.score, 0.1)},
                           {"explanation", explanation_json(n.score)},
                           {"parts", n.candidate.parts}};
    add_distinctiveness(name, n.score);
    names.push_back(std::move(name));
  }
  return {{"names", std::move(names)}, {"took_ms", round_to(result.took_ms, 0.01)}, {"notes", result.notes}};
}

nlohmann::json to_json(std::span<const ScoredInput> scored) {
  auto names = nlohmann::json::array();
  for (const auto& n : scored)
  {
    nlohmann::json name = {{"name", n.name}, {"score", round_to(n.score.score, 0.1)}, {"explanation", explanation_json(n.score)}};
    add_distinctiveness(name, n.score);
    names.push_back(std::move(name));
  }
  return {{"names", std::move(names)}};
}

}  // namespace snai::naming
