#include "naming/knowledge.hpp"

#include <chrono>
#include <ctime>
#include <future>

#include "brands/brand_import.hpp"
#include "core/file_io.hpp"
#include "lexicon/lexicon_builder.hpp"
#include "naming/artifacts.hpp"
#include "naming/screen_words_file.hpp"
#include "semantic/gloss_index.hpp"

namespace snai::naming {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

// Runs `step` and adds the CPU time it took to `total` (each total is touched by one thread
// only). CPU time, not wall time: steps run side by side and share the cores.
template <class F>
auto timed(double& total, F&& step) {
  double start = thread_cpu_ms();
  auto result = step();
  total += thread_cpu_ms() - start;
  return result;
}

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



// Optional parts: a data dir built before they existed still serves, with less.
template <class T>
Status keep_optional(Result<T> loaded, std::optional<T>& into) {
  if (loaded) {
    into = std::move(*loaded);
    return ok();
  }
  return loaded.error().code == ErrorCode::not_found ? ok() : fail(loaded.error());
}

// The taste scorer's parts, each optional: a data dir built before them scores with the quality model alone.
Status load_taste(const Config& config, Knowledge& knowledge) {
  if (auto status = keep_optional(score::RealismModel::load(artifact_path(config, kRealismModelArtifactName)), knowledge.realism);
      !status)
    return status;
  if (auto status = keep_optional(score::ScoreCalibration::load(artifact_path(config, kCalibrationArtifactName)),
                                  knowledge.calibration);
      !status)
    return status;
  if (!knowledge.realism) knowledge.calibration.reset();  // the scale belongs to the realism model it was made with
  auto known = read_file(artifact_path(config, kKnownCompaniesArtifactName));
  if (!known) return known.error().code == ErrorCode::not_found ? ok() : fail(known.error());
  std::string_view rest(*known);
  while (!rest.empty()) {
    auto end = rest.find('\n');
    if (auto line = rest.substr(0, end); !line.empty()) knowledge.known_companies.emplace(line);
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
  }
  return ok();
}

// What does not need the lexicon: the embeddings, the HNSW index, the character model and the
// distributional vectors.
struct Vectors {
  semantic::Embeddings embeddings;
  semantic::VectorIndex vocabulary;
  std::optional<charlm::CharModel> char_model;
  std::optional<semantic::DistributionalVectors> distributional;
  std::optional<charlm::CharModel> name_char_model;
};

Result<Vectors> load_vectors(const Config& config) {
  auto embeddings = semantic::Embeddings::load(artifact_path(config, kEmbeddingsArtifactName));
  if (!embeddings) return fail(embeddings.error());
  auto vocabulary = semantic::VectorIndex::load(artifact_path(config, kVocabularyIndexArtifactName));
  if (!vocabulary) return fail(vocabulary.error());
  vocabulary->set_ef_search(config.semantic.index_ef_search);
  Vectors out{std::move(*embeddings), std::move(*vocabulary), std::nullopt, std::nullopt, std::nullopt};
  if (auto status = keep_optional(charlm::CharModel::load(artifact_path(config, kNameCharModelArtifactName)),
                                  out.name_char_model);
      !status)
    return fail(status.error());
  if (auto status = keep_optional(charlm::CharModel::load(artifact_path(config, kCharModelArtifactName)), out.char_model);
      !status)
    return fail(status.error());
  if (auto status = keep_optional(semantic::DistributionalVectors::load(
                                      artifact_path(config, semantic::kDistributionalArtifactName)),
                                  out.distributional);
      !status)
    return fail(status.error());
  return out;
}

}  // namespace

