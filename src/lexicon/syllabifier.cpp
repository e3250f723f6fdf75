#include "lexicon/syllabifier.hpp"

#include <algorithm>
#include <cctype>

namespace snai::lexicon {
namespace {

struct Nucleus {
  std::size_t begin;
  std::size_t end;  // exclusive
};

bool plain_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool vowel_at(const std::string& w, std::size_t i) {
  char c = w[i];
  if (c == 'u' && i > 0 && w[i - 1] == 'q') return false;
  if (c == 'y') return i > 0 && !(i + 1 < w.size() && plain_vowel(w[i + 1]));
  return plain_vowel(c);
}

bool consonant(char c) { return std::isalpha(static_cast<unsigned char>(c)) && !plain_vowel(c) && c != 'y'; }

// Onsets that may begin a syllable inside a word.
bool legal_onset(std::string_view s) {
  if (s.size() == 1) return s != "x";
  static constexpr std::string_view kOnsets[] = {
      "ch", "sh", "th", "ph", "wh", "bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "pl", "pr", "tr", "tw",
      "sc", "sk", "sl", "sm", "sn", "sp", "st", "sw", "qu", "thr", "shr", "chr", "phr", "scr", "spl", "spr", "str",
      "squ", "sch"};
  return std::find(std::begin(kOnsets), std::end(kOnsets), s) != std::end(kOnsets);
}

// Common vowel digraphs that are one sound; other vowel pairs may be two syllables.
bool digraph(std::string_view pair) {
  static constexpr std::string_view kDigraphs[] = {"ai", "ay", "au", "aw", "ea", "ee", "ei", "ey", "ie", "oa",
                                                   "oe", "oi", "oo", "ou", "oy", "ue", "ui", "eu", "ew", "ow"};
  return std::find(std::begin(kDigraphs), std::end(kDigraphs), pair) != std::end(kDigraphs);
}

std::vector<Nucleus> find_nuclei(const std::string& w) {
  std::vector<Nucleus> nuclei;
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (!vowel_at(w, i)) continue;
    if (!nuclei.empty() && nuclei.back().end == i) nuclei.back().end = i + 1;
    else nuclei.push_back({i, i + 1});
  }
  return nuclei;
}

// A final "e" (or "es"/"ed") that is not a syllable of its own: "note", "notes", "noted" is not.
bool silent_ending(const std::string& w, const Nucleus& n) {
  std::size_t size = w.size();
  if (n.end - n.begin != 1 || w[n.begin] != 'e' || n.begin == 0 || !consonant(w[n.begin - 1])) return false;
  char before = w[n.begin - 1];
  if (n.end == size) {  // "...e": silent, except consonant + "le" ("ta·ble")
    return !(before == 'l' && n.begin >= 2 && consonant(w[n.begin - 2]));
  }
  if (n.end + 1 != size) return false;
  char last = w[size - 1];
  if (last == 'd') return before != 't' && before != 'd';
  if (last == 's') return std::string_view("sxzcgh").find(before) == std::string_view::npos;
  return false;
}

std::size_t boundary(const std::string& w, const Nucleus& left, const Nucleus& right) {
  std::string_view cluster(w.data() + left.end, right.begin - left.end);
  if (cluster.empty()) return right.begin;
  if (cluster == "x") return right.begin;  // "tax·i"
  if (cluster.size() == 2 && cluster[0] == 's' && cluster != "sh") return left.end + 1;  // "mis·take"
  if (cluster.ends_with("ck")) return right.begin;  // "tick·et"
  std::size_t take = 1;
  for (std::size_t n = 2; n <= std::min<std::size_t>(3, cluster.size()); ++n)
    if (legal_onset(cluster.substr(cluster.size() - n))) take = n;
  return right.begin - take;
}

}  // namespace

std::vector<std::string> split_spelling(std::string_view word, int syllable_count) {
  std::string w;
  for (char c : word) w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (w.empty()) return {};
  auto nuclei = find_nuclei(w);
  std::vector<Nucleus> silent;
  if (nuclei.size() > 1 && silent_ending(w, nuclei.back())) {
    silent.push_back(nuclei.back());
    nuclei.pop_back();
  }
  std::size_t target = syllable_count > 0 ? static_cast<std::size_t>(syllable_count) : nuclei.size();
  // Too many: merge the two nuclei with the fewest letters between them (rightmost on ties).
  while (nuclei.size() > std::max<std::size_t>(target, 1)) {
    std::size_t best = 1;
    for (std::size_t i = 1; i < nuclei.size(); ++i)
      if (nuclei[i].begin - nuclei[i - 1].end <= nuclei[best].begin - nuclei[best - 1].end) best = i;
    nuclei[best - 1].end = nuclei[best].end;
    nuclei.erase(nuclei.begin() + static_cast<std::ptrdiff_t>(best));
  }
  // Too few: bring back a silent "e", split a vowel pair in hiatus, or let a final consonant carry one.
  while (nuclei.size() < target) {
    if (!silent.empty()) {
      nuclei.push_back(silent.back());
      silent.clear();
      continue;
    }
    bool split = false;
    for (int pass = 0; pass < 2 && !split; ++pass)
      for (std::size_t i = 0; i < nuclei.size() && !split; ++i)
        for (std::size_t k = nuclei[i].begin + 1; k < nuclei[i].end && !split; ++k)
          if (pass == 1 || !digraph(std::string_view(w).substr(k - 1, 2))) {
            Nucleus second{k, nuclei[i].end};
            nuclei[i].end = k;
            nuclei.insert(nuclei.begin() + static_cast<std::ptrdiff_t>(i) + 1, second);
            split = true;
          }
    if (split) continue;
    std::size_t last = w.size() - 1;
    bool syllabic = (nuclei.empty() || nuclei.back().end <= last) && consonant(w[last]) &&
                    std::string_view("rlmn").find(w[last]) != std::string_view::npos &&
                    (last == 0 || consonant(w[last - 1]));
    if (!syllabic) break;
    nuclei.push_back({last, last + 1});
  }
  if (nuclei.empty()) return {w.empty() ? std::string() : std::string(word)};

  // Clusters are measured in bytes: a cut inside a UTF-8 letter ("aperçus": r|ç) moves to the
  // letter's first byte, so each piece stays valid text.
  auto continuation = [&](std::size_t i) { return i < w.size() && (static_cast<unsigned char>(w[i]) & 0xC0) == 0x80; };
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 1; i < nuclei.size(); ++i) {
    std::size_t cut = boundary(w, nuclei[i - 1], nuclei[i]);
    std::size_t back = cut;
    while (back > start && continuation(back)) --back;
    if (back > start) cut = back;
    else
      while (continuation(cut)) ++cut;
    out.emplace_back(word.substr(start, cut - start));
    start = cut;
  }
  out.emplace_back(word.substr(start));
  return out;
}

int estimate_syllables(std::string_view word) {
  bool any_letter = std::any_of(word.begin(), word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  if (!any_letter) return 0;
  return std::max<int>(1, static_cast<int>(split_spelling(word).size()));
}

}  // namespace snai::lexicon
