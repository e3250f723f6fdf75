#include "roots/classical_roots.hpp"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>

#include "roots/internal/roots_table.hpp"

namespace snai::roots {
namespace {

std::vector<std::string_view> split_words(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    auto space = text.find(' ');
    auto word = text.substr(0, space);
    if (!word.empty()) out.push_back(word);
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  return out;
}

struct Table {
  std::vector<ClassicalRoot> roots;
  std::unordered_map<std::string_view, std::vector<const ClassicalRoot*>> by_meaning;
};

// Built once; function-local statics are initialised thread-safely, and the entries' string
// views point into the static rows, so nothing moves afterwards.
const Table& table() {
  static const Table built = [] {
    Table t;
    auto rows = internal::root_rows();
    t.roots.reserve(rows.size());
    for (const auto& row : rows)
      t.roots.push_back({split_words(row.forms), row.language, split_words(row.meanings), split_words(row.examples), row.whole_word});
    for (const auto& root : t.roots)
      for (auto meaning : root.meanings) t.by_meaning[meaning].push_back(&root);
    return t;
  }();
  return built;
}

}  // namespace

std::string_view to_string(ClassicalLanguage language) {
  return language == ClassicalLanguage::greek ? "greek" : "latin";
}

std::span<const ClassicalRoot> classical_roots() { return table().roots; }

std::vector<const ClassicalRoot*> roots_meaning(std::string_view english_word) {
  std::string key(english_word);
  std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto& index = table().by_meaning;
  auto it = index.find(std::string_view(key));
  return it == index.end() ? std::vector<const ClassicalRoot*>{} : it->second;
}

}  // namespace snai::roots
