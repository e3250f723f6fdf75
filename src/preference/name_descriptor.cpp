#include "preference/name_descriptor.hpp"

#include <cctype>
#include <cmath>
#include <cstdint>

namespace snai::preference {
namespace {

bool is_vowel(char c) {
  switch (std::tolower(static_cast<unsigned char>(c))) {
    case 'a': case 'e': case 'i': case 'o': case 'u': return true;
    default: return false;
  }
}

// FNV-1a: stable across builds and platforms, so a saved model keeps meaning the same buckets.
std::uint64_t fnv1a(std::string_view text, std::uint64_t seed) {
  std::uint64_t h = 1469598103934665603ull ^ seed;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string clean_part(std::string_view part) {
  std::string out;
  for (char c : part) {
    if (c == '(') break;  // "lumin(light)": the gloss is not part of the name
    if (std::isalnum(static_cast<unsigned char>(c))) out += char(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string letters_of(std::string_view name) {
  std::string out;
  for (char c : name)
    if (std::isalpha(static_cast<unsigned char>(c))) out += char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::vector<std::string> name_words(const NameInfo& name) {
  std::vector<std::string> words;
  if (!name.parts.empty()) {
    for (const auto& p : name.parts)
      if (auto w = clean_part(p); !w.empty()) words.push_back(std::move(w));
    if (!words.empty()) return words;
  }
  std::string current;
  auto flush = [&] {
    if (!current.empty()) words.push_back(std::move(current));
    current.clear();
  };
  char previous = 0;
  for (char c : name.name) {
    auto u = static_cast<unsigned char>(c);
    if (!std::isalnum(u)) {
      flush();
    } else {
      if (std::isupper(u) && std::islower(static_cast<unsigned char>(previous))) flush();
      current += char(std::tolower(u));
    }
    previous = c;
  }
  flush();
  return words;
}

Descriptor NameDescriber::describe(const NameInfo& name) const {
  Descriptor d{};
  auto quality = features_.compute(name.name, name.sounds_like);
  for (std::size_t i = 0; i < kQualityDims; ++i) d[i] = std::isfinite(quality.values[i]) ? quality.values[i] : 0.0f;
  d[kStyleOffset + static_cast<std::size_t>(name.style)] = 1;

  auto letters = letters_of(name.name);
  auto words = name_words(name);
  if (!letters.empty()) {
    d[kShapeOffset + 0] = is_vowel(letters.back()) ? 1 : 0;
    d[kShapeOffset + 1] = is_vowel(letters.front()) ? 1 : 0;
    d[kShapeOffset + 3] = letters.back() == 'y' ? 1 : 0;
  }
  d[kShapeOffset + 2] = float(words.size());

  // Bucket values are 1/sqrt(count) so a long name does not outweigh a short one.
  if (!words.empty()) {
    float w = 1.0f / std::sqrt(float(words.size()));
    for (const auto& word : words) d[kDenseDims + fnv1a(word, 0) % kPartBuckets] += w;
  }
  std::string padded = "^" + letters + "$";
  if (padded.size() >= 3) {
    std::size_t n = padded.size() - 2;
    float w = 1.0f / std::sqrt(float(n));
    for (std::size_t i = 0; i < n; ++i)
      d[kDenseDims + kPartBuckets + fnv1a(std::string_view(padded).substr(i, 3), 0x9e3779b97f4a7c15ull) % kTrigramBuckets] += w;
  }
  return d;
}

}  // namespace snai::preference
