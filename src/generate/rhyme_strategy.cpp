#include "generate/strategies.hpp"

#include "generate/letters.hpp"
#include "semantic/stop_words.hpp"

namespace snai::generate {

namespace {

// A rhyme partner has to be an everyday short word that can sit before a noun (Smart Chart, Snap Chat).
bool good_partner(const lexicon::Lexicon& lexicon, std::string_view word) {
  if (word.size() < 3 || word.size() > 6 || semantic::is_stop_word(word)) return false;
  auto info = lexicon.lookup(word);
  // Tag counts: the word is seen in running text (lam, gam, mam are in the word lists but rarely used).
  return info && info->common && !info->capitalized && info->lemma == word && info->tag_count >= 5 &&
         (info->parts_of_speech.contains(lexicon::Pos::adjective) || info->parts_of_speech.contains(lexicon::Pos::verb) ||
          info->parts_of_speech.contains(lexicon::Pos::noun));
}

}  // namespace

void RhymeStrategy::propose(const StrategyInput& in, CandidateSink& sink) const {
  auto rng = strategy_rng(in.seed, style());
  struct Option {
    std::string first, second;
    std::vector<std::string> roots;
    double relevance;
  };
  std::vector<Option> options;
  std::vector<double> weights;
  auto words = in.pool.top(16, std::nullopt, 8);
  for (const PoolWord* w : words) {
    int taken = 0;
    for (const auto& r : in.pronouncer.rhymes(w->word, 24)) {
      if (taken == 6) break;
      if (!good_partner(in.lexicon, r) || r.substr(0, 3) == w->word.substr(0, 3)) continue;
      ++taken;
      options.push_back({r, w->word, {w->word}, w->weight * 0.9});
      weights.push_back(w->weight);
    }
  }
  // Alliteration: two description words with the same first sound (MemoMed, ClinicChart).
  for (std::size_t i = 0; i < words.size(); ++i)
    for (std::size_t j = 0; j < words.size(); ++j) {
      const PoolWord *a = words[i], *b = words[j];
      if (i == j || a->word.substr(0, 3) == b->word.substr(0, 3) || a->word.size() + b->word.size() > 13) continue;
      if (!in.pronouncer.alliterates(a->word, b->word)) continue;
      options.push_back({a->word, b->word, {a->word, b->word}, (a->weight + b->weight) / 2});
      weights.push_back((a->weight + b->weight) / 2 * 0.8);
    }
  for (std::size_t i : JitteredOrder(weights, rng)) {
    Option& o = options[i];
    std::string name = join_words(o.first, o.second);
    if (name.empty()) continue;
    if (!sink.offer({.name = std::move(name), .style = style(), .parts = {o.first, o.second},
                     .roots = std::move(o.roots), .relevance = o.relevance}))
      return;
  }
}

}  // namespace snai::generate
