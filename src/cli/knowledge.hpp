// The word knowledge that naming runs on, opened from the artifacts `snai data build` wrote:
// the lexicon (memory-mapped), the embeddings and the HNSW index over their vocabulary.
// Opening is timed, so start-up cost stays visible (`snai expand --json` reports it).
#pragma once

#include <memory>

#include "core/config.hpp"
#include "core/result.hpp"
#include "lexicon/lexicon.hpp"
#include "semantic/concept_expander.hpp"
#include "semantic/embeddings.hpp"
#include "semantic/vector_index.hpp"

namespace snai::cli {

struct Knowledge {
  lexicon::Lexicon lexicon;
  semantic::Embeddings embeddings;
  semantic::VectorIndex vocabulary;
  double load_ms = 0;

  semantic::ConceptExpander expander() const { return {lexicon, embeddings, &vocabulary}; }
};

// not_found / data_corrupt errors say to run `snai data build` (or with --force).
Result<std::unique_ptr<Knowledge>> load_knowledge(const Config& config);

}  // namespace snai::cli
