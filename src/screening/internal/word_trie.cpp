#include "screening/internal/word_trie.hpp"

#include <algorithm>

namespace snai::screening::internal {

WordTrie::WordTrie(std::vector<std::pair<std::string, std::uint32_t>> words) {
  std::stable_sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  words.erase(std::unique(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
              words.end());
  nodes_.reserve(words.size() * 3 + 1);
  nodes_.push_back({});
  build(0, words, 0, words.size(), 0);
  nodes_.shrink_to_fit();
}

// Words are sorted, so each node's subtree is a contiguous range and its children can be laid
// out next to each other before recursing: child() is then a scan of at most 26 records.
void WordTrie::build(Node node, const std::vector<std::pair<std::string, std::uint32_t>>& words, std::size_t lo,
                     std::size_t hi, std::size_t depth) {
  if (lo < hi && words[lo].first.size() == depth) nodes_[node].value = words[lo++].second;
  std::vector<std::pair<std::size_t, std::size_t>> groups;
  for (std::size_t i = lo; i < hi;) {
    std::size_t j = i + 1;
    while (j < hi && words[j].first[depth] == words[i].first[depth]) ++j;
    groups.emplace_back(i, j);
    i = j;
  }
  auto first = static_cast<std::uint32_t>(nodes_.size());
  nodes_[node].first_child = first;
  nodes_[node].child_count = static_cast<std::uint8_t>(groups.size());
  for (const auto& [from, to] : groups) nodes_.push_back({.letter = words[from].first[depth]});
  for (std::size_t k = 0; k < groups.size(); ++k) build(first + static_cast<Node>(k), words, groups[k].first, groups[k].second, depth + 1);
}

bool WordTrie::contains(std::string_view word) const {
  Node node = root();
  for (char c : word) {
    auto next = child(node, c);
    if (!next) return false;
    node = *next;
  }
  return value(node) != kNoValue;
}

}  // namespace snai::screening::internal