// Start-up is most of a second of independent work (mapping and checking artifacts, the HNSW
// graph, the name screen, the conflict and gloss indexes): it runs on three threads, in two
// waves, so `serve` and `generate` start in about half the time on two cores or more. Every
// step is const on what it reads (the lexicon's queries are thread-safe).
Result<std::unique_ptr<Knowledge>> load_knowledge(const Config& config) {
  const auto started = Clock::now();
  double load_ms = 0, derive_ms = 0, vectors_ms = 0, gloss_ms = 0, conflicts_ms = 0;

  // Wave 1: the embeddings, the HNSW index and the character model on one thread; the lexicon,
  // the name screen built from it and the brands on this one.
  auto vectors = std::async(std::launch::async, [&] { return timed(vectors_ms, [&] { return load_vectors(config); }); });
  auto lexicon = timed(load_ms, [&] { return lexicon::Lexicon::open(artifact_path(config, lexicon::kLexiconArtifactName)); });
  if (!lexicon) return fail(lexicon.error());
  auto screen_lists = timed(load_ms, [&] { return load_screen_words(artifact_path(config, kScreenWordsArtifactName), *lexicon); });
  if (!screen_lists && screen_lists.error().code == ErrorCode::data_corrupt) return fail(screen_lists.error());
  // Without the saved lists (a data dir built before them, or stale ones) they are derived here.
  auto screen = timed(derive_ms, [&] {
    return screen_lists ? screening::NameScreen::from_lists(*screen_lists) : screening::NameScreen::build(*lexicon);
  });
  std::optional<brands::BrandRegistry> brands;
  Status optional = timed(load_ms, [&] {
    return keep_optional(brands::load_brands_with_user(artifact_path(config, kBrandsArtifactName),
                                                       artifact_path(config, brands::kUserBrandsArtifactName)),
                         brands);
  });
  auto loaded_vectors = vectors.get();
  load_ms += vectors_ms;
  if (!optional) return fail(optional.error());
  if (!loaded_vectors) return fail(loaded_vectors.error());
  auto knowledge = std::make_unique<Knowledge>(std::move(*lexicon), std::move(loaded_vectors->embeddings),
                                               std::move(loaded_vectors->vocabulary), std::move(screen),
                                               std::move(loaded_vectors->distributional));
  knowledge->brands = std::move(brands);
  knowledge->char_model = std::move(loaded_vectors->char_model);
  knowledge->name_char_model = std::move(loaded_vectors->name_char_model);

  // Wave 2, on the knowledge in place (the pronouncer and the gloss index key on its address).
  // Built here rather than on the first request, whose time budget it would eat (about 0.2 s).
  auto gloss = std::async(std::launch::async, [&] {
    timed(gloss_ms, [&] { return &semantic::GlossIndex::of(knowledge->lexicon); });
  });
  auto conflicts = std::async(std::launch::async, [&]() -> Status {
    if (!knowledge->brands) return ok();
    // One index for /v1/conflicts and the generator's screen (which asks it without meaning).
    auto index = timed(conflicts_ms, [&] {
      return conflicts::ConflictIndex::build(*knowledge->brands,
                                             {.pronouncer = &knowledge->pronouncer, .embeddings = &knowledge->embeddings});
    });
    if (!index) return fail(index.error());
    knowledge->brand_index = std::move(*index);
    return ok();
  });
  Status quality = timed(load_ms, [&] {
    auto loaded = load_quality_model(config, *knowledge);
    return loaded ? load_taste(config, *knowledge) : loaded;
  });
  gloss.get();
  Status brand_index = conflicts.get();
  if (!quality) return fail(quality.error());
  if (!brand_index) return fail(brand_index.error());

  // Start-up read every page of the lexicon (checks, indexes, glosses); requests read a few.
  // Without this the whole artifact (36 MB) would stay counted as this process's memory.
  knowledge->lexicon.release_pages();
  // Invented names sample from the character model through an index of each context's symbols
  // (~11 MB, ~25 ms): built last, in memory the start-up's scratch left free, so that it adds
  // nothing to the start-up's peak.
  if (knowledge->char_model) timed(derive_ms, [&] { knowledge->char_model->prepare_sampling(); return true; });
  if (knowledge->name_char_model) timed(derive_ms, [&] { knowledge->name_char_model->prepare_sampling(); return true; });
  knowledge->load_ms = load_ms;
  knowledge->derive_ms = derive_ms + gloss_ms + conflicts_ms;
  knowledge->ready_ms = ms_since(started);
  return knowledge;
}

}  // namespace snai::naming
