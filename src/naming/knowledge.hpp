// The word knowledge naming runs on, opened from the artifacts `snai data build` wrote: the
// lexicon (memory-mapped), the embeddings and the HNSW index over their vocabulary, the brand
// registry and the character model; and the name screen, from the word lists saved beside the
// lexicon (screen_words_file.hpp) or else derived from it. Opening runs on a few threads and is
// timed, so start-up cost stays visible.
//
//   auto knowledge = snai::naming::load_knowledge(config);   // not_found → "run `snai data build`"
//   Namer namer(**knowledge);
#pragma once

#include <memory>
#include <optional>
#include <unordered_set>

#include "brands/brand_registry.hpp"
#include "charlm/char_model.hpp"
#include "conflicts/conflict_index.hpp"
#include "core/config.hpp"
#include "core/text.hpp"
#include "core/result.hpp"
#include "lexicon/lexicon.hpp"
#include "lexicon/pronunciation.hpp"
#include "score/name_scorer.hpp"
#include "score/quality_model.hpp"
#include "score/quality_resources.hpp"
#include "screening/name_screen.hpp"
#include "semantic/concept_expander.hpp"
#include "semantic/distributional.hpp"
#include "semantic/embeddings.hpp"
#include "semantic/vector_index.hpp"

namespace snai::naming {

// Not movable: the pronouncer and the expander point at the lexicon and embeddings.
struct Knowledge {
  // `screen` is NameScreen::build(lexicon), built beforehand (it keeps no reference to the lexicon)
  // so that load_knowledge can build it while other artifacts load.
  // `distributional` (GloVe vectors for concept expansion) may be absent: older data dirs.
  Knowledge(lexicon::Lexicon lexicon, semantic::Embeddings embeddings, semantic::VectorIndex vocabulary,
            screening::NameScreen screen, std::optional<semantic::DistributionalVectors> distributional = {})
      : lexicon(std::move(lexicon)),
        embeddings(std::move(embeddings)),
        vocabulary(std::move(vocabulary)),
        distributional(std::move(distributional)),
        pronouncer(this->lexicon),
        expander(this->lexicon, this->embeddings, &this->vocabulary,
                 this->distributional ? &*this->distributional : nullptr),
        screen(std::move(screen)) {}
  Knowledge(const Knowledge&) = delete;
  Knowledge& operator=(const Knowledge&) = delete;

  lexicon::Lexicon lexicon;
  semantic::Embeddings embeddings;
  semantic::VectorIndex vocabulary;
  std::optional<semantic::DistributionalVectors> distributional;
  lexicon::Pronouncer pronouncer;
  semantic::ConceptExpander expander;
  screening::NameScreen screen;                    // offensive words and unfortunate splits
  std::optional<brands::BrandRegistry> brands;     // absent: no brand filter (artifact missing)
  std::optional<charlm::CharModel> char_model;     // absent: no invented names
  // The brand-conflict index (spelling, Double Metaphone, phonemes and meaning): /v1/conflicts
  // asks it, and it screens generated names, asked without meaning (which alone is never a
  // high risk). Absent without brands.
  std::optional<conflicts::ConflictIndex> brand_index;
  // The trained quality model and what its features read (absent: the interim scorer decides).
  std::unique_ptr<score::QualityResources> quality_resources;
  std::optional<score::QualityModel> quality;
  // Realism (looks like a name founders chose) and the percentile scale of real startup names:
  // with the quality model they make the taste scorer (score/name_scorer.hpp).
  std::optional<score::RealismModel> realism;
  std::optional<score::ScoreCalibration> calibration;
  // The spelling of real brand and startup names, which invented names are sampled from
  // (absent: they come from `char_model`, English words and brands).
  std::optional<charlm::CharModel> name_char_model;
  // Existing companies' names, folded (real_names.hpp's fold): the generator never offers one as a
  // new name. Empty when the artifact is missing.
  std::unordered_set<std::string, StringHash, std::equal_to<>> known_companies;
  // The taste scorer when its parts are loaded, else the quality model, else the interim scorer.
  score::NameScorer scorer() const {
    return score::NameScorer({.char_model = char_model ? &*char_model : nullptr,
                              .lexicon = &lexicon,
                              .quality = quality ? &*quality : nullptr,
                              .realism = realism ? &*realism : nullptr,
                              .calibration = calibration ? &*calibration : nullptr});
  }
  // load_knowledge runs its steps on several threads: load_ms and derive_ms add up the CPU time
  // of its steps (the work, whatever the cores), ready_ms is the wall time start-up waits for.
  double load_ms = 0;    // reading the artifacts (memory-mapped or one read each)
  // Building what is derived from them at start-up (name screen, conflict index, gloss index);
  // these should become artifacts of `snai data build` too.
  double derive_ms = 0;
  double ready_ms = 0;

};

// The lexicon, embeddings and index are required (not_found / data_corrupt errors say to run
// `snai data build`); the brands, the character model and the quality model are loaded when present.
Result<std::unique_ptr<Knowledge>> load_knowledge(const Config& config);

}  // namespace snai::naming
