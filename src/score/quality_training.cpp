#include "score/quality_training.hpp"

#include <algorithm>
#include <cctype>
#include <random>
#include <string_view>

#include "brands/brand_registry.hpp"
#include "charlm/char_model.hpp"
#include "score/famous_brands.hpp"
#include "score/features.hpp"
#include "screening/name_screen.hpp"

namespace snai::score {

namespace {

using Rng = std::mt19937_64;

std::size_t pick(Rng& rng, std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); }
int between(Rng& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
bool chance(Rng& rng, double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; }
template <class C>
const auto& any_of(Rng& rng, const C& c) { return c[pick(rng, std::size(c))]; }

std::string capitalized(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

bool ascii_only(std::string_view s) {
  return std::ranges::all_of(s, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

int letter_count(std::string_view s) {
  return static_cast<int>(std::ranges::count_if(s, [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }));
}

// Real names are written in many cases; so must the bad ones be, or case alone would separate them.
std::string random_case(Rng& rng, std::string s) {
  double r = std::uniform_real_distribution<double>(0, 1)(rng);
  if (r < 0.55) return capitalized(std::move(s));
  if (r < 0.8) return s;
  if (r < 0.9) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  }
  return capitalized(std::move(s));
}

// Joins words as a name would be written: spaced, CamelCase or run together.
std::string join_words(Rng& rng, const std::vector<std::string>& words) {
  int style = between(rng, 0, 2);
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (style == 0 && i > 0) out += ' ';
    out += style == 2 ? words[i] : capitalized(words[i]);
  }
  return style == 2 ? random_case(rng, out) : out;
}

constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyz";
constexpr std::string_view kConsonants = "bcdfghjklmnpqrstvwxz";
constexpr std::string_view kVowels = "aeiou";
constexpr std::string_view kKeyRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890"};

// What startups put after a name ("K-Scale Labs", "Granza Bio"); given to good and bad names
// alike so the word itself says nothing.
constexpr std::string_view kSuffixes[] = {"Labs", "AI", "Bio", "Health", "Robotics", "Technologies", "Systems",
                                          "Therapeutics", "Energy", "Security", "Software", "Data", "HQ",
                                          "Inc", "Studio", "Space", "Capital", "Analytics", "Tech", "Pay"};

constexpr std::string_view kGenericLead[] = {
    "best", "cheap", "affordable", "quality", "premier", "top", "smart", "fast", "easy", "global", "professional",
    "reliable", "trusted", "quick", "online", "digital", "local", "discount", "simple", "better", "total",
    "expert", "modern", "advanced", "complete", "instant", "free", "secure", "efficient", "innovative"};
constexpr std::string_view kGenericTail[] = {
    "store", "shop", "services", "solutions", "company", "experts", "consulting", "agency", "marketplace",
    "center", "network", "platform", "systems", "group", "supply", "management", "software", "tools",
    "delivery", "finder", "online", "app", "provider", "resources", "partners", "hub", "direct", "depot"};

struct Pools {
  std::vector<std::string> common;     // common words, 3..9 letters
  std::vector<std::string> long_words; // dictionary words of 12+ letters
  std::vector<std::string> bad;        // negative and offensive words
  std::vector<std::string> brands;     // brand keys of 5+ letters (near copies)
  std::vector<std::string> famous;     // famous brand keys of 4+ letters
};

Pools make_pools(const TrainingSources& s) {
  Pools p;
  if (s.lexicon) {
    auto lists = screening::screen_word_lists(*s.lexicon);
    auto letters_only = [](const std::string& w) {
      return std::ranges::all_of(w, [](char c) { return c >= 'a' && c <= 'z'; });
    };
    for (const auto& w : lists.segment_words)
      if (w.size() >= 3 && w.size() <= 9 && letters_only(w)) p.common.push_back(w);
    for (const auto& w : lists.known_words)
      if (w.size() >= 12 && w.size() <= 18 && letters_only(w)) p.long_words.push_back(w);
    for (const auto& e : lists.negative)
      if (e.word.size() >= 3 && letters_only(e.word)) p.bad.push_back(e.word);
    for (const auto& e : lists.offensive)
      if (e.word.size() >= 3 && letters_only(e.word)) p.bad.push_back(e.word);
  }
  if (s.negative_words)
    for (const auto& w : s.negative_words->words())
      if (w.size() >= 3 && w.size() <= 9) p.bad.push_back(w);
  for (auto f : famous_brands()) {
    auto key = brands::normalize_brand(f);
    if (key.size() >= 4 && std::ranges::all_of(key, [](char c) { return c >= 'a' && c <= 'z'; }))
      p.famous.push_back(key);
  }
  for (const auto& b : s.brands->all()) {
    auto key = brands::normalize_brand(b.name);
    if (key.size() >= 5 && std::ranges::all_of(key, [](char c) { return c >= 'a' && c <= 'z'; }))
      p.brands.push_back(key);
  }
  for (auto* v : {&p.common, &p.long_words, &p.bad, &p.brands, &p.famous}) {
    std::ranges::sort(*v);
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  return p;
}

std::string random_letters(Rng& rng, int n, double vowel_share) {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += chance(rng, vowel_share) ? any_of(rng, kVowels) : any_of(rng, kConsonants);
  return s;
}

std::string keyboard_mash(Rng& rng) {
  int n = between(rng, 5, 11);
  int row = between(rng, 0, 2);
  int col = between(rng, 0, static_cast<int>(kKeyRows[row].size()) - 1);
  std::string s;
  for (int i = 0; i < n; ++i) {
    s += kKeyRows[row][col];
    // Mostly along the row, sometimes a row up or down: how hands mash.
    if (chance(rng, 0.2)) row = std::clamp(row + (chance(rng, 0.5) ? 1 : -1), 0, 2);
    int len = static_cast<int>(kKeyRows[row].size());
    col = std::clamp(col + (chance(rng, 0.8) ? 1 : between(rng, -2, 2)), 0, len - 1);
    if (col == len - 1 && chance(rng, 0.5)) col = between(rng, 0, len - 1);
  }
  return s;
}

std::string digits(Rng& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + between(rng, 0, 9));
  return s;
}

std::string spam(Rng& rng, const Pools& p) {
  auto word = [&] { return p.common.empty() ? random_letters(rng, between(rng, 3, 6), 0.4) : any_of(rng, p.common); };
  switch (between(rng, 0, 6)) {
    case 0: return std::string(between(rng, 3, 5), any_of(rng, kLetters)) + "-" + digits(rng, between(rng, 2, 5));
    case 1: return capitalized(word()) + "-" + digits(rng, between(rng, 2, 4));
    case 2: return word() + "-" + word() + "-" + word() + (chance(rng, 0.5) ? "-" + digits(rng, 2) : "");
    case 3: return capitalized(word()) + digits(rng, between(rng, 3, 6));
    case 4: return digits(rng, between(rng, 2, 4)) + "-" + word() + "-" + digits(rng, between(rng, 1, 3));
    case 5: return std::string(1, any_of(rng, kLetters)) + "-" + digits(rng, 3) + "-" + random_letters(rng, 3, 0.3);
    default: {
      std::string w = word();
      for (auto& c : w)  // leetspeak
        c = c == 'e' ? '3' : c == 'o' ? '0' : c == 'a' ? '4' : c == 'i' ? '1' : c;
      return capitalized(w) + (chance(rng, 0.5) ? digits(rng, 2) : "");
    }
  }
}

std::string near_copy(Rng& rng, const std::string& key) {
  std::string s = key;
  std::size_t i = pick(rng, s.size());
  switch (between(rng, 0, 3)) {
    case 0: s[i] = any_of(rng, kLetters); break;
    case 1: s.insert(s.begin() + static_cast<std::ptrdiff_t>(i), any_of(rng, kLetters)); break;
    case 2: s.erase(i, 1); break;
    default: s.insert(s.begin() + static_cast<std::ptrdiff_t>(i), s[i]); break;  // "Gooogle"
  }
  return random_case(rng, s);
}

std::string generic_phrase(Rng& rng, const Pools& p) {
  std::vector<std::string> words{std::string(any_of(rng, kGenericLead))};
  int middle = between(rng, 1, 3);
  for (int i = 0; i < middle; ++i)
    words.push_back(p.common.empty() ? std::string(any_of(rng, kGenericLead)) : any_of(rng, p.common));
  words.emplace_back(any_of(rng, kGenericTail));
  return join_words(rng, words);
}

std::string subtle(Rng& rng, const Pools& p, const charlm::CharModel* cm) {
  int kind = between(rng, 0, 4);
  if (kind == 0 && cm) {
    // Hot samples: letter strings that look almost like words but are awkward to say.
    std::string s = cm->sample(rng, {.min_length = 6, .max_length = 13, .temperature = 2.2});
    if (!s.empty()) return random_case(rng, s);
  }
  if (kind == 1 && !p.long_words.empty()) return random_case(rng, any_of(rng, p.long_words));
  if (kind == 2 && !p.common.empty()) {
    // Vowels stripped from longer words: "Dvlpmnt".
    std::string w = any_of(rng, p.common) + (chance(rng, 0.5) && !p.common.empty() ? any_of(rng, p.common) : "");
    std::string s;
    for (std::size_t i = 0; i < w.size(); ++i)
      if (i == 0 || kVowels.find(w[i]) == std::string_view::npos) s += w[i];
    if (s.size() >= 5) return random_case(rng, s);
  }
  if (kind == 3) {
    std::string syl = std::string(1, any_of(rng, kConsonants)) + any_of(rng, kVowels);
    std::string s;
    for (int i = between(rng, 3, 5); i > 0; --i) s += syl;  // "Lalalala"
    return random_case(rng, s);
  }
  // Several invented gibberish words in a row.
  std::vector<std::string> words;
  for (int i = between(rng, 3, 4); i > 0; --i) words.push_back(random_letters(rng, between(rng, 3, 6), 0.25));
  return join_words(rng, words);
}

}  // namespace

std::uint64_t stable_hash(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  return h;
}

std::vector<LabeledName> build_quality_training_set(const TrainingSources& sources) {
  std::vector<LabeledName> out;
  if (!sources.brands) return out;
  Rng rng(sources.seed);
  auto held = [&](std::string_view base) {
    return stable_hash(brands::normalize_brand(base)) % static_cast<std::uint64_t>(sources.held_out_one_in) == 0;
  };
  std::size_t positives = 0;
  for (const auto& b : sources.brands->all()) {
    std::vector<std::string> names{b.name};
    names.insert(names.end(), b.aliases.begin(), b.aliases.end());
    bool held_out = held(b.name);  // aliases go with their brand
    for (const auto& n : names) {
      // Four words and more are product names ("Adobe Acrobat Reader"), not what a company is called.
      if (!ascii_only(n) || letter_count(n) < 2 || n.size() > 40 || std::ranges::count(n, ' ') >= 3) continue;
      out.push_back({n, true, "brand", held_out});
      ++positives;
      if (chance(rng, 0.2) && n.find(' ') == std::string::npos) {
        out.push_back({n + " " + std::string(any_of(rng, kSuffixes)), true, "brand+suffix", held_out});
        ++positives;
      }
    }
  }

  for (auto f : famous_brands()) {
    if (sources.brands->contains(f)) continue;
    out.push_back({std::string(f), true, "brand", held(f)});
    ++positives;
  }

  Pools pools = make_pools(sources);
  auto want = static_cast<std::size_t>(static_cast<double>(positives) * sources.negatives_per_positive);
  using Make = std::string (*)(Rng&, const Pools&, const charlm::CharModel*);
  struct Family {
    std::string_view name;
    double share;
    Make make;
  };
  static constexpr Family kFamilies[] = {
      {"random_letters", 0.09,
       [](Rng& r, const Pools&, const charlm::CharModel*) { return random_case(r, random_letters(r, between(r, 4, 12), 0.3)); }},
      {"consonant_pile", 0.06,
       [](Rng& r, const Pools&, const charlm::CharModel*) { return random_case(r, random_letters(r, between(r, 4, 9), 0.08)); }},
      {"keyboard_mash", 0.09, [](Rng& r, const Pools&, const charlm::CharModel*) { return random_case(r, keyboard_mash(r)); }},
      {"long_concat", 0.12,
       [](Rng& r, const Pools& p, const charlm::CharModel*) {
         std::vector<std::string> w;
         for (int i = between(r, 3, 5); i > 0; --i) w.push_back(p.common.empty() ? "data" : any_of(r, p.common));
         std::string s;
         bool camel = chance(r, 0.6);
         for (const auto& x : w) s += camel ? capitalized(x) : x;
         return camel ? s : random_case(r, s);
       }},
      {"digit_hyphen_spam", 0.13, [](Rng& r, const Pools& p, const charlm::CharModel*) { return spam(r, p); }},
      {"near_brand", 0.12,
       [](Rng& r, const Pools& p, const charlm::CharModel*) {
         // Half from the famous names, half from the registry: copies of either are bad.
         if (!p.famous.empty() && (p.brands.empty() || chance(r, 0.5))) return near_copy(r, any_of(r, p.famous));
         return p.brands.empty() ? std::string("Gooogle") : near_copy(r, any_of(r, p.brands));
       }},
      {"negative_words", 0.13,
       [](Rng& r, const Pools& p, const charlm::CharModel*) {
         std::string bad = p.bad.empty() ? "death" : any_of(r, p.bad);
         std::string other = p.common.empty() ? "cloud" : any_of(r, p.common);
         std::vector<std::string> w = chance(r, 0.5) ? std::vector{bad, other} : std::vector{other, bad};
         if (chance(r, 0.25)) w = {bad};
         return join_words(r, w);
       }},
      {"generic_phrase", 0.14, [](Rng& r, const Pools& p, const charlm::CharModel*) { return generic_phrase(r, p); }},
      {"subtle", 0.12, [](Rng& r, const Pools& p, const charlm::CharModel* cm) { return subtle(r, p, cm); }},
  };
  for (const auto& f : kFamilies) {
    auto n = static_cast<std::size_t>(static_cast<double>(want) * f.share);
    for (std::size_t i = 0; i < n; ++i) {
      std::string name = f.make(rng, pools, sources.char_model);
      if (name.empty() || sources.brands->contains(name)) continue;
      bool held_out = held(name);
      // The same suffixes the positives get; more often after a negative word, where the
      // company word must not hide it ("Rot Labs").
      if (chance(rng, f.name == "negative_words" ? 0.4 : 0.15) && name.find(' ') == std::string::npos)
        name += " " + std::string(any_of(rng, kSuffixes));
      out.push_back({std::move(name), false, std::string(f.name), held_out});
    }
  }
  return out;
}

}  // namespace snai::score
