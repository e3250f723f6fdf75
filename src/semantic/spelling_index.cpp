#include "semantic/spelling_index.hpp"

#include <algorithm>
#include <set>

namespace snai::semantic {
namespace {

bool plain(std::string_view w) {
  return w.size() >= 3 && w.size() <= 20 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Distinct trigrams of "^word$", each packed into 24 bits.
std::vector<std::uint32_t> trigrams(std::string_view word) {
  std::string padded = "^" + std::string(word) + "$";
  std::set<std::uint32_t> out;
  for (std::size_t i = 0; i + 3 <= padded.size(); ++i)
    out.insert((static_cast<std::uint8_t>(padded[i]) << 16) | (static_cast<std::uint8_t>(padded[i + 1]) << 8) |
               static_cast<std::uint8_t>(padded[i + 2]));
  return {out.begin(), out.end()};
}

}  // namespace

SpellingIndex::SpellingIndex(const std::vector<std::string>& words) : trigram_counts_(words.size(), 0) {
  for (std::size_t id = 0; id < words.size(); ++id) {
    if (!plain(words[id])) continue;
    auto grams = trigrams(words[id]);
    trigram_counts_[id] = static_cast<std::uint16_t>(grams.size());
    for (auto g : grams) postings_[g].push_back(static_cast<std::int32_t>(id));
  }
}

std::vector<std::pair<std::int32_t, float>> SpellingIndex::similar(std::string_view word, std::size_t k,
                                                                   float min_similarity) const {
  std::string lower(word);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  auto grams = trigrams(lower);
  // Shared-trigram counts in a per-thread array over all ids, reset through the touched list:
  // far cheaper than a hash map for the long postings of common trigrams ("ly$").
  thread_local std::vector<std::uint16_t> shared;
  thread_local std::vector<std::int32_t> touched;
  if (shared.size() < trigram_counts_.size()) shared.assign(trigram_counts_.size(), 0);
  touched.clear();
  for (auto g : grams)
    if (auto it = postings_.find(g); it != postings_.end())
      for (auto id : it->second)
        if (shared[static_cast<std::size_t>(id)]++ == 0) touched.push_back(id);
  std::vector<std::pair<std::int32_t, float>> out;
  for (auto id : touched) {
    auto n = shared[static_cast<std::size_t>(id)];
    shared[static_cast<std::size_t>(id)] = 0;
    float jaccard = static_cast<float>(n) / static_cast<float>(grams.size() + trigram_counts_[static_cast<std::size_t>(id)] - n);
    if (jaccard >= min_similarity) out.emplace_back(id, jaccard);
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (out.size() > k) out.resize(k);
  return out;
}

}  // namespace snai::semantic
