#include "generate/strategies.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <unordered_set>

#include "generate/letters.hpp"
#include "roots/classical_roots.hpp"

namespace snai::generate {

namespace {

// Classical endings that turn a bare root into a name-like word (Scriba, Lumen, Medicus, Notios).
constexpr std::array<std::string_view, 5> kLatinEndings = {"a", "ia", "us", "is", "ora"};
constexpr std::array<std::string_view, 4> kGreekEndings = {"os", "ia", "on", "a"};

std::string with_ending(std::string_view form, std::string_view ending) {
  std::string stem(form);
  if (is_vowel(stem.back()) && is_vowel(ending.front())) stem.pop_back();  // medi + a → meda? keep roots ≥ 3
  if (stem.size() < 3) return {};
  std::string word = stem + std::string(ending);
  if (has_triple_letter(word) || longest_consonant_run(word) >= 4 || longest_vowel_run(word) >= 3) return {};
  return word;
}

struct Found {
  const roots::ClassicalRoot* root;
  const PoolWord* word;
};

}  // namespace

void ForeignStrategy::propose(const StrategyInput& in, CandidateSink& sink) const {
  auto rng = strategy_rng(in.seed, style());
  std::vector<Found> found;
  for (const PoolWord* w : in.pool.top(40, std::nullopt, 14))
    for (const auto* root : roots::roots_meaning(w->word))
      if (std::ranges::none_of(found, [&](const Found& f) { return f.root == root; })) found.push_back({root, w});

  struct Option {
    std::string name;
    std::vector<std::string> parts, roots;
    double relevance;
    bool coined = false;  // made here (root + ending): must not be an English word already
  };
  std::vector<Option> options;
  std::vector<double> weights;
  auto describe = [](const Found& f, std::string_view form) {
    return fmt::format("{} ({} '{}')", form, roots::to_string(f.root->language), f.word->word);
  };
  for (const Found& f : found) {
    const auto& endings = f.root->language == roots::ClassicalLanguage::greek
                              ? std::span<const std::string_view>(kGreekEndings)
                              : std::span<const std::string_view>(kLatinEndings);
    for (std::string_view form : f.root->forms) {
      if (f.root->whole_word) {
        options.push_back({capitalize(form), {describe(f, form)}, {f.word->word}, f.word->weight});
        weights.push_back(f.word->weight * 1.1);
        continue;
      }
      for (std::string_view ending : endings) {
        std::string word = with_ending(form, ending);
        if (word.size() < 4 || word.size() > 10) continue;
        options.push_back({capitalize(word), {describe(f, form), "-" + std::string(ending)}, {f.word->word}, f.word->weight,
                           true});
        weights.push_back(f.word->weight);
      }
    }
  }
  // Two roots joined by the classical linking vowel (Greek -o-, Latin -i-): Photoscrib → Lumiscriba.
  for (const Found& a : found)
    for (const Found& b : found) {
      if (a.root == b.root || a.word == b.word) continue;
      std::string_view fa = a.root->forms.front(), fb = b.root->forms.front();
      char link = a.root->language == roots::ClassicalLanguage::greek ? 'o' : 'i';
      std::string stem(fa);
      if (is_vowel(stem.back())) stem.pop_back();
      std::string word = stem + link + std::string(fb);
      if (!is_vowel(word.back())) word += 'a';
      if (word.size() > 11 || has_triple_letter(word) || longest_consonant_run(word) >= 4) continue;
      options.push_back({capitalize(word), {describe(a, fa), describe(b, fb)}, {a.word->word, b.word->word},
                         (a.word->weight + b.word->weight) / 2});
      weights.push_back((a.word->weight + b.word->weight) / 2 * 0.8);
    }
  std::unordered_set<std::string> offered;  // two roots can give one name (lumen as a word and lumin + a)
  for (std::size_t i : JitteredOrder(weights, rng)) {
    Option& o = options[i];
    if (!offered.insert(o.name).second) continue;
    if (o.coined && is_existing_word(in.lexicon, fold_name(o.name))) continue;
    if (!sink.offer({.name = std::move(o.name), .style = style(), .parts = std::move(o.parts),
                     .roots = std::move(o.roots), .relevance = o.relevance}))
      return;
  }
}

}  // namespace snai::generate
