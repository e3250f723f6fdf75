#include "score/features.hpp"

#include <algorithm>
#include <cmath>
#include <cctype>
#include <cstdint>
#include <cstdlib>

#include "brands/brand_registry.hpp"
#include "charlm/char_model.hpp"
#include "lexicon/lexicon.hpp"
#include "screening/name_screen.hpp"

namespace snai::score {

namespace {

bool plain_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// 'y' sounds as a vowel after a consonant ("lyft", "spotify"), as a consonant before a vowel ("yelp").
bool vowel_at(std::string_view s, std::size_t i) {
  char c = s[i];
  if (plain_vowel(c)) return true;
  if (c != 'y') return false;
  bool next_vowel = i + 1 < s.size() && plain_vowel(s[i + 1]);
  bool prev_vowel = i > 0 && plain_vowel(s[i - 1]);
  return !next_vowel && !prev_vowel;
}

bool is_letter(char c) { return c >= 'a' && c <= 'z'; }


std::string letters_of(std::string_view s) {
  std::string out;
  for (char c : s)
    if (is_letter(c)) out.push_back(c);
  return out;
}

// QWERTY position: row and column, rows staggered as on a real keyboard.
bool key_position(char c, int& row, double& col) {
  static constexpr std::string_view kRows[3] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  static constexpr double kOffset[3] = {0, 0.25, 0.75};
  for (int r = 0; r < 3; ++r)
    if (auto p = kRows[r].find(c); p != std::string_view::npos) {
      row = r;
      col = static_cast<double>(p) + kOffset[r];
      return true;
    }
  return false;
}

// Company words that follow a name ("Granza Bio", "K-Scale Labs"): the name is the part before.
constexpr std::string_view kDescriptors[] = {
    "labs", "lab", "ai", "bio", "health", "robotics", "technologies", "technology", "tech", "systems",
    "therapeutics", "inc", "hq", "app", "apps", "studio", "studios", "energy", "security", "capital",
    "io", "software", "networks", "network", "data", "cloud", "analytics", "ventures", "space", "foods",
    "motors", "pay", "dynamics", "medical", "sciences", "games", "group", "co", "company", "corp",
    "intelligence", "finance", "bank", "markets", "materials", "aerospace", "power", "works", "digital",
    "media", "solutions", "platform", "robots", "genomics", "fusion", "quantum", "automation", "the"};

// Words that describe a business instead of naming it.
constexpr std::string_view kGenericVocabulary[] = {
    "best", "cheap", "affordable", "quality", "premier", "premium", "top", "fast", "easy", "global", "professional",
    "reliable", "trusted", "quick", "online", "digital", "local", "discount", "simple", "better", "total", "expert",
    "experts", "modern", "advanced", "complete", "instant", "free", "secure", "efficient", "innovative", "great",
    "store", "shop", "services", "service", "solutions", "solution", "company", "consulting", "agency",
    "marketplace", "center", "centre", "provider", "resources", "partners", "depot", "direct", "supply",
    "management", "deals", "quotes", "insurance", "business", "web", "site", "website", "app", "my", "your",
    "name", "untitled", "startup", "test", "demo", "sample", "example", "generic", "official", "number", "one"};

}  // namespace

bool is_generic_word(std::string_view lower_word) {
  return std::ranges::find(kGenericVocabulary, lower_word) != std::end(kGenericVocabulary);
}

int count_syllables(std::string_view letters) {
  int groups = 0;
  bool in_vowel = false;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    bool v = vowel_at(letters, i);
    if (v && !in_vowel) ++groups;
    in_vowel = v;
  }
  // A final silent e ("stripe", "home") is no syllable; "-le" after a consonant is ("able").
  std::size_t n = letters.size();
  if (groups > 1 && n >= 3 && letters[n - 1] == 'e' && !vowel_at(letters, n - 2) &&
      !(letters[n - 2] == 'l' && !vowel_at(letters, n - 3)))
    --groups;
  return groups;
}

double vowel_ratio(std::string_view letters) {
  if (letters.empty()) return 0;
  int v = 0;
  for (std::size_t i = 0; i < letters.size(); ++i) v += vowel_at(letters, i) ? 1 : 0;
  return static_cast<double>(v) / static_cast<double>(letters.size());
}

int longest_consonant_run(std::string_view letters) {
  int best = 0, run = 0;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    run = vowel_at(letters, i) ? 0 : run + 1;
    best = std::max(best, run);
  }
  return best;
}

int longest_vowel_run(std::string_view letters) {
  int best = 0, run = 0;
  for (std::size_t i = 0; i < letters.size(); ++i) {
    run = vowel_at(letters, i) ? run + 1 : 0;
    best = std::max(best, run);
  }
  return best;
}

int double_letters(std::string_view letters) {
  int n = 0;
  for (std::size_t i = 1; i < letters.size(); ++i) n += letters[i] == letters[i - 1] ? 1 : 0;
  return n;
}

