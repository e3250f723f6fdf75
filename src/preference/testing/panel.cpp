#include "preference/testing/panel.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <random>
#include <set>

#include "score/features.hpp"

namespace snai::preference::testing {
namespace {

constexpr std::array<std::string_view, 24> kNature = {
    "leaf", "river", "stone", "pine", "cedar", "fern", "moss", "brook", "oak", "willow", "maple", "tide",
    "ember", "sky", "sun", "bloom", "meadow", "grove", "reef", "cloud", "birch", "lake", "wild", "rain"};
constexpr std::array<std::string_view, 30> kTech = {
    "stack", "pay", "flow", "data", "grid", "byte", "hub", "forge", "link", "desk", "mint", "shift",
    "signal", "pilot", "scale", "ledger", "vault", "spark", "track", "base", "note", "cart", "code", "sync",
    "bridge", "loop", "frame", "pulse", "metric", "ship"};
constexpr std::array<std::string_view, 12> kWords = {"harbor", "crux", "summit", "beacon", "atlas", "anchor",
                                                     "compass", "lantern", "quarry", "canvas", "origin", "vector"};
constexpr std::array<std::string_view, 19> kOnsets = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r",
                                                      "s", "t", "v", "z", "br", "tr", "pl", "kr", "st"};
constexpr std::array<std::string_view, 5> kVowels = {"a", "e", "i", "o", "u"};
constexpr std::array<std::string_view, 7> kCodas = {"", "", "n", "r", "l", "x", "s"};
constexpr std::array<std::string_view, 10> kRoots = {"lumin", "ver", "aur", "nov", "terr",
                                                     "aqu", "sol", "vit", "cert", "magn"};
constexpr std::array<std::string_view, 6> kEndings = {"a", "us", "is", "ia", "um", "ora"};
constexpr std::array<std::string_view, 5> kSuffixes = {"ly", "ify", "io", "able", "ster"};
constexpr std::array<std::string_view, 5> kDescriptors = {"Labs", "AI", "Health", "Bio", "Works"};

std::string capital(std::string_view w) {
  std::string s(w);
  if (!s.empty()) s[0] = char(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string letters(std::string_view name) {
  std::string out;
  for (char c : name)
    if (std::isalpha(static_cast<unsigned char>(c))) out += char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

template <class A>
std::string_view pick(const A& items, std::mt19937_64& rng) {
  return items[std::uniform_int_distribution<std::size_t>(0, items.size() - 1)(rng)];
}

bool vowel(char c) { return std::string_view("aeiou").find(c) != std::string_view::npos; }

}  // namespace

std::string_view to_string(Taste taste) {
  switch (taste) {
    case Taste::short_invented: return "short invented names";
    case Taste::nature_compound: return "compounds with a nature word";
    case Taste::soft_short: return "<= 2 syllables ending in a vowel";
  }
  return "?";
}

bool hidden_rule(Taste taste, const NameInfo& name) {
  auto l = letters(name.name);
  switch (taste) {
    case Taste::short_invented: return name.style == generate::Style::invented && l.size() <= 6;
    case Taste::nature_compound:
      return name.style == generate::Style::compound && std::ranges::any_of(name_words(name), [](const auto& w) {
               return std::ranges::find(kNature, w) != kNature.end();
             });
    case Taste::soft_short: return !l.empty() && score::count_syllables(l) <= 2 && vowel(l.back());
  }
  return false;
}

std::vector<NameInfo> make_catalogue(const std::string& startup_names_file, unsigned seed) {
  using generate::Style;
  std::vector<NameInfo> out;
  std::set<std::string> seen;
  auto add = [&](NameInfo n) {
    if (seen.insert(letters(n.name)).second) out.push_back(std::move(n));
  };
  // Real names: multiword when spaced, compound when two camel-case words, else invented.
  std::ifstream in(startup_names_file);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    NameInfo n{.name = line};
    auto words = name_words(n);
    bool spaced = line.find_first_of(" -") != std::string::npos;
    n.style = spaced ? Style::multiword : words.size() == 2 ? Style::compound : Style::invented;
    if (n.style == Style::compound) n.parts = words;
    add(std::move(n));
  }
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  for (int i = 0; i < 900; ++i) {
    switch (i % 9) {
      case 0: case 1: {  // invented: 1-4 syllables
        int syllables = 1 + int(rng() % 4);
        std::string w;
        for (int s = 0; s < syllables; ++s) w += std::string(pick(kOnsets, rng)) + std::string(pick(kVowels, rng));
        w += pick(kCodas, rng);
        add({.name = capital(w), .style = Style::invented});
        break;
      }
      case 2: case 3: {  // compound: about half with a nature word
        std::string_view a = pick(kTech, rng), b = pick(kTech, rng);
        if (u(rng) < 0.5) (u(rng) < 0.5 ? a : b) = pick(kNature, rng);
        if (a == b) break;
        add({.name = capital(a) + capital(b), .style = Style::compound, .parts = {std::string(a), std::string(b)}});
        break;
      }
      case 4: {  // dictionary: a single word, nature ones included
        std::string_view w = u(rng) < 0.4 ? pick(kNature, rng) : u(rng) < 0.5 ? pick(kTech, rng) : pick(kWords, rng);
        add({.name = capital(w), .style = Style::dictionary, .parts = {std::string(w)}});
        break;
      }
      case 5: {  // affix
        std::string_view w = u(rng) < 0.5 ? pick(kNature, rng) : pick(kTech, rng);
        std::string_view s = pick(kSuffixes, rng);
        add({.name = capital(w) + std::string(s), .style = Style::affix, .parts = {std::string(w), "-" + std::string(s)}});
        break;
      }
      case 6: {  // multiword
        std::string_view w = u(rng) < 0.4 ? pick(kNature, rng) : pick(kTech, rng);
        std::string_view d = pick(kDescriptors, rng);
        add({.name = capital(w) + " " + std::string(d), .style = Style::multiword, .parts = {std::string(w), std::string(d)}});
        break;
      }
      case 7: {  // foreign: Latin-like root + ending
        std::string_view r = pick(kRoots, rng), e = pick(kEndings, rng);
        add({.name = capital(r) + std::string(e), .style = Style::foreign, .parts = {std::string(r) + std::string(e)}});
        break;
      }
      case 8: {  // respelling: a dropped vowel or a k for c
        std::string w(pick(kTech, rng));
        if (auto p = w.find_last_of("aeiou"); p != std::string::npos && p + 1 < w.size()) w.erase(p, 1);
        else if (auto c = w.find('c'); c != std::string::npos) w[c] = 'k';
        else w += "r";
        add({.name = capital(w), .style = Style::respelling, .parts = {w}});
        break;
      }
    }
  }
  return out;
}

}  // namespace snai::preference::testing
