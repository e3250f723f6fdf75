#include "generate/strategies.hpp"

#include <array>
#include <string_view>

namespace snai::generate {

namespace {

// Short, concrete words founders pair with a concept (Stack Machine, Retail Ready, Note Forge):
// they add an image of making, moving or gathering without a meaning of their own. A curated
// list of words that often end two-word startup names.
constexpr std::array<std::string_view, 28> kPartners = {
    "hub",  "flow",  "forge", "stack", "works", "nest",  "base",  "craft", "path", "pilot",
    "spark", "wave", "mind",  "loop",  "mark",  "sense", "wise",  "ready", "bird", "bridge",
    "lane", "leaf",  "beam",  "field", "kit",   "deck",  "fox",   "well",
};

}  // namespace

void CompoundStrategy::propose(const StrategyInput& in, CandidateSink& sink) const {
  auto rng = strategy_rng(in.seed, style());
  auto heads = in.pool.top(24, std::nullopt, 8);
  auto tails = in.pool.top(24, lexicon::Pos::noun, 8);
  struct Pair {
    std::string_view first, second;
    double first_weight, second_weight;
  };
  std::vector<Pair> pairs;
  std::vector<double> weights;
  for (const PoolWord* a : heads) {
    for (const PoolWord* b : tails) {
      if (a == b || a->word.starts_with(b->word.substr(0, 3)) || b->word.starts_with(a->word.substr(0, 3))) continue;
      pairs.push_back({a->word, b->word, a->weight, b->weight});
      weights.push_back(a->weight * b->weight);
    }
    for (std::string_view partner : kPartners) {
      if (a->word == partner) continue;
      pairs.push_back({a->word, partner, a->weight, 0.0});
      weights.push_back(a->weight * 0.45);
    }
  }
  for (std::size_t i : JitteredOrder(weights, rng)) {
    const Pair& p = pairs[i];
    std::string name = join_words(p.first, p.second);
    if (name.empty()) continue;
    std::vector<std::string> roots{std::string(p.first)};
    if (p.second_weight > 0) roots.emplace_back(p.second);
    double relevance = p.second_weight > 0 ? (p.first_weight + p.second_weight) / 2 : p.first_weight * 0.75;
    if (!sink.offer({.name = std::move(name), .style = style(), .parts = {std::string(p.first), std::string(p.second)},
                     .roots = std::move(roots), .relevance = relevance}))
      return;
  }
}

}  // namespace snai::generate
