// The distributional relation of concept expansion: words that keep company with a concept in
// running text (GloVe, distributional.hpp). A member of ConceptExpander, kept apart from the rest
// of concept_expander.cpp.
#include <algorithm>

#include "semantic/concept_expander.hpp"
#include "semantic/internal/expansion_words.hpp"
#include "semantic/stop_words.hpp"

namespace snai::semantic {

using internal::familiarity;
using internal::Scores;
using internal::usable_word;

namespace {

// GloVe neighbours (distributional.hpp): the best kDistributionalPool of a concept, each scored
// by its cosine to the concept plus kDistributionalContext times its mean cosine to the other
// concepts, and weighted from 0 at kDistributionalFloor to 1 at the best score.
constexpr double kDistributionalWeight = 0.45;
constexpr double kDistributionalFloor = 0.4;
constexpr double kDistributionalContext = 1.0;
constexpr std::size_t kDistributionalPool = 60;

}  // namespace

void ConceptExpander::add_distributional_words(std::span<const Concept> concepts, std::size_t i,
                                               std::span<const std::vector<float>> vectors, Scores& scores) const {
  // GloVe neighbours: co-occurrence in news and encyclopaedia text, so everyday associations
  // (recipe → dish, retiree → pension, podcast → webcast) that no definition states. Text mixes
  // every sense and topic of a word (host: event, weekend), so a neighbour counts by its closeness
  // to the concept plus its closeness to the other concepts of the description (podcast host: show).
  const auto& c = concepts[i];
  if (vectors[i].empty()) return;
  double context_weight = 0;
  for (std::size_t j = 0; j < concepts.size(); ++j)
    if (j != i && !vectors[j].empty()) context_weight += concepts[j].weight;
  struct Candidate {
    std::string word;
    double score;
  };
  std::vector<Candidate> candidates;
  for (const auto& n : distributional_->nearest(vectors[i], kDistributionalPool + 1)) {
    std::string w(n.word);
    if (w == c.lemma || is_stop_word(w) || !usable_word(w)) continue;
    double context = 0;
    if (context_weight > 0) {
      auto v = distributional_->vector(w);
      for (std::size_t j = 0; j < concepts.size(); ++j) {
        if (j == i || vectors[j].empty()) continue;
        double dot = 0;
        for (std::size_t d = 0; d < v.size(); ++d) dot += static_cast<double>(v[d]) * vectors[j][d];
        context += concepts[j].weight * dot;
      }
      context /= context_weight;
    }
    candidates.push_back({std::move(w), n.similarity + kDistributionalContext * context});
  }
  if (candidates.empty()) return;
  double top = kDistributionalFloor + 0.1;
  for (const auto& cand : candidates) top = std::max(top, cand.score);
  for (const auto& cand : candidates) {
    double strength = std::clamp((cand.score - kDistributionalFloor) / (top - kDistributionalFloor), 0.0, 1.0);
    scores.add(cand.word, c.weight * kDistributionalWeight * strength * familiarity(lexicon_, cand.word), "distributional",
               c.lemma);
  }
}

}  // namespace snai::semantic
