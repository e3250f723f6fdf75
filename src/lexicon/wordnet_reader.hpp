// Parsers for WordNet 3.0's database files (wndb(5WN)) as Debian's wordnet-base installs
// them: data.<pos> (synsets), index.<pos> (lemmas → senses), <pos>.exc (morphology
// exceptions) and cntlist.rev (sense tag counts). Used by the lexicon builder only.
//
//   auto wordnet = snai::lexicon::read_wordnet("/usr/share/wordnet");
//   for (const auto& synset : wordnet->synsets[0]) ...   // nouns, in data.noun order
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "lexicon/pos.hpp"
#include "lexicon/relation.hpp"

namespace snai::lexicon {

inline constexpr std::string_view kWordnetPackage = "wordnet-base";

struct WordnetPointer {
  Relation relation = Relation::hypernym;
  std::uint32_t target_offset = 0;
  Pos target_pos = Pos::noun;
  std::uint8_t source_word = 0;  // 0: the whole synset (a semantic pointer)
  std::uint8_t target_word = 0;
};

struct WordnetSynset {
  std::uint32_t offset = 0;
  std::uint8_t lex_filenum = 0;
  Pos pos = Pos::noun;
  bool satellite = false;
  std::vector<std::string> words;  // as spelt in WordNet, '_' kept, adjective markers "(p)" removed
  std::vector<WordnetPointer> pointers;
  std::string definition;
  std::vector<std::string> examples;
};

struct WordnetIndexEntry {
  std::string lemma;  // lower-case, '_' for spaces
  Pos pos = Pos::noun;
  std::vector<std::uint32_t> offsets;  // synsets, in sense order
};

struct WordnetException {
  std::string inflected;
  std::string base;
  Pos pos = Pos::noun;
};

struct WordnetData {
  std::array<std::vector<WordnetSynset>, 4> synsets;  // by Pos
  std::vector<WordnetIndexEntry> index;
  std::vector<WordnetException> exceptions;
  // "lemma%<pos letter><sense number>" → tag count, from cntlist.rev
  std::unordered_map<std::string, std::uint32_t> tag_counts;

  std::uint32_t tag_count(std::string_view lemma, Pos pos, std::size_t sense_number) const;
};

// One line of data.<pos> (not a licence line). Errors are plain messages for the caller to place.
Result<WordnetSynset> parse_wordnet_data_line(std::string_view line);
Result<WordnetIndexEntry> parse_wordnet_index_line(std::string_view line);
// Gloss → (definition, examples): the "; "-separated parts in double quotes are examples.
std::pair<std::string, std::vector<std::string>> split_gloss(std::string_view gloss);

// Reads every file; `progress(fraction)` is called as files finish.
Result<WordnetData> read_wordnet(const std::filesystem::path& dir,
                                 const std::function<void(double)>& progress = {});

}  // namespace snai::lexicon