int longest_same_letter_run(std::string_view letters) {
  int best = letters.empty() ? 0 : 1, run = 1;
  for (std::size_t i = 1; i < letters.size(); ++i) {
    run = letters[i] == letters[i - 1] ? run + 1 : 1;
    best = std::max(best, run);
  }
  return best;
}

double keyboard_walk_fraction(std::string_view letters) {
  if (letters.size() < 2) return 0;
  int adjacent = 0;
  for (std::size_t i = 1; i < letters.size(); ++i) {
    int r1 = 0, r2 = 0;
    double c1 = 0, c2 = 0;
    if (letters[i] == letters[i - 1] || !key_position(letters[i - 1], r1, c1) || !key_position(letters[i], r2, c2))
      continue;
    if (std::abs(r1 - r2) <= 1 && std::abs(c1 - c2) <= 1.0) ++adjacent;
  }
  return static_cast<double>(adjacent) / static_cast<double>(letters.size() - 1);
}

double letter_variety(std::string_view letters) {
  if (letters.empty()) return 0;
  std::array<bool, 26> seen{};
  int distinct = 0;
  for (char c : letters)
    if (is_letter(c) && !seen[c - 'a']) {
      seen[c - 'a'] = true;
      ++distinct;
    }
  return static_cast<double>(distinct) / static_cast<double>(letters.size());
}

bool is_descriptor_word(std::string_view lower_word) {
  return std::ranges::find(kDescriptors, lower_word) != std::end(kDescriptors);
}

