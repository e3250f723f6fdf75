// The distributional relation of concept expansion: words that keep company with a concept in
// running text (GloVe, distributional.hpp). A member of ConceptExpander, kept apart from the rest
// of concept_expander.cpp.
#include <algorithm>
#include <cmath>

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
// Coherence: a related word's cosine to the description's weighted GloVe centroid, mapped from 0
// at kCoherenceFloor to 1 at kCoherenceFull, scales its weight between 1 - kCoherenceWeight and 1;
// words without a vector count as kCoherenceUnknown (concept_expander_datatest: 0.63 → 0.68).
constexpr double kCoherenceWeight = 0.8;
constexpr double kCoherenceFloor = 0.1;
constexpr double kCoherenceFull = 0.6;
constexpr double kCoherenceUnknown = 0.5;

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

std::vector<RelatedWord> ConceptExpander::ranked_by_coherence(std::span<const Concept> concepts,
                                                              std::span<const std::vector<float>> vectors,
                                                              const Scores& scores, std::size_t limit) const {
  std::vector<double> centroid(static_cast<std::size_t>(distributional_->dim()), 0.0);
  for (std::size_t i = 0; i < concepts.size(); ++i)
    if (!vectors[i].empty())
      for (std::size_t d = 0; d < centroid.size(); ++d) centroid[d] += concepts[i].weight * vectors[i][d];
  double norm = 0;
  for (double x : centroid) norm += x * x;
  if (norm == 0) return scores.ranked(limit);
  norm = std::sqrt(norm);
  return scores.ranked(limit, [&](const std::string& word) {
    auto v = distributional_->vector(word);  // a unit vector
    double coherence = kCoherenceUnknown;
    if (!v.empty()) {
      double dot = 0;
      for (std::size_t d = 0; d < v.size(); ++d) dot += v[d] * centroid[d];
      coherence = std::clamp((dot / norm - kCoherenceFloor) / (kCoherenceFull - kCoherenceFloor), 0.0, 1.0);
    }
    return 1 - kCoherenceWeight + kCoherenceWeight * coherence;
  });
}

}  // namespace snai::semantic
