// The name generator: a description in, candidate names of every requested style out — each
// admitted only when it meets the request's constraints, is not an existing brand verbatim,
// is not offensive and is not a repeat. Ranking is the quality model's job (naming/).
//
//   Generator generator({.lexicon = lex, .pronouncer = pron, .expander = exp, .brands = &brands});
//   auto generation = generator.generate(request, 400, deadline);
//   for (const Candidate& c : generation->candidates) ...   // NoteScribe (compound), Notely (affix) ...
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "brands/brand_registry.hpp"
#include "core/result.hpp"
#include "generate/candidate.hpp"
#include "generate/request.hpp"
#include "generate/strategy.hpp"
#include "lexicon/lexicon.hpp"
#include "lexicon/pronunciation.hpp"
#include "semantic/concept_expander.hpp"

namespace snai::generate {

struct GeneratorParts {
  const lexicon::Lexicon& lexicon;
  const lexicon::Pronouncer& pronouncer;
  const semantic::ConceptExpander& expander;
  const brands::BrandRegistry* brands = nullptr;        // null: no brand filter
  const charlm::CharModel* char_model = nullptr;        // null: no invented names
  std::function<bool(std::string_view name)> blocked;   // offensive or unfortunate: never output
};

struct Generation {
  semantic::Expansion expansion;
  std::vector<Candidate> candidates;  // strategy order, each strategy best-first
  std::vector<std::string> notes;     // why a style or the whole request came up short
  bool cut_short = false;             // the time budget ran out: another run may find more
  std::size_t offered = 0;            // candidates the strategies proposed before filtering
};

class Generator {
 public:
  explicit Generator(GeneratorParts parts);

  // `candidates` is the total to aim for across the requested styles. invalid_argument for a
  // request validate() rejects or a description with no usable words. The deadline bounds the
  // work: strategies stop where they are when it passes (a note says so).
  Result<Generation> generate(const GenerateRequest& request, std::size_t candidates, Deadline deadline) const;

 private:
  GeneratorParts parts_;
  std::vector<std::unique_ptr<Strategy>> strategies_;
};

}  // namespace snai::generate
