#include "naming/knowledge.hpp"

#include <chrono>

#include "brands/brand_import.hpp"
#include "lexicon/lexicon_builder.hpp"
#include "naming/artifacts.hpp"
#include "semantic/gloss_index.hpp"

namespace snai::naming {

namespace {

// Adds the time since the last lap to one of two totals: reading artifacts, or building the
// in-memory structures derived from them (the name screen, the conflict index, the gloss index).
class Laps {
 public:
  void to(double& total) {
    auto now = std::chrono::steady_clock::now();
    total += std::chrono::duration<double, std::milli>(now - last_).count();
    last_ = now;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// The quality model needs the brand registry its features compare against; without brands, or
// without the model's artifacts (a data dir built before it existed), the interim scorer serves.
Status load_quality_model(const Config& config, Knowledge& knowledge) {
  if (!knowledge.brands) return ok();
  auto resources = score::QualityResources::load(artifact_path(config, kQualityCharModelArtifactName),
                                                 artifact_path(config, kQualityWordsArtifactName), knowledge.lexicon,
                                                 *knowledge.brands, &knowledge.screen);
  if (!resources) return resources.error().code == ErrorCode::not_found ? ok() : fail(resources.error());
  auto model = score::QualityModel::load(artifact_path(config, kQualityModelArtifactName), (*resources)->context());
  if (!model) return model.error().code == ErrorCode::not_found ? ok() : fail(model.error());
  knowledge.quality_resources = std::move(*resources);
  knowledge.quality = std::move(*model);
  return ok();
}

}  // namespace

Result<std::unique_ptr<Knowledge>> load_knowledge(const Config& config) {
  Laps laps;
  double load_ms = 0, derive_ms = 0;
  auto lexicon = lexicon::Lexicon::open(artifact_path(config, lexicon::kLexiconArtifactName));
  if (!lexicon) return fail(lexicon.error());
  auto embeddings = semantic::Embeddings::load(artifact_path(config, kEmbeddingsArtifactName));
  if (!embeddings) return fail(embeddings.error());
  auto vocabulary = semantic::VectorIndex::load(artifact_path(config, kVocabularyIndexArtifactName));
  if (!vocabulary) return fail(vocabulary.error());
  vocabulary->set_ef_search(config.semantic.index_ef_search);
  laps.to(load_ms);
  auto knowledge = std::make_unique<Knowledge>(std::move(*lexicon), std::move(*embeddings), std::move(*vocabulary));
  laps.to(derive_ms);  // the constructor builds the name screen from the lexicon

  // Optional parts: a data dir built before they existed still serves, with less.
  if (auto brands = brands::load_brands_with_user(artifact_path(config, kBrandsArtifactName),
                                                  artifact_path(config, brands::kUserBrandsArtifactName)))
    knowledge->brands = std::move(*brands);
  else if (brands.error().code != ErrorCode::not_found)
    return fail(brands.error());
  if (auto model = charlm::CharModel::load(artifact_path(config, kCharModelArtifactName)))
    knowledge->char_model = std::move(*model);
  else if (model.error().code != ErrorCode::not_found)
    return fail(model.error());
  laps.to(load_ms);

  if (knowledge->brands) {
    // Spelling, Double Metaphone and phonemes (the same "high" judgement /v1/conflicts gives),
    // without meaning, which never makes a match high on its own.
    auto screen = conflicts::ConflictIndex::build(*knowledge->brands, {.pronouncer = &knowledge->pronouncer},
                                                  {.meaning_candidates = 0});
    if (!screen) return fail(screen.error());
    knowledge->brand_screen = std::move(*screen);
  }
  laps.to(derive_ms);
  if (auto quality = load_quality_model(config, *knowledge); !quality) return fail(quality.error());
  laps.to(load_ms);
  // Built here rather than on the first request, whose time budget it would eat (about 0.4 s).
  (void)semantic::GlossIndex::of(knowledge->lexicon);
  laps.to(derive_ms);

  knowledge->load_ms = load_ms;
  knowledge->derive_ms = derive_ms;
  return knowledge;
}

}  // namespace snai::naming
