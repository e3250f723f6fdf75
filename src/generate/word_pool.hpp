// The words strategies build names from: the description's concepts, the user's keywords and
// the related words concept expansion found, kept when a name can use them (one word of
// ASCII letters, not a function word, not a proper name), with what the lexicon knows about
// each. Best first.
//
//   WordPool pool = WordPool::build(expansion, request.keywords, lexicon);
//   for (const PoolWord& w : pool.words()) ...   // doctor (1.0, concept), physician, memo ...
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.hpp"
#include "semantic/concept_expander.hpp"

namespace snai::generate {

struct PoolWord {
  std::string word;          // lower-case letters: "physician"
  double weight = 0;         // 0..1 from the expansion (keywords: 1)
  std::string relation;      // "concept", "keyword", "synonym", ...
  lexicon::PosSet pos;       // empty when the lexicon only lists it
  std::uint32_t tag_count = 0;
  bool common = false;       // an everyday word (wamerican)
};

class WordPool {
 public:
  static WordPool build(const semantic::Expansion& expansion, std::span<const std::string> keywords,
                        const lexicon::Lexicon& lexicon);
  static WordPool from(std::vector<PoolWord> words);  // tests

  const std::vector<PoolWord>& words() const { return words_; }
  bool empty() const { return words_.empty(); }
  // Up to `limit` best words that may serve as `pos` (any when nullopt) and are 3..max_letters long.
  std::vector<const PoolWord*> top(std::size_t limit, std::optional<lexicon::Pos> pos = {},
                                   std::size_t max_letters = 12) const;

 private:
  std::vector<PoolWord> words_;
};

}  // namespace snai::generate
