// A name's quality score and the reasons behind it: what every scorer returns and what
// `generate`, `score` and the API print. score is 0–100; score >= 50 means a good name.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace snai::score {

struct Reason {
  std::string feature;  // "length", "pronounceable", "relevance" ...
  double effect = 0;    // contribution to the score's log-odds: + helps, - hurts
  std::string text;     // plain words: "6 letters: short", "hard to say"
};

// What went into a taste score (NameScorer with the realism model): each term in log-odds, their
// sum (raw) and the percentile the calibration gave it.
struct ScoreBreakdown {
  double quality = 0;          // the quality model's log-odds, capped: among well-formed names it stops counting
  double realism = 0;          // looks like a name people chose (+) or one a machine made (-)
  double distinctiveness = 0;  // generic and descriptive names pay, suggestive ones gain
  double relevance = 0;        // a hint of the description, for names that do not spell it out
  double raw = 0;              // the sum
  bool calibrated = false;     // score is the percentile of raw among real startup names
};

struct NameScore {
  double score = 0;             // 0..100
  std::vector<Reason> reasons;  // strongest first
  std::string model;            // which scorer decided: "interim", "xgboost", "taste"
  double log_odds = 0;          // the quality model's own log-odds (before any description)
  // generic / descriptive / suggestive / arbitrary / fanciful when the taste scorer judged it.
  std::string distinctiveness;
  std::optional<ScoreBreakdown> breakdown;  // set by the taste scorer
};

inline constexpr double kGoodScore = 50;

}  // namespace snai::score
