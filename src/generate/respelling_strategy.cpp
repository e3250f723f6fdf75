#include "generate/strategies.hpp"

#include <algorithm>
#include <array>

#include "generate/letters.hpp"

namespace snai::generate {

namespace {

// One spelling change that usually keeps the sound. `apply` returns "" when it does not fit.
struct Rule {
  std::string_view name;
  std::string (*apply)(std::string_view word);
};

std::string replace_all(std::string_view word, std::string_view from, std::string_view to) {
  std::string out;
  std::size_t pos = 0;
  bool changed = false;
  while (pos < word.size()) {
    if (word.substr(pos).starts_with(from)) {
      out += to;
      pos += from.size();
      changed = true;
    } else {
      out += word[pos++];
    }
  }
  return changed ? out : std::string();
}

const std::array<Rule, 8> kRules = {{
    // flicker → flickr, tumbler → tumblr
    {"drop the e of a final -er", [](std::string_view w) -> std::string {
       if (w.size() < 5 || !w.ends_with("er") || is_vowel(w[w.size() - 3])) return {};
       return std::string(w.substr(0, w.size() - 2)) + "r";
     }},
    {"ph → f", [](std::string_view w) { return replace_all(w, "ph", "f"); }},
    {"ck → k", [](std::string_view w) { return replace_all(w, "ck", "k"); }},
    // clinic → klinik: a hard c (before a, o, u, a consonant or at the end)
    {"hard c → k", [](std::string_view w) -> std::string {
       std::string out(w);
       bool changed = false;
       for (std::size_t i = 0; i < out.size(); ++i) {
         if (out[i] != 'c') continue;
         char next = i + 1 < out.size() ? out[i + 1] : '\0';
         if (next == 'e' || next == 'i' || next == 'y' || next == 'h' || next == 'k' || next == 'c') continue;
         out[i] = 'k';
         changed = true;
       }
       return changed ? out : std::string();
     }},
    // lift → lyft: a short i between consonants in a one-syllable word
    {"i → y", [](std::string_view w) -> std::string {
       if (vowel_groups(w) != 1) return {};
       auto i = w.find('i');
       if (i == std::string_view::npos || i == 0 || i + 1 >= w.size() || is_vowel(w[i - 1]) || is_vowel(w[i + 1]))
         return {};
       std::string out(w);
       out[i] = 'y';
       return out;
     }},
    {"final s → z", [](std::string_view w) -> std::string {
       if (w.size() < 4 || !w.ends_with('s') || w.ends_with("ss") || !is_vowel(w[w.size() - 2])) return {};
       return std::string(w.substr(0, w.size() - 1)) + "z";
     }},
    {"qu → kw", [](std::string_view w) { return replace_all(w, "qu", "kw"); }},
    // easy → eazy, cheesy → cheezy
    {"s between vowels → z", [](std::string_view w) -> std::string {
       for (std::size_t i = 1; i + 1 < w.size(); ++i)
         if (w[i] == 's' && is_vowel(w[i - 1]) && (is_vowel(w[i + 1]) || w[i + 1] == 'y')) {
           std::string out(w);
           out[i] = 'z';
           return out;
         }
       return {};
     }},
}};

std::vector<std::uint8_t> sound(const lexicon::Pronouncer& pronouncer, std::string_view word) {
  std::vector<std::uint8_t> ids;
  for (const auto& p : pronouncer.pronounce(word).phonemes) ids.push_back(p.id);
  return ids;
}

// Same phonemes, or one vowel different (espeak and CMU disagree on unstressed vowels: ER/AH).
bool sounds_alike(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
  if (a.empty() || b.empty() || a.size() != b.size()) return a == b && !a.empty();
  int differences = 0;
  for (std::size_t i = 0; i < a.size(); ++i) differences += a[i] != b[i];
  return differences <= 1;
}

}  // namespace

void RespellingStrategy::propose(const StrategyInput& in, CandidateSink& sink) const {
  auto rng = strategy_rng(in.seed, style());
  auto words = in.pool.top(60, std::nullopt, 9);
  struct Option {
    std::string spelling;
    const PoolWord* word;
    std::string_view rule;
  };
  std::vector<Option> options;
  std::vector<double> weights;
  for (const PoolWord* w : words) {
    if (w->word.size() < 4) continue;
    for (const Rule& rule : kRules) {
      std::string spelling = rule.apply(w->word);
      if (spelling.empty() || spelling == w->word) continue;
      options.push_back({std::move(spelling), w, rule.name});
      weights.push_back(w->weight);
    }
  }
  for (std::size_t i : JitteredOrder(weights, rng)) {
    const Option& o = options[i];
    if (sink.done()) return;
    if (is_existing_word(in.lexicon, o.spelling)) continue;
    // Pronouncing is the costly step (espeak-ng for the new spelling), so it runs only for options reached.
    if (!sounds_alike(sound(in.pronouncer, o.word->word), sound(in.pronouncer, o.spelling))) continue;
    if (!sink.offer({.name = capitalize(o.spelling), .style = style(), .parts = {o.word->word, std::string(o.rule)},
                     .roots = {o.word->word}, .relevance = o.word->weight, .sounds_like = o.word->word}))
      return;
  }
}

}  // namespace snai::generate
