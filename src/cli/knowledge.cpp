#include "cli/knowledge.hpp"

#include <chrono>

#include "cli/artifacts.hpp"
#include "lexicon/lexicon_builder.hpp"

namespace snai::cli {

Result<std::unique_ptr<Knowledge>> load_knowledge(const Config& config) {
  auto started = std::chrono::steady_clock::now();
  auto lexicon = lexicon::Lexicon::open(artifact_path(config, lexicon::kLexiconArtifactName));
  if (!lexicon) return fail(lexicon.error());
  auto embeddings = semantic::Embeddings::load(artifact_path(config, kEmbeddingsArtifactName));
  if (!embeddings) return fail(embeddings.error());
  auto vocabulary = semantic::VectorIndex::load(artifact_path(config, kVocabularyIndexArtifactName));
  if (!vocabulary) return fail(vocabulary.error());
  vocabulary->set_ef_search(config.semantic.index_ef_search);
  auto knowledge = std::make_unique<Knowledge>(
      Knowledge{std::move(*lexicon), std::move(*embeddings), std::move(*vocabulary), 0});
  knowledge->load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return knowledge;
}

}  // namespace snai::cli
