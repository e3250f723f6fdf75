#include "generate/strategies.hpp"

#include <array>

#include "generate/letters.hpp"

namespace snai::generate {

namespace {

struct Suffix {
  std::string_view text;
  bool after_vowel;      // reads well after a root ending in a vowel sound
  bool after_consonant;  // reads well after a consonant
};

// Brandable endings (Vizly, Spotify, Cloudio, Medora, Etsy, Healia); the root's last sound
// picks among them, so "-ly" never lands on "-ly" and "-io" never follows another vowel.
constexpr std::array<Suffix, 9> kSuffixes = {{
    {"ly", true, true},
    {"ify", false, true},
    {"io", false, true},
    {"ora", false, true},
    {"sy", true, false},
    {"ia", false, true},
    {"eo", false, true},
    {"ster", true, true},
    {"able", false, true},
}};

struct Prefix {
  std::string_view text;
  lexicon::Pos takes;  // the part of speech the root must have
};

constexpr std::array<Prefix, 6> kPrefixes = {{
    {"get", lexicon::Pos::noun},
    {"try", lexicon::Pos::noun},
    {"go", lexicon::Pos::noun},
    {"re", lexicon::Pos::verb},
    {"un", lexicon::Pos::verb},
    {"my", lexicon::Pos::noun},
}};

// Attaches a suffix the way English spelling would: a final silent e or vowel gives way to a
// vowel-initial suffix (note + ora → Notora, memo + ora → Memora); "" when the sound clashes.
std::string attach_suffix(std::string_view root, const Suffix& suffix) {
  if (root.size() < 3 || root.ends_with(suffix.text)) return {};
  char last = root.back();
  bool vowel_end = is_vowel(last) || last == 'y';
  bool vowel_suffix = is_vowel(suffix.text.front());
  std::string stem(root);
  if (vowel_suffix && vowel_end) {
    stem.pop_back();  // drop the final vowel: the suffix's vowel replaces it
    if (stem.size() < 3 || is_vowel(stem.back())) return {};
  } else if (vowel_end ? !suffix.after_vowel : !suffix.after_consonant) {
    return {};
  }
  std::string word = stem + std::string(suffix.text);
  if (has_triple_letter(word) || longest_consonant_run(word) >= 4) return {};
  return word;
}

}  // namespace

void AffixStrategy::propose(const StrategyInput& in, CandidateSink& sink) const {
  auto rng = strategy_rng(in.seed, style());
  auto roots = in.pool.top(30, std::nullopt, 8);
  struct Option {
    std::string name;
    const PoolWord* root;
    std::string affix;  // "-ly" or "get-"
    std::string word;   // lower-case, to check it is not already an English word
  };
  std::vector<Option> options;
  std::vector<double> weights;
  for (const PoolWord* r : roots) {
    for (const Suffix& s : kSuffixes) {
      std::string word = attach_suffix(r->word, s);
      if (word.empty()) continue;
      options.push_back({capitalize(word), r, "-" + std::string(s.text), word});
      weights.push_back(r->weight);
    }
    for (const Prefix& p : kPrefixes) {
      if (!r->pos.contains(p.takes) || r->word.size() > 7) continue;
      // re- and un- need a word that is first of all a verb (rewrite, unlock), not a noun that can be verbed (doctor).
      if (p.takes == lexicon::Pos::verb) {
        auto senses = in.lexicon.synsets(r->word);
        if (senses.empty() || in.lexicon.synset(senses.front()).pos != lexicon::Pos::verb) continue;
      }
      std::string word = std::string(p.text) + r->word;
      if (has_triple_letter(word)) continue;
      // re- and un- make one word (Rechart); the verb-like get/try/go/my keep their capital (GetScribe).
      bool fused = p.text == "re" || p.text == "un";
      options.push_back({fused ? capitalize(word) : capitalize(p.text) + capitalize(r->word), r,
                         std::string(p.text) + "-", word});
      weights.push_back(r->weight * 0.8);
    }
  }
  for (std::size_t i : JitteredOrder(weights, rng)) {
    Option& o = options[i];
    // Checked only for the options reached (lexicon lookups are the costly part): "notable" is a word, not a brand.
    if (is_existing_word(in.lexicon, o.word)) continue;
    std::vector<std::string> parts = o.affix.ends_with('-') ? std::vector<std::string>{o.affix, o.root->word}
                                                            : std::vector<std::string>{o.root->word, o.affix};
    if (!sink.offer({.name = std::move(o.name), .style = style(), .parts = std::move(parts), .roots = {o.root->word},
                     .relevance = o.root->weight}))
      return;
  }
}

}  // namespace snai::generate
