#include "generate/word_pool.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "semantic/stop_words.hpp"

namespace snai::generate {

namespace {

constexpr std::size_t kMinLetters = 2, kMaxLetters = 14;

// Letters only, and at least one vowel: abbreviations ("dds", "md") make no names.
bool usable_spelling(std::string_view word) {
  return word.size() >= kMinLetters && word.size() <= kMaxLetters &&
         std::ranges::all_of(word, [](unsigned char c) { return c >= 'a' && c <= 'z'; }) &&
         std::ranges::any_of(word, [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; });
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

WordPool WordPool::build(const semantic::Expansion& expansion, std::span<const std::string> keywords,
                         const lexicon::Lexicon& lexicon) {
  std::vector<PoolWord> words;
  std::unordered_map<std::string, std::size_t> seen;
  auto add = [&](std::string word, double weight, std::string_view relation) {
    word = lower(word);
    if (!usable_spelling(word) || semantic::is_stop_word(word)) return;
    if (auto it = seen.find(word); it != seen.end()) {
      words[it->second].weight = std::max(words[it->second].weight, weight);
      return;
    }
    PoolWord w{.word = word, .weight = weight, .relation = std::string(relation)};
    if (auto info = lexicon.lookup(word)) {
      if (info->capitalized) return;  // proper names (Paris, Aaron) make poor generic roots
      w.pos = info->parts_of_speech;
      w.tag_count = info->tag_count;
      w.common = info->common;
    }
    seen.emplace(word, words.size());
    words.push_back(std::move(w));
  };
  for (const auto& k : keywords) add(k, 1.0, "keyword");
  for (const auto& c : expansion.concepts) {
    if (c.lemma.find(' ') == std::string::npos) add(c.lemma, c.weight, "concept");
    if (c.word != c.lemma && c.word.find(' ') == std::string::npos) add(c.word, c.weight * 0.8, "concept");
  }
  for (const auto& r : expansion.related) add(r.word, r.weight, r.relation);
  std::ranges::stable_sort(words, [](const PoolWord& a, const PoolWord& b) { return a.weight > b.weight; });
  return from(std::move(words));
}

WordPool WordPool::from(std::vector<PoolWord> words) {
  WordPool pool;
  pool.words_ = std::move(words);
  return pool;
}

std::vector<const PoolWord*> WordPool::top(std::size_t limit, std::optional<lexicon::Pos> pos,
                                           std::size_t max_letters) const {
  std::vector<const PoolWord*> out;
  for (const auto& w : words_) {
    if (out.size() >= limit) break;
    if (w.word.size() < 3 || w.word.size() > max_letters) continue;
    if (pos && !w.pos.empty() && !w.pos.contains(*pos)) continue;
    out.push_back(&w);
  }
  return out;
}

}  // namespace snai::generate
