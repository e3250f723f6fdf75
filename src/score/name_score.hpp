// A name's quality score and the reasons behind it: what every scorer returns and what
// `generate`, `score` and the API print. score is 0–100; score >= 50 means a good name.
#pragma once

#include <string>
#include <vector>

namespace snai::score {

struct Reason {
  std::string feature;  // "length", "pronounceable", "relevance" ...
  double effect = 0;    // contribution to the score's log-odds: + helps, - hurts
  std::string text;     // plain words: "6 letters: short", "hard to say"
};

struct NameScore {
  double score = 0;             // 0..100
  std::vector<Reason> reasons;  // strongest first
  std::string model;            // which scorer decided: "interim", "xgboost"
};

inline constexpr double kGoodScore = 50;

}  // namespace snai::score
