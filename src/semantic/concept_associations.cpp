// Gloss associations of concept expansion: the definitions that mention a concept, the words
// they define (puppy for dog, garden for plant) and the words they keep company with (recipe →
// cooking). Members of ConceptExpander, kept apart from the rest of concept_expander.cpp.
#include <algorithm>
#include <cmath>

#include "semantic/concept_expander.hpp"
#include "semantic/gloss_index.hpp"
#include "semantic/internal/expansion_words.hpp"

namespace snai::semantic {

using internal::familiarity;
using internal::kMinFamiliar;
using internal::normalize_candidate;
using internal::Scores;
using internal::usable_word;
using lexicon::Relation;

namespace {

constexpr double kMentionWeight = 1.0;      // words whose definition mentions the concept
constexpr std::size_t kMentionLimit = 12;
constexpr std::size_t kMaxDefinedLookups = 300;
constexpr double kOffSense = 0.5;           // a mention outside the concept's chosen senses
constexpr double kCompanionWeight = 0.6;    // words that share definitions with the concept
constexpr std::size_t kCompanionLimit = 10;
constexpr std::size_t kMaxCompanionGlosses = 400;  // sampled evenly beyond this

}  // namespace

std::vector<std::pair<lexicon::SynsetRef, double>> ConceptExpander::mentions(
    const Concept& c, std::span<const lexicon::SynsetRef> senses) const {
  // The definitions that mention the concept, each with how well it fits the concept's chosen
  // senses: 1 when it shares a word with them (their words, definitions, broader and narrower
  // terms), else kOffSense — "note" in the sense of a written record, not of music. Definitions
  // of proper names (saints, cities) are no everyday association and are left out.
  const auto& glosses = GlossIndex::of(lexicon_);
  std::vector<std::int32_t> signature;
  auto add_text = [&](std::string_view text) {
    for (auto id : glosses.lemma_ids(text)) signature.push_back(id);
  };
  for (auto ref : senses) {
    auto synset = lexicon_.synset(ref);
    add_text(synset.gloss);
    for (auto w : synset.words) add_text(w);
    for (const auto& p : synset.pointers) {
      if (p.relation != Relation::hypernym && p.relation != Relation::hyponym && p.relation != Relation::domain_topic)
        continue;
      auto linked = lexicon_.synset(p.target);
      for (auto w : linked.words) add_text(w);
      if (p.relation == Relation::hypernym) add_text(linked.gloss);
    }
  }
  std::sort(signature.begin(), signature.end());
  auto concept_ids = glosses.lemma_ids(c.lemma);
  std::vector<std::pair<lexicon::SynsetRef, double>> out;
  for (auto ref : glosses.mentioning(c.lemma)) {
    if (glosses.proper_name(ref)) continue;
    bool fits = false;
    for (auto id : glosses.gloss_ids(ref))
      fits = fits || (std::binary_search(signature.begin(), signature.end(), id) &&
                      std::find(concept_ids.begin(), concept_ids.end(), id) == concept_ids.end());
    out.emplace_back(ref, fits ? 1.0 : kOffSense);
  }
  return out;
}

void ConceptExpander::add_defined_words(const Concept& c, std::span<const std::pair<lexicon::SynsetRef, double>> found_in,
                                        Scores& scores) const {
  // Words defined through the concept: "garden: a plot of ground where plants are cultivated",
  // "puppy: a young dog". Associations WordNet holds in no relation. The concept has thousands
  // of such words when frequent: keep the plain, everyday ones whose main sense is the one
  // defined, from short definitions (where the concept is central).
  if (!usable_word(c.lemma)) return;
  struct Candidate {
    std::string word;
    double score;
  };
  // Fit and definition length bound the score: look words up for the best few hundred only.
  const auto& glosses = GlossIndex::of(lexicon_);
  std::vector<std::pair<double, std::size_t>> order;
  for (std::size_t m = 0; m < found_in.size(); ++m)
    order.emplace_back(found_in[m].second / std::sqrt(1.0 + static_cast<double>(glosses.gloss_ids(found_in[m].first).size()) / 4.0), m);
  std::size_t keep = std::min(order.size(), kMaxDefinedLookups);
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                    [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  order.resize(keep);
  std::vector<Candidate> candidates;
  for (auto [bound, m] : order) {
    auto ref = found_in[m].first;
    auto synset = lexicon_.synset(ref);
    for (std::size_t i = 0; i < synset.words.size() && i < 2; ++i) {
      std::string w = normalize_candidate(synset.words[i]);
      if (!usable_word(w) || w == c.lemma) continue;
      auto found = lexicon_.lookup(w);
      if (!found || found->lemma != w || found->capitalized || !found->common) continue;
      auto senses = lexicon_.synsets(w);
      bool main = !senses.empty() && senses.front() == ref;
      double frequency = std::min(1.0, std::log1p(static_cast<double>(found->tag_count)) / 5.0);
      double score = bound * (main ? 1.0 : 0.5) * (0.4 + 0.6 * frequency);
      candidates.push_back({w, score});
    }
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    return a.score != b.score ? a.score > b.score : a.word < b.word;
  });
  std::size_t taken = 0;
  std::vector<std::string> seen;
  for (const auto& cand : candidates) {
    if (taken >= kMentionLimit) break;
    if (std::find(seen.begin(), seen.end(), cand.word) != seen.end()) continue;
    seen.push_back(cand.word);
    scores.add(cand.word, c.weight * kMentionWeight * cand.score, "mentions", c.lemma);
    ++taken;
  }
}

void ConceptExpander::add_companion_words(const Concept& c, std::span<const std::pair<lexicon::SynsetRef, double>> found_in,
                                          Scores& scores) const {
  // Words the concept's definitions keep company with: the glosses that mention "dog" also say
  // breed, those that mention "doctor" (as a physician) say hospital. Ranked by how much more
  // often they meet the concept than chance would have them (Ochiai: n / sqrt(a b)), each
  // definition counted by its fit to the chosen senses; a word must meet it more than once.
  if (!usable_word(c.lemma)) return;
  const auto& glosses = GlossIndex::of(lexicon_);
  if (found_in.size() < 2) return;
  std::size_t step = std::max<std::size_t>(1, found_in.size() / kMaxCompanionGlosses);
  std::unordered_map<std::int32_t, double> together;
  double documents = 0;
  for (std::size_t i = 0; i < found_in.size(); i += step) {
    documents += found_in[i].second;
    for (auto id : glosses.gloss_ids(found_in[i].first)) together[id] += found_in[i].second;
  }
  struct Candidate {
    const std::string* word;
    double score;
  };
  std::vector<Candidate> candidates;
  for (auto [id, n] : together) {
    if (n < 1.5) continue;
    const auto& w = glosses.lemma(id);
    if (w == c.lemma || !usable_word(w)) continue;
    double familiar = familiarity(lexicon_, w);
    if (familiar < kMinFamiliar) continue;
    double df = static_cast<double>(glosses.document_frequency(id)) / static_cast<double>(step);
    candidates.push_back({&w, familiar * n / std::sqrt(documents * std::max(df, static_cast<double>(n)))});
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    return a.score != b.score ? a.score > b.score : *a.word < *b.word;
  });
  if (candidates.empty()) return;
  double top = candidates.front().score;
  for (std::size_t i = 0; i < candidates.size() && i < kCompanionLimit; ++i) {
    scores.add(*candidates[i].word, c.weight * kCompanionWeight * candidates[i].score / top, "companion", c.lemma);
  }
}

}  // namespace snai::semantic
