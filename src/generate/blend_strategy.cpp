#include "generate/strategies.hpp"

#include <algorithm>

#include "generate/letters.hpp"

namespace snai::generate {

namespace {

struct Blend {
  std::string text;   // lower-case
  double quality = 0; // how recognisable both words stay, plus a bonus for a longer overlap
};

// The best overlap of `a`'s head with `b`'s tail: a[0, i) + b[j, end) where a[i..] and b[j..]
// share at least one letter, so the shared letters carry both words across the seam.
Blend best_blend(std::string_view a, std::string_view b) {
  Blend best;
  for (std::size_t i = 2; i + 1 < a.size(); ++i) {
    for (std::size_t j = 0; j + 3 <= b.size(); ++j) {
      std::size_t k = 0;
      while (i + k < a.size() && j + k < b.size() && a[i + k] == b[j + k]) ++k;
      if (k == 0) continue;
      double kept_a = double(i + k) / double(a.size()), kept_b = double(b.size() - j) / double(b.size());
      if (kept_a < 0.5 || kept_b < 0.5) continue;
      std::string text = std::string(a.substr(0, i)) + std::string(b.substr(j));
      if (text.size() < 5 || text.size() > 9 || text == a || text == b) continue;
      // A blend that simply contains both words whole is a compound, not a blend.
      if (text.find(a) != std::string::npos && text.find(b) != std::string::npos) continue;
      if (longest_consonant_run(text) >= 4 || longest_vowel_run(text) >= 3 || has_triple_letter(text)) continue;
      double quality = std::min(kept_a, kept_b) + 0.15 * double(std::min<std::size_t>(k, 3));
      if (quality > best.quality) best = {std::move(text), quality};
    }
  }
  return best;
}

}  // namespace

void BlendStrategy::propose(const StrategyInput& in, CandidateSink& sink) const {
  auto rng = strategy_rng(in.seed, style());
  auto words = in.pool.top(28, std::nullopt, 10);
  struct Option {
    Blend blend;
    const PoolWord *a, *b;
  };
  std::vector<Option> options;
  std::vector<double> weights;
  for (const PoolWord* a : words) {
    if (a->word.size() < 4) continue;
    for (const PoolWord* b : words) {
      if (a == b || b->word.size() < 4 || a->word.substr(0, 3) == b->word.substr(0, 3)) continue;
      // An inflected tail makes the blend read as an inflection (note + writing → "Notting").
      if (b->word.ends_with("ing") || b->word.ends_with("ed")) continue;
      Blend blend = best_blend(a->word, b->word);
      if (blend.text.empty()) continue;
      weights.push_back(blend.quality * (a->weight + b->weight) / 2);
      options.push_back({std::move(blend), a, b});
    }
  }
  for (std::size_t i : JitteredOrder(weights, rng)) {
    const Option& o = options[i];
    if (is_existing_word(in.lexicon, o.blend.text)) continue;  // "noting" is a word, not a blend
    if (!sink.offer({.name = capitalize(o.blend.text), .style = style(), .parts = {o.a->word, o.b->word},
                     .roots = {o.a->word, o.b->word}, .relevance = (o.a->weight + o.b->weight) / 2}))
      return;
  }
}

}  // namespace snai::generate
