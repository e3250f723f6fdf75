#include "generate/strategies.hpp"

namespace snai::generate {

void DictionaryStrategy::propose(const StrategyInput& in, CandidateSink& sink) const {
  auto rng = strategy_rng(in.seed, style());
  auto words = in.pool.top(200, std::nullopt, 10);
  std::vector<double> weights;
  // A name is a thing or a quality: adverbs and bare verbs ("Simply", "See") are not names.
  std::erase_if(words, [&](const PoolWord* w) {
    return (!w->pos.empty() && !w->pos.contains(lexicon::Pos::noun) && !w->pos.contains(lexicon::Pos::adjective)) ||
           !names_a_thing(in.lexicon, w->word);
  });
  for (const PoolWord* w : words) {
    // Everyday words carry a brand better than rare ones (Forge over Forgery's cousins).
    double familiarity = w->common ? 1.0 : (w->pos.empty() ? 0.4 : 0.7);
    weights.push_back(w->weight * familiarity);
  }
  for (std::size_t i : JitteredOrder(weights, rng, 0.3)) {
    const PoolWord& w = *words[i];
    if (!sink.offer({.name = capitalize(w.word), .style = style(), .parts = {w.word}, .roots = {w.word},
                     .relevance = w.weight}))
      return;
  }
}

}  // namespace snai::generate
