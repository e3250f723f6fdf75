// A compact, read-only trie over lower-case a-z words with a value per word, walked letter by
// letter: NameScreen uses one to find every dictionary word starting at a position of a name
// and one to find every offensive word in it.
//
//   WordTrie trie({{"pen", 1}, {"penis", 2}});
//   for (auto node = trie.root(); auto c : text) { node = trie.child(node, c); if (!node) break; ... }
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace snai::screening::internal {

class WordTrie {
 public:
  using Node = std::uint32_t;
  static constexpr std::uint32_t kNoValue = 0;

  WordTrie() : WordTrie(std::vector<std::pair<std::string, std::uint32_t>>{}) {}
  // Values must be non-zero; a word given twice keeps its first value.
  explicit WordTrie(std::vector<std::pair<std::string, std::uint32_t>> words);

  Node root() const { return 0; }
  std::optional<Node> child(Node node, char letter) const {
    const auto& n = nodes_[node];
    for (std::uint32_t i = n.first_child, end = n.first_child + n.child_count; i < end; ++i)
      if (nodes_[i].letter == letter) return i;
    return std::nullopt;
  }
  // kNoValue when no word ends at this node.
  std::uint32_t value(Node node) const { return nodes_[node].value; }
  bool contains(std::string_view word) const;
  std::size_t node_count() const { return nodes_.size(); }

 private:
  struct NodeRecord {
    std::uint32_t first_child = 0;
    std::uint32_t value = kNoValue;
    std::uint8_t child_count = 0;
    char letter = 0;
  };
  void build(Node node, const std::vector<std::pair<std::string, std::uint32_t>>& words, std::size_t lo,
             std::size_t hi, std::size_t depth);
  std::vector<NodeRecord> nodes_;
};

}  // namespace snai::screening::internal
