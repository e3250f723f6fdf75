#include "lexicon/phoneme.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "lexicon/internal/phoneme_codec.hpp"

namespace snai::lexicon {
namespace {

// Vowels first, so `id < kVowelCount` tells a vowel.
constexpr std::array<std::string_view, kPhonemeCount> kSymbols = {
    "AA", "AE", "AH", "AO", "AW", "AY", "EH", "ER", "EY", "IH", "IY", "OW", "OY", "UH", "UW",  // 15 vowels
    "B",  "CH", "D",  "DH", "F",  "G",  "HH", "JH", "K",  "L",  "M",  "N",  "NG", "P",  "R",
    "S",  "SH", "T",  "TH", "V",  "W",  "Y",  "Z",  "ZH"};
constexpr std::uint8_t kVowelCount = 15;

std::optional<std::uint8_t> symbol_id(std::string_view upper) {
  for (std::size_t i = 0; i < kSymbols.size(); ++i)
    if (kSymbols[i] == upper) return static_cast<std::uint8_t>(i);
  return std::nullopt;
}

// Two- and three-consonant onsets English allows inside a word (by ARPAbet symbol pairs).
bool legal_onset(std::span<const Phoneme> cluster) {
  if (cluster.size() <= 1) return true;
  auto s = [&](std::size_t i) { return cluster[i].symbol(); };
  if (cluster.size() == 2) {
    static constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
        {"P", "R"}, {"B", "R"}, {"T", "R"}, {"D", "R"}, {"K", "R"}, {"G", "R"}, {"F", "R"}, {"TH", "R"},
        {"SH", "R"}, {"P", "L"}, {"B", "L"}, {"K", "L"}, {"G", "L"}, {"F", "L"}, {"S", "L"}, {"S", "T"},
        {"S", "P"}, {"S", "K"}, {"S", "M"}, {"S", "N"}, {"S", "W"}, {"T", "W"}, {"K", "W"}, {"D", "W"},
        {"P", "Y"}, {"B", "Y"}, {"K", "Y"}, {"F", "Y"}, {"M", "Y"}, {"HH", "Y"}, {"V", "Y"}};
    for (const auto& [a, b] : kPairs)
      if (s(0) == a && s(1) == b) return true;
    return false;
  }
  if (cluster.size() == 3 && s(0) == "S") {
    std::span<const Phoneme> rest = cluster.subspan(1);
    return (s(1) == "T" || s(1) == "P" || s(1) == "K") && legal_onset(rest);
  }
  return false;
}

}  // namespace

std::string_view Phoneme::symbol() const { return id < kSymbols.size() ? kSymbols[id] : "?"; }
bool Phoneme::is_vowel() const { return id < kVowelCount; }

std::string Phoneme::text() const {
  std::string out(symbol());
  if (is_vowel() && stress >= 0) out += static_cast<char>('0' + stress);
  return out;
}

std::optional<Phoneme> parse_phoneme(std::string_view symbol, int stress) {
  std::string upper;
  for (char c : symbol) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!upper.empty() && upper.back() >= '0' && upper.back() <= '2') {
    stress = upper.back() - '0';
    upper.pop_back();
  }
  if (upper == "AX") upper = "AH";  // Festival's schwa
  auto id = symbol_id(upper);
  if (!id) return std::nullopt;
  Phoneme p{*id, -1};
  if (p.is_vowel()) p.stress = static_cast<std::int8_t>(std::clamp(stress, 0, 2));
  return p;
}

std::optional<std::vector<Phoneme>> parse_arpabet(std::string_view text) {
  std::vector<Phoneme> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    if (j > i) {
      auto p = parse_phoneme(text.substr(i, j - i));
      if (!p) return std::nullopt;
      out.push_back(*p);
    }
    i = j;
  }
  return out;
}

std::string to_arpabet(std::span<const Phoneme> phonemes) {
  std::string out;
  for (const auto& p : phonemes) {
    if (!out.empty()) out += ' ';
    out += p.text();
  }
  return out;
}

int count_syllables(std::span<const Phoneme> phonemes) {
  return static_cast<int>(std::count_if(phonemes.begin(), phonemes.end(), [](const Phoneme& p) { return p.is_vowel(); }));
}

std::vector<std::uint8_t> syllabify_phonemes(std::span<const Phoneme> phonemes) {
  std::vector<std::size_t> vowels;
  for (std::size_t i = 0; i < phonemes.size(); ++i)
    if (phonemes[i].is_vowel()) vowels.push_back(i);
  std::vector<std::uint8_t> starts{0};
  for (std::size_t v = 1; v < vowels.size(); ++v) {
    std::size_t lo = vowels[v - 1] + 1, hi = vowels[v];  // consonants between: [lo, hi)
    std::size_t start = hi;
    while (start > lo && legal_onset(phonemes.subspan(start - 1, hi - start + 1))) --start;
    starts.push_back(static_cast<std::uint8_t>(std::min<std::size_t>(start, 255)));
  }
  return starts;
}

std::span<const Phoneme> rhyme_part(std::span<const Phoneme> phonemes) {
  std::size_t last_vowel = phonemes.size(), last_stressed = phonemes.size();
  for (std::size_t i = 0; i < phonemes.size(); ++i) {
    if (!phonemes[i].is_vowel()) continue;
    last_vowel = i;
    if (phonemes[i].stress > 0) last_stressed = i;
  }
  std::size_t from = last_stressed != phonemes.size() ? last_stressed : last_vowel;
  if (from == phonemes.size()) return phonemes;  // no vowel at all: the whole thing
  return phonemes.subspan(from);
}

namespace internal {

std::string encode_phonemes(const SyllabifiedPhonemes& pron) {
  std::string out;
  std::size_t next = 1;
  for (std::size_t i = 0; i < pron.phonemes.size(); ++i) {
    if (next < pron.syllable_starts.size() && pron.syllable_starts[next] == i) {
      out += static_cast<char>(kSyllableBreak);
      ++next;
    }
    const auto& p = pron.phonemes[i];
    auto stress = p.is_vowel() ? static_cast<unsigned>(std::max<int>(p.stress, 0)) : 0u;
    out += static_cast<char>(p.id | (stress << 6));
  }
  return out;
}

bool decode_phonemes(std::string_view bytes, SyllabifiedPhonemes& out) {
  out.phonemes.clear();
  out.syllable_starts.assign(1, 0);
  for (char c : bytes) {
    auto b = static_cast<std::uint8_t>(c);
    if (b == kSyllableBreak) {
      out.syllable_starts.push_back(static_cast<std::uint8_t>(out.phonemes.size()));
      continue;
    }
    Phoneme p{static_cast<std::uint8_t>(b & 0x3F), -1};
    if (p.id >= kPhonemeCount) return false;
    if (p.is_vowel()) p.stress = static_cast<std::int8_t>(b >> 6);
    out.phonemes.push_back(p);
  }
  return true;
}

int compare_rhyme_parts(std::span<const Phoneme> a, std::span<const Phoneme> b) {
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i)
    if (a[i].id != b[i].id) return a[i].id < b[i].id ? -1 : 1;
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

}  // namespace internal
}  // namespace snai::lexicon