std::vector<std::string> name_parts(std::string_view name) {
  std::vector<std::string> parts;
  std::string current;
  for (char raw : name) {
    auto c = static_cast<unsigned char>(raw);
    if (c < 0x80 && std::isalnum(c)) {
      current.push_back(static_cast<char>(std::tolower(c)));
    } else if (!current.empty()) {
      parts.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) parts.push_back(std::move(current));
  return parts;
}

// --- NameFeatures

FeatureVector NameFeatures::compute(std::string_view name, std::string_view spoken,
                                    const std::vector<screening::ScreenFinding>* screened) const {
  FeatureVector out;
  auto& v = out.values;
  auto parts = name_parts(name);
  std::string letters;
  int digits = 0, hyphens = 0, symbols = 0, non_ascii = 0, words = 0;
  bool in_word = false;
  for (char raw : name) {
    auto c = static_cast<unsigned char>(raw);
    if (c >= 0x80) {
      ++non_ascii;
    } else if (std::isalpha(c)) {
      letters.push_back(static_cast<char>(std::tolower(c)));
    } else if (std::isdigit(c)) {
      ++digits;
    } else if (c == '-') {
      ++hyphens;
    } else if (!std::isspace(c)) {
      ++symbols;
    }
    bool word_char = c >= 0x80 || !std::isspace(c);
    if (word_char && !in_word) ++words;
    in_word = word_char;
  }
  v[kLetters] = static_cast<float>(letters.size());
  v[kWords] = static_cast<float>(words);
  v[kDigits] = static_cast<float>(digits);
  v[kHyphens] = static_cast<float>(hyphens);
  v[kSymbols] = static_cast<float>(symbols);
  v[kNonAscii] = static_cast<float>(non_ascii);
  v[kComLabel] = static_cast<float>(letters.size() + digits + hyphens);
  v[kVowelRatio] = static_cast<float>(vowel_ratio(letters));
  v[kDoubleLetters] = static_cast<float>(double_letters(letters));
  v[kSameLetterRun] = static_cast<float>(longest_same_letter_run(letters));
  v[kLetterVariety] = static_cast<float>(letter_variety(letters));

  // Patterns that need word boundaries are read per part, so "Scale Labs" has no "elabs" cluster.
  std::vector<std::string> letter_parts;
  for (const auto& p : parts)
    if (auto l = letters_of(p); !l.empty()) letter_parts.push_back(std::move(l));
  int syllables = 0, consonant_run = 0, vowel_run = 0, longest = 0;
  double walk_pairs = 0, walk_total = 0;
  for (const auto& p : letter_parts) {
    syllables += count_syllables(p);
    consonant_run = std::max(consonant_run, longest_consonant_run(p));
    vowel_run = std::max(vowel_run, longest_vowel_run(p));
    longest = std::max(longest, static_cast<int>(p.size()));
    if (p.size() >= 2) {
      walk_pairs += keyboard_walk_fraction(p) * static_cast<double>(p.size() - 1);
      walk_total += static_cast<double>(p.size() - 1);
    }
  }
  v[kSyllables] = static_cast<float>(syllables);
  v[kParts] = static_cast<float>(parts.size());
  for (const auto& p : parts) v[kGenericWords] += is_generic_word(p) ? 1.0f : 0.0f;
  v[kConsonantRun] = static_cast<float>(consonant_run);
  v[kVowelRun] = static_cast<float>(vowel_run);
  v[kLongestWord] = static_cast<float>(longest);
  v[kKeyboardWalk] = walk_total > 0 ? static_cast<float>(walk_pairs / walk_total) : 0.0f;

  if (letter_parts.size() >= 2 && is_descriptor_word(letter_parts.back())) {
    v[kDescriptorSuffix] = 1;
    out.suffix = letter_parts.back();
  }

  // Pronounceability: -6 per letter (worse than keyboard mash) when there is nothing to say.
  constexpr double kUnsayable = -6;
  double sum = 0, worst = 0;
  int scored = 0;
  if (const auto* cm = context_.char_model) {
    std::vector<std::string> spoken_parts;
    if (!spoken.empty())
      for (const auto& p : name_parts(spoken))
        if (auto l = letters_of(p); !l.empty()) spoken_parts.push_back(std::move(l));
    const auto& said = spoken.empty() ? letter_parts : spoken_parts;
    for (const auto& p : said) {
      double lp = std::max(-8.0, cm->log_prob_per_char(p));
      sum += lp;
      worst = scored == 0 ? lp : std::min(worst, lp);
      ++scored;
    }
  }
  v[kPronounceable] = static_cast<float>(scored ? sum / scored : kUnsayable);
  v[kWorstPart] = static_cast<float>(scored ? worst : kUnsayable);

  for (std::size_t i = 0; i < letter_parts.size(); ++i)
    if (std::find(letter_parts.begin(), letter_parts.begin() + static_cast<std::ptrdiff_t>(i), letter_parts[i]) !=
        letter_parts.begin() + static_cast<std::ptrdiff_t>(i))
      v[kRepeatedParts] += 1;
  if (const auto* neg = context_.negative_words)
    for (const auto& p : letter_parts)
      if (!is_descriptor_word(p) && neg->contains(p)) {
        if (out.negative_word.empty()) out.negative_word = p;
        v[kNegativeWords] += 1;
      }

  if (context_.words || context_.lexicon) {
    auto find = [&](std::string_view w) -> std::optional<WordTable::Info> {
      if (context_.words) return context_.words->find(w);
      if (!context_.lexicon->is_word(w)) return std::nullopt;
      auto info = context_.lexicon->lookup(w);
      return WordTable::Info{info && info->common, info ? info->tag_count : 0};
    };
    int dictionary = 0, common = 0;
    double frequency = 0;
    for (const auto& p : letter_parts) {
      if (p.size() < 2) continue;
      if (auto w = find(p)) {
        ++dictionary;
        common += w->common ? 1 : 0;
        frequency += std::log2(1.0 + w->tag_count);
      }
    }
    double n = letter_parts.empty() ? 1.0 : static_cast<double>(letter_parts.size());
    v[kDictionaryParts] = static_cast<float>(dictionary / n);
    v[kCommonParts] = static_cast<float>(common / n);
    v[kWordFrequency] = static_cast<float>(frequency / n);
    v[kIsWord] = letters.size() >= 2 && find(letters) ? 1.0f : 0.0f;
    // The huge word list holds "ora" and "cel": a split only counts with words a reader knows.
    auto common_word = [&](std::string_view w) {
      auto info = find(w);
      return info && info->common;
    };
    if (v[kIsWord] == 0 && letters.size() >= 6 && letters.size() <= 24)
      for (std::size_t i = 3; i + 3 <= letters.size(); ++i)
        if (common_word(std::string_view(letters).substr(0, i)) && common_word(std::string_view(letters).substr(i))) {
          v[kCompound] = 1;
          break;
        }
  }

  // "Amaz0n Labs" copies Amazon: compare the name without its company word.
  std::string core;
  if (v[kDescriptorSuffix] > 0)
    for (std::size_t i = 0; i + 1 < parts.size(); ++i) core += parts[i];
  std::string_view compared = core.empty() ? name : std::string_view(core);
  if (const auto* b = context_.brands)
    if (auto near = b->nearest(compared); !near.name.empty()) {
      v[kNearBrand] = static_cast<float>(near.key_letters);
      out.near_brand = std::string(near.name);
    }

  if (const auto* f = context_.famous)
    if (auto near = f->nearest(compared); !near.name.empty()) {
      v[kNearFamous] = static_cast<float>(near.key_letters);
      out.near_famous = std::string(near.name);
    }

  if (const auto* screen = context_.screen; screen && !letters.empty()) {
    std::vector<screening::ScreenFinding> found;
    if (screened == nullptr) found = screen->screen(name);
    for (const auto& f : screened ? *screened : found) {
      float level = f.kind == screening::ScreenFinding::Kind::negative ? 1.0f : 2.0f;
      if (level > v[kScreen]) {
        v[kScreen] = level;
        out.screen_reading = f.reading.empty() ? f.word : f.reading;
      }
    }
  }
  return out;
}

}  // namespace snai::score
