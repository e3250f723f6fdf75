#include "score/name_scorer.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace snai::score {

namespace {

double logistic_score(double logit) { return 100.0 / (1.0 + std::exp(-logit)); }

// "ora$" → "the \"-ora\" ending", "^get" → "the \"get-\" opening", "_hea" → "\"hea\"".
std::string describe_gram(std::string_view gram) {
  std::string letters;
  for (char c : gram)
    if (c != '^' && c != '$') letters += c == '_' ? ' ' : c;
  if (gram.ends_with('$') && !gram.starts_with('^')) return fmt::format("the \"-{}\" ending", letters);
  if (gram.starts_with('^') && !gram.ends_with('$')) return fmt::format("the \"{}-\" opening", letters);
  return fmt::format("\"{}\"", letters);
}

}  // namespace

std::string explain_realism(double effect, const std::vector<std::pair<std::string, double>>& tells) {
  if (effect >= 1.0) return "looks like the names founders choose";
  if (effect > -1.0) return "";
  for (const auto& [gram, weight] : tells)
    if (weight < 0) return fmt::format("reads as machine-made ({})", describe_gram(gram));
  return "reads as machine-made";
}

std::vector<NameScore> NameScorer::score_batch(std::span<const ScoreInput> inputs, Explain explain) const {
  std::vector<NameScore> out;
  if (!parts_.quality) {
    out.reserve(inputs.size());
    for (const ScoreInput& input : inputs) out.push_back(interim_.score(input));
    return out;
  }
  if (!is_taste()) return parts_.quality->score_batch(inputs, explain);
  // The quality model judges the name alone; the description comes in below.
  std::vector<ScoreInput> plain(inputs.begin(), inputs.end());
  for (auto& in : plain) in.relevance.reset();
  out = parts_.quality->score_batch(plain, explain);
  add_taste(inputs, out, explain);
  return out;
}

void NameScorer::add_taste(std::span<const ScoreInput> inputs, std::vector<NameScore>& scores, Explain explain) const {
  const bool reasons = explain != Explain::none;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    NameScore& s = scores[i];
    const ScoreInput& in = inputs[i];
    s.model = "taste";
    ScoreBreakdown b;
    b.quality = weights_.quality_cap * std::tanh(s.log_odds / weights_.quality_cap);
    double well_formed = 1.0 / (1.0 + std::exp(-(s.log_odds - weights_.realism_gate)));
    b.realism = weights_.realism * well_formed *
                std::clamp(parts_.realism->logit(in.name), weights_.realism_low, weights_.realism_high);
    auto judged = judge_.judge(in.name, in.terms);
    s.distinctiveness = std::string(to_string(judged.level));
    b.distinctiveness = judged.effect;
    bool literal = judged.level == Distinctiveness::generic || judged.level == Distinctiveness::descriptive;
    if (in.relevance && !literal)
      b.relevance = weights_.relevance * (std::clamp(*in.relevance, 0.0, 1.0) - weights_.relevance_floor);
    b.raw = b.quality + b.realism + b.distinctiveness + b.relevance;
    if (parts_.calibration) {
      s.score = parts_.calibration->percentile(b.raw);
      b.calibrated = true;
    } else {
      s.score = logistic_score(b.raw);
    }
    // A name with nothing to say keeps the quality model's verdict (0, "empty name").
    if (s.log_odds == 0 && s.reasons.size() == 1 && s.reasons.front().feature == "letters") s.score = 0;
    if (reasons) {
      // The quality model's reasons count only as far as its capped log-odds does.
      if (s.log_odds != 0) {
        double scale = b.quality / s.log_odds;
        for (auto& r : s.reasons) r.effect *= scale;
      }
      if (auto text = explain_realism(b.realism, parts_.realism->tells(in.name, 6)); !text.empty())
        s.reasons.push_back({"realism", b.realism, std::move(text)});
      if (judged.effect != 0 || in.terms)
        s.reasons.push_back({"distinctiveness", judged.effect, judged.why});
      if (b.relevance != 0)
        s.reasons.push_back({"relevance", b.relevance,
                             *in.relevance >= 0.6   ? "evokes the description"
                             : *in.relevance >= 0.4 ? "related to the description"
                             : *in.relevance >= 0.2 ? "loosely related to the description"
                                                    : "unrelated to the description"});
      std::ranges::stable_sort(s.reasons, [](const Reason& a, const Reason& b) { return std::abs(a.effect) > std::abs(b.effect); });
    }
    s.breakdown = b;
  }
}

}  // namespace snai::score
