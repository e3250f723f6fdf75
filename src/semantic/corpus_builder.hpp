// The training corpus for the embeddings, written from the lexicon: for every WordNet synset,
// lines that put words next to their synonyms, their broader terms, their topic and the
// content words of their definition and examples — so that words that mean alike share
// contexts (doctor ~ physician ~ medical), rather than words that are spelt alike.
// Frequent senses are repeated so they outweigh rare ones.
//
//   auto stats = snai::semantic::build_corpus(lexicon, "var/data/corpus.txt", progress);
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "core/result.hpp"
#include "lexicon/lexicon.hpp"

namespace snai::semantic {

struct CorpusStats {
  std::int64_t lines = 0;
  std::int64_t tokens = 0;
};

// One line per context, tokens through semantic::tokenize (collocations joined by '_').
Result<CorpusStats> build_corpus(const lexicon::Lexicon& lexicon, const std::filesystem::path& out_file,
                                 const std::function<void(double fraction)>& progress = {});

}  // namespace snai::semantic
