#include "generate/strategies.hpp"

#include <algorithm>

#include "charlm/char_model.hpp"
#include "generate/letters.hpp"

namespace snai::generate {

namespace {

// The opening of a word up to its first vowel group and one consonant after it — the part
// that still calls the word to mind: "doctor" → "doc", "medical" → "med", "scribe" → "scrib".
std::string seed_of(std::string_view word) {
  std::size_t i = 0;
  while (i < word.size() && !is_vowel_at(word, i)) ++i;
  while (i < word.size() && is_vowel_at(word, i)) ++i;
  if (i < word.size()) ++i;
  return std::string(word.substr(0, std::min<std::size_t>(i, 5)));
}

// Samples a founder could say on first sight: no pile of four consonants, no q without u, and
// at most two consonants after the last vowel ("tappdq", "robotiklx" are not).
bool sayable(std::string_view word) {
  if (longest_consonant_run(word) >= 4) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (word[i] == 'q' && (i + 1 == word.size() || word[i + 1] != 'u')) return false;
  std::size_t tail = 0;
  while (tail < word.size() && !is_vowel_at(word, word.size() - 1 - tail)) ++tail;
  return tail <= 2;
}

}  // namespace

void InventedStrategy::propose(const StrategyInput& in, CandidateSink& sink) const {
  if (in.char_model == nullptr) return;
  auto rng = strategy_rng(in.seed, style());
  struct Seed {
    std::string text;
    const PoolWord* word;  // null for the starts-with filter
  };
  std::vector<Seed> seeds;
  if (!in.constraints.starts_with().empty()) seeds.push_back({in.constraints.starts_with(), nullptr});
  for (const PoolWord* w : in.pool.top(14, std::nullopt, 12)) {  // the strongest concepts only: seeds must hint at meaning
    std::string s = seed_of(w->word);
    if (s.size() < 2 || std::ranges::any_of(seeds, [&](const Seed& x) { return x.text == s; })) continue;
    seeds.push_back({std::move(s), w});
  }
  if (seeds.empty()) return;
  std::size_t min_length = std::max<std::size_t>(5, in.constraints.min_length()),
              max_length = in.constraints.max_length() > 0 ? std::size_t(in.constraints.max_length()) : 9;
  if (min_length > max_length) return;
  charlm::SampleCache cache;  // the seeds' prefixes are sampled from again and again
  // Round-robin over the seeds so every concept gets a share, the strongest first.
  for (int round = 0; round < 160 && !sink.done(); ++round) {
    for (const Seed& seed : seeds) {
      std::size_t low = std::max(min_length, seed.text.size() + 2);
      if (low > max_length) continue;
      std::string word = in.char_model->sample(rng, {.prefix = seed.text, .min_length = low, .max_length = max_length,
                                                     .temperature = 1.0, .max_attempts = 3, .cache = &cache});
      if (word.empty() || is_existing_word(in.lexicon, word) || has_triple_letter(word) || !sayable(word)) continue;
      std::vector<std::string> parts{seed.text + "-"};
      std::vector<std::string> roots;
      if (seed.word) {
        parts.push_back(seed.word->word);
        roots.push_back(seed.word->word);
      }
      double relevance = seed.word ? seed.word->weight * 0.6 : 0.5;  // a hint of the word, not the word
      if (!sink.offer({.name = capitalize(word), .style = style(), .parts = std::move(parts), .roots = std::move(roots),
                       .relevance = relevance}))
        return;
    }
  }
}

}  // namespace snai::generate
