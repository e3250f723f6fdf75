#include "conflicts/similarity.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "lexicon/phoneme.hpp"

namespace snai::conflicts {
namespace {

constexpr double kVisualCost = 0.3;    // reads the same at a glance
constexpr double kKeyboardCost = 0.6;  // a slip of the finger
constexpr double kSwapCost = 0.6;
constexpr double kDoubledCost = 0.5;   // "strippe", "flickr" → "flicckr"

bool visual_pair(char a, char b) {
  static constexpr std::array<std::pair<char, char>, 11> kPairs = {
      {{'0', 'o'}, {'1', 'l'}, {'1', 'i'}, {'l', 'i'}, {'5', 's'}, {'2', 'z'}, {'8', 'b'},
       {'3', 'e'}, {'4', 'a'}, {'6', 'b'}, {'u', 'v'}}};
  for (auto [x, y] : kPairs)
    if ((a == x && b == y) || (a == y && b == x)) return true;
  return false;
}

// QWERTY neighbours on the same or the next row.
bool keyboard_neighbours(char a, char b) {
  static const std::array<std::string_view, 4> kRows = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
  int ra = -1, ca = -1, rb = -1, cb = -1;
  for (int r = 0; r < 4; ++r) {
    if (auto p = kRows[r].find(a); p != std::string_view::npos) ra = r, ca = static_cast<int>(p);
    if (auto p = kRows[r].find(b); p != std::string_view::npos) rb = r, cb = static_cast<int>(p);
  }
  if (ra < 0 || rb < 0) return false;
  if (ra == rb) return std::abs(ca - cb) == 1;
  // The next row down sits half a key to the right: its neighbours are column c-1 and c.
  if (rb == ra + 1) return cb == ca || cb == ca - 1;
  if (ra == rb + 1) return ca == cb || ca == cb - 1;
  return false;
}

double substitution_cost(char a, char b) {
  if (a == b) return 0;
  if (visual_pair(a, b)) return kVisualCost;
  if (keyboard_neighbours(a, b)) return kKeyboardCost;
  return 1;
}

// Two letters that read as one: "rn" ↔ "m".
bool visual_digraph(char first, char second, char single) {
  return (first == 'r' && second == 'n' && single == 'm') || (first == 'v' && second == 'v' && single == 'w') ||
         (first == 'c' && second == 'l' && single == 'd') || (first == 'n' && second == 'n' && single == 'm') ||
         (first == 'r' && second == 'i' && single == 'n');
}

// Phoneme classes for the cheaper sound substitutions.
enum class SoundClass : std::uint8_t { vowel, stop, fricative, affricate, nasal, liquid, glide, other };

struct PhonemeTable {
  std::array<SoundClass, lexicon::kPhonemeCount> cls{};
  std::array<std::string_view, lexicon::kPhonemeCount> symbol{};
  PhonemeTable() {
    for (int id = 0; id < lexicon::kPhonemeCount; ++id) {
      lexicon::Phoneme p{static_cast<std::uint8_t>(id), -1};
      symbol[id] = p.symbol();
      auto s = symbol[id];
      if (p.is_vowel()) cls[id] = SoundClass::vowel;
      else if (s == "P" || s == "B" || s == "T" || s == "D" || s == "K" || s == "G") cls[id] = SoundClass::stop;
      else if (s == "F" || s == "V" || s == "TH" || s == "DH" || s == "S" || s == "Z" || s == "SH" || s == "ZH" || s == "HH")
        cls[id] = SoundClass::fricative;
      else if (s == "CH" || s == "JH") cls[id] = SoundClass::affricate;
      else if (s == "M" || s == "N" || s == "NG") cls[id] = SoundClass::nasal;
      else if (s == "L" || s == "R") cls[id] = SoundClass::liquid;
      else if (s == "W" || s == "Y") cls[id] = SoundClass::glide;
      else cls[id] = SoundClass::other;
    }
  }
};
const PhonemeTable& table() {
  static const PhonemeTable t;
  return t;
}

bool voicing_pair(std::string_view a, std::string_view b) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kPairs = {
      {{"P", "B"}, {"T", "D"}, {"K", "G"}, {"F", "V"}, {"S", "Z"}, {"SH", "ZH"}, {"CH", "JH"}, {"TH", "DH"}}};
  for (auto [x, y] : kPairs)
    if ((a == x && b == y) || (a == y && b == x)) return true;
  return false;
}

double phoneme_substitution(std::uint8_t a, std::uint8_t b) {
  if (a == b) return 0;
  const auto& t = table();
  if (a >= lexicon::kPhonemeCount || b >= lexicon::kPhonemeCount) return 1;
  auto sa = t.symbol[a], sb = t.symbol[b];
  if ((sa == "ER" && sb == "R") || (sa == "R" && sb == "ER")) return 0.3;
  if (t.cls[a] == SoundClass::vowel && t.cls[b] == SoundClass::vowel) {
    // The reduced vowels (schwa, short i/u) blur into each other in unstressed syllables.
    auto reduced = [](std::string_view s) { return s == "AH" || s == "IH" || s == "UH" || s == "EH"; };
    return reduced(sa) && reduced(sb) ? 0.35 : 0.5;
  }
  if (voicing_pair(sa, sb)) return 0.4;
  if (t.cls[a] == SoundClass::nasal && t.cls[b] == SoundClass::nasal) return 0.5;
  if (t.cls[a] == t.cls[b] && t.cls[a] != SoundClass::vowel) return 0.8;
  return 1;
}

double phoneme_indel(std::uint8_t p) {
  if (p >= lexicon::kPhonemeCount) return 1;
  auto s = table().symbol[p];
  return s == "AH" || s == "HH" ? 0.5 : 1;  // a schwa or an h comes and goes in speech
}

}  // namespace

int edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= m; ++j) {
      int best = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, prev2[j - 2] + 1);
      cur[j] = best;
    }
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

double spelling_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  // Full table: the two-letter visual edits look back two rows.
  std::vector<double> d((n + 1) * (m + 1));
  auto at = [&](std::size_t i, std::size_t j) -> double& { return d[i * (m + 1) + j]; };
  auto del = [&](std::size_t i) { return i > 1 && a[i - 1] == a[i - 2] ? kDoubledCost : 1.0; };
  auto ins = [&](std::size_t j) { return j > 1 && b[j - 1] == b[j - 2] ? kDoubledCost : 1.0; };
  at(0, 0) = 0;
  for (std::size_t i = 1; i <= n; ++i) at(i, 0) = at(i - 1, 0) + del(i);
  for (std::size_t j = 1; j <= m; ++j) at(0, j) = at(0, j - 1) + ins(j);
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      double best = std::min({at(i - 1, j) + del(i), at(i, j - 1) + ins(j),
                              at(i - 1, j - 1) + substitution_cost(a[i - 1], b[j - 1])});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && a[i - 1] != a[i - 2])
        best = std::min(best, at(i - 2, j - 2) + kSwapCost);
      if (i > 1 && visual_digraph(a[i - 2], a[i - 1], b[j - 1])) best = std::min(best, at(i - 2, j - 1) + kVisualCost);
      if (j > 1 && visual_digraph(b[j - 2], b[j - 1], a[i - 1])) best = std::min(best, at(i - 1, j - 2) + kVisualCost);
      at(i, j) = best;
    }
  }
  return at(n, m);
}

double spelling_similarity(std::string_view a, std::string_view b) {
  std::size_t longer = std::max(a.size(), b.size());
  if (longer == 0) return 0;
  return std::clamp(1.0 - spelling_distance(a, b) / static_cast<double>(longer), 0.0, 1.0);
}

std::string visual_skeleton(std::string_view key) {
  std::string out;
  for (std::size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    char next = i + 1 < key.size() ? key[i + 1] : '\0';
    if ((c == 'r' && next == 'n') || (c == 'n' && next == 'n')) c = 'm', ++i;
    else if (c == 'v' && next == 'v') c = 'w', ++i;
    else if (c == 'c' && next == 'l') c = 'd', ++i;
    else if (c == '0') c = 'o';
    else if (c == '1' || c == 'i') c = 'l';
    else if (c == '5' || c == '$') c = 's';
    if (!out.empty() && out.back() == c) continue;
    out += c;
  }
  return out;
}

double phoneme_distance(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<double> prev(m + 1), cur(m + 1);
  prev[0] = 0;
  for (std::size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + phoneme_indel(b[j - 1]);
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = prev[0] + phoneme_indel(a[i - 1]);
    for (std::size_t j = 1; j <= m; ++j)
      cur[j] = std::min({prev[j] + phoneme_indel(a[i - 1]), cur[j - 1] + phoneme_indel(b[j - 1]),
                         prev[j - 1] + phoneme_substitution(a[i - 1], b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[m];
}

double sound_similarity(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b) {
  std::size_t longer = std::max(a.size(), b.size());
  if (a.empty() || b.empty()) return 0;
  return std::clamp(1.0 - phoneme_distance(a, b) / static_cast<double>(longer), 0.0, 1.0);
}

}  // namespace snai::conflicts
