// Naming end to end: a request in, the ranked names a founder sees out — generate candidates
// (generate/), score each (score/), rank with diversity (ranker.hpp). This is what
// `snai generate` and POST /v1/generate call.
//
//   Namer namer(knowledge);
//   auto result = namer.generate({.description = "AI note-taking for doctors", .count = 20, .seed = 7});
//   for (const auto& n : result->names) ...   // {NoteScribe, compound, 81, reasons, parts}
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/result.hpp"
#include "generate/generator.hpp"
#include "naming/knowledge.hpp"
#include "naming/ranker.hpp"
#include "score/name_scorer.hpp"

namespace snai::naming {

struct NamingResult {
  std::vector<ScoredName> names;   // ranked, at most request.count
  std::vector<std::string> notes;  // why fewer names than asked, what was skipped
  std::size_t candidates = 0;      // scored before ranking
  bool cut_short = false;          // the time budget ran out: the answer depends on load
  double took_ms = 0;
};

struct NamerOptions {
  std::chrono::milliseconds budget{1500};  // per request; what fits by then is returned
  std::size_t min_candidates = 500;        // generated and scored per request, at least

  static NamerOptions from(const GenerateConfig& config) {
    return {.budget = std::chrono::milliseconds(config.budget_ms), .min_candidates = std::size_t(config.candidates)};
  }
};

class Namer {
 public:
  explicit Namer(const Knowledge& knowledge, NamerOptions options = {});

  // invalid_argument (with the field) for a bad request; otherwise the names, possibly none
  // (with notes saying why: e.g. no name of 2 letters starting with "zq").
  Result<NamingResult> generate(const generate::GenerateRequest& request) const;

 private:
  // Re-scores the names to be shown with their reasons, which ranking did without: per-tree
  // attributions (Explain::fast, ~0.5 ms for 20 names) rather than exact SHAP (~5 ms), to keep a
  // generate request near its 20 ms p50; `snai score` gives exact SHAP.
  using Screened = std::function<const std::vector<screening::ScreenFinding>*(const std::string& name)>;
  void explain(std::vector<ScoredName>& names, const Screened& screened_of, const score::DescriptionTerms& terms) const;

  const Knowledge& knowledge_;
  NamerOptions options_;
  score::NameScorer scorer_;
};

}  // namespace snai::naming
