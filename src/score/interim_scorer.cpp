#include "score/interim_scorer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fmt/format.h>
#include <string>

#include "charlm/char_model.hpp"

namespace snai::score {

namespace {

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

struct Shape {
  std::string letters;  // lower-case letters only
  int words = 1, digits = 0, hyphens = 0, syllables = 0, consonant_run = 0;
  bool triple = false;
};

Shape shape_of(std::string_view name) {
  Shape s;
  int run = 0;
  bool in_vowel = false;
  for (char raw : name) {
    auto c = static_cast<char>(std::tolower(static_cast<unsigned char>(raw)));
    if (c == ' ') ++s.words;
    if (c == '-') ++s.hyphens;
    if (std::isdigit(static_cast<unsigned char>(c))) ++s.digits;
    if (c < 'a' || c > 'z') {
      run = 0;
      in_vowel = false;
      continue;
    }
    std::size_t n = s.letters.size();
    if (n >= 2 && s.letters[n - 1] == c && s.letters[n - 2] == c) s.triple = true;
    s.letters.push_back(c);
    bool v = vowel(c);
    if (v && !in_vowel) ++s.syllables;
    in_vowel = v;
    run = v ? 0 : run + 1;
    s.consonant_run = std::max(s.consonant_run, run);
  }
  return s;
}

}  // namespace

NameScore InterimScorer::score(const ScoreInput& input) const {
  NameScore out{.model = "interim"};
  Shape s = shape_of(input.name);
  auto add = [&](std::string_view feature, double effect, std::string text) {
    if (effect != 0) out.reasons.push_back({std::string(feature), effect, std::move(text)});
  };
  double bias = -0.8;
  int n = static_cast<int>(s.letters.size());
  if (n == 0) {
    add("letters", -6, "no letters");
  } else if (n <= 3) {
    add("length", -0.8, fmt::format("{} letters: very short, hard to own", n));
  } else if (n <= 8) {
    add("length", 0.6, fmt::format("{} letters: short", n));
  } else if (n <= 11) {
    add("length", 0.1, fmt::format("{} letters", n));
  } else {
    add("length", -0.35 * (n - 11), fmt::format("{} letters: long", n));
  }
  if (s.words >= 3) add("words", -0.8 * (s.words - 2), fmt::format("{} words: a mouthful", s.words));
  if (s.syllables >= 2 && s.syllables <= 3 && s.words == 1) add("syllables", 0.3, fmt::format("{} syllables", s.syllables));
  if (s.syllables >= 5) add("syllables", -0.4 * (s.syllables - 4), fmt::format("{} syllables: long to say", s.syllables));
  if (s.digits > 0) add("digits", -1.2, "has digits: hard to say and spell");
  if (s.hyphens > 0) add("hyphens", -0.8 * s.hyphens, "has hyphens: easy to mistype");
  if (s.triple) add("letters", -1.5, "three letters in a row");
  if (s.consonant_run >= 4) add("clusters", -0.6 * (s.consonant_run - 3), "hard consonant cluster");

  if (char_model_ && n > 0) {
    // Natural-log probability per symbol under the character model: held-out English words
    // average about -1.6 (perplexity 5), awkward spellings sit near -2.2, keyboard mash below -3.5.
    double lp = 0;
    int scored = 0;
    std::size_t start = 0;
    std::string lower;
    // A respelling is said like its source word (Lyft like lift): judge that, and note the spelling.
    std::string_view spoken = input.sounds_like.empty() ? input.name : input.sounds_like;
    for (char c : spoken) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (!input.sounds_like.empty())
      add("spelling", -0.3, fmt::format("said like \"{}\", spelt differently", input.sounds_like));
    while (start < lower.size()) {
      std::size_t end = lower.find(' ', start);
      if (end == std::string::npos) end = lower.size();
      std::string word;
      for (std::size_t i = start; i < end; ++i)
        if (lower[i] >= 'a' && lower[i] <= 'z') word.push_back(lower[i]);
      if (!word.empty()) {
        lp += char_model_->log_prob(word);
        scored += static_cast<int>(word.size()) + 1;
      }
      start = end + 1;
    }
    double per_char = scored > 0 ? lp / scored : -5;
    double effect = std::clamp((per_char + 2.2) * 1.5, -3.0, 0.9);
    add("pronounceable", effect, effect >= 0.45 ? "easy to say" : effect >= -0.45 ? "sayable" : "hard to say");
  }
  if (input.relevance) {
    double r = std::clamp(*input.relevance, 0.0, 1.0);
    add("relevance", (r - 0.4) * 2.5, r >= 0.6 ? "close to the description" : r >= 0.4 ? "related to the description"
                                                                                    : "loosely related");
  }
  if (lexicon_ && s.words == 1 && n > 0 && lexicon_->is_word(s.letters)) {
    auto info = lexicon_->lookup(s.letters);
    bool common = info && info->common;
    // Memorable, but generic: hard to own as a brand and the .com is long gone.
    add("real word", common ? -0.6 : -0.3,
        common ? "a common word: hard to own, the .com is likely taken" : "a real word: the .com is likely taken");
  }

  double logit = bias;
  for (const auto& r : out.reasons) logit += r.effect;
  out.score = 100.0 / (1.0 + std::exp(-logit));
  std::ranges::sort(out.reasons, [](const Reason& a, const Reason& b) { return std::abs(a.effect) > std::abs(b.effect); });
  return out;
}

}  // namespace snai::score
