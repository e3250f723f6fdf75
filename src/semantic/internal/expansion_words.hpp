// What the parts of concept expansion share (concept_expander.cpp, concept_associations.cpp,
// concept_distributional.cpp): the evidence table every relation adds to, and what makes a
// word worth offering as name material.
//
//   internal::Scores scores;
//   if (internal::usable_word(w)) scores.add(w, weight * internal::familiarity(lexicon, w), "synonym", "doctor");
//   auto best = scores.ranked(50);
#pragma once

#include <algorithm>
#include <cmath>
#include <functional>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexicon/lexicon.hpp"
#include "semantic/concept_expander.hpp"

namespace snai::semantic::internal {

// Words with more senses than this (take, make, run) are too vague to define or keep company
// with anything in particular: no mentions, companions or distributional neighbours for them.
inline constexpr std::uint32_t kMaxSensesForMentions = 20;
// familiarity() of a word in wamerican: the floor for words offered from wide searches.
inline constexpr double kMinFamiliar = 0.9;

// Evidence from several relations adds up without exceeding 1 (noisy-or).
class Scores {
 public:
  void add(const std::string& word, double weight, std::string_view relation, std::string_view from) {
    if (weight <= 0) return;
    auto& e = entries_[word];
    e.combined = 1 - (1 - e.combined) * (1 - std::min(weight, 0.99));
    if (weight > e.best) {
      e.best = weight;
      e.relation = relation;
      e.from = from;
    }
  }
  // The best `limit` words, each weight multiplied by fit(word), a factor in [0, 1]. A word whose
  // weight before the factor is below the limit-th weight after it cannot enter, so fit() is
  // asked of the strongest words only.
  template <typename Fit>
  std::vector<RelatedWord> ranked(std::size_t limit, Fit&& fit) const {
    std::vector<const std::pair<const std::string, Entry>*> order;
    order.reserve(entries_.size());
    for (const auto& entry : entries_) order.push_back(&entry);
    std::sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
      return a->second.combined != b->second.combined ? a->second.combined > b->second.combined : a->first < b->first;
    });
    std::vector<RelatedWord> out;
    std::vector<double> kept;  // weights after the factor, a min-heap of the best `limit`
    for (const auto* entry : order) {
      const auto& [word, e] = *entry;
      if (kept.size() >= limit && e.combined < kept.front()) break;
      double weight = e.combined * fit(word);
      out.push_back({word, weight, e.relation, e.from});
      kept.push_back(weight);
      std::push_heap(kept.begin(), kept.end(), std::greater<>());
      if (kept.size() > limit) {
        std::pop_heap(kept.begin(), kept.end(), std::greater<>());
        kept.pop_back();
      }
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a.weight != b.weight ? a.weight > b.weight : a.word < b.word;
    });
    if (out.size() > limit) out.resize(limit);
    return out;
  }
  std::vector<RelatedWord> ranked(std::size_t limit) const {
    return ranked(limit, [](const std::string&) { return 1.0; });
  }

 private:
  struct Entry {
    double combined = 0, best = 0;
    std::string relation, from;
  };
  std::unordered_map<std::string, Entry> entries_;
};

// Words worth offering as name material: one plain lower-case word of 3+ letters.
inline bool usable_word(std::string_view w) {
  if (w.size() < 3 || w.size() > 20) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// WordNet spells some words with capitals or spaces; name material is plain lower-case.
inline std::string normalize_candidate(std::string_view word) {
  std::string out(word);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Weight of a related word by how plain and common it is: names are built from words people know.
inline double familiarity(const lexicon::Lexicon& lex, std::string_view w) {
  auto found = lex.lookup(w);
  if (!found || found->lemma != w) return 0.5;  // inflected forms and unknown words rank low
  if (found->capitalized) return 0.0;
  double f = found->common ? 1.0 : found->in_word_list ? 0.75 : 0.45;
  return f * (0.8 + 0.2 * std::min(1.0, std::log1p(static_cast<double>(found->tag_count)) / 4.0));
}

}  // namespace snai::semantic::internal
