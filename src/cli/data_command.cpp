// snai data build: turns installed data packages into artifacts under <data_dir>/data/
// through the stages of a DataPipeline (skipped when their inputs are unchanged).
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

#include "brands/brand_registry.hpp"
#include "charlm/char_model.hpp"
#include "charlm/training_words.hpp"
#include "naming/artifacts.hpp"
#include "cli/command.hpp"
#include "core/data_pipeline.hpp"
#include "lexicon/lexicon.hpp"
#include "lexicon/lexicon_builder.hpp"
#include "semantic/corpus_builder.hpp"
#include "semantic/embeddings.hpp"

namespace snai::cli {

using naming::artifacts_dir;
using naming::kBrandsArtifactName;
using naming::kCharModelArtifactName;
using naming::kCorpusArtifactName;
using naming::kEmbeddingsArtifactName;
using naming::kSimpleIconsJson;
using naming::kVocabularyIndexArtifactName;
namespace {

Stage lexicon_stage() {
  lexicon::LexiconSources sources;
  return {.name = "lexicon",
          .version = 1,
          .inputs = {{sources.wordnet_dir, "the Debian package wordnet-base"},
                     {sources.cmudict, "the Debian package festlex-cmu"},
                     {sources.words, "the Debian package wamerican"},
                     {sources.words_huge, "the Debian package wamerican-huge"}},
          .outputs = {std::string(lexicon::kLexiconArtifactName)},
          .run = [sources](const StageRun& run) {
            return lexicon::build_lexicon(sources, run.output(0), [&](std::string_view stage, double fraction) {
              run.progress().update(fraction, stage);
            });
          }};
}

Stage brands_stage() {
  auto simple_icons = std::filesystem::absolute(kSimpleIconsJson);
  return {.name = "brands",
          .version = 1,
          .inputs = {{simple_icons, "the npm package simple-icons (scripts/install-deps.sh runs `npm ci` in data/)"}},
          .outputs = {std::string(kBrandsArtifactName)},
          .run = [simple_icons](const StageRun& run) -> Status {
            auto brands = brands::read_simple_icons(simple_icons);
            if (!brands) return fail(brands.error());
            return brands::write_brands(*brands, run.output(0));
          }};
}

Stage corpus_stage() {
  return {.name = "corpus",
          .version = 1,
          .inputs = {{std::string(lexicon::kLexiconArtifactName), "stage lexicon"}},
          .outputs = {std::string(kCorpusArtifactName)},
          .run = [](const StageRun& run) -> Status {
            auto lex = lexicon::Lexicon::open(run.data_dir() / lexicon::kLexiconArtifactName);
            if (!lex) return fail(lex.error());
            auto stats = semantic::build_corpus(*lex, run.output(0), [&](double f) { run.progress().update(f); });
            if (!stats) return fail(stats.error());
            return ok();
          }};
}

// Word vectors by meaning: no character n-grams (with them, this small corpus gives spelling
// neighbours: doctor -> proctor, coffee -> toffee); 144k words x 80 dims stays under 60 MB.
// Words outside the vocabulary (invented names) get their vectors from the vocabulary words
// that share their letters (see semantic/embeddings.hpp).
semantic::TrainOptions embedding_training() {
  return {.dim = 80, .epochs = 15, .min_count = 2, .minn = 0, .maxn = 0, .bucket = 0, .window = 5, .seed = 7};
}

Stage embeddings_stage() {
  return {.name = "embeddings",
          .version = 2,
          .inputs = {{std::string(kCorpusArtifactName), "stage corpus"}},
          .outputs = {std::string(kEmbeddingsArtifactName)},
          .run = [](const StageRun& run) -> Status {
            auto options = embedding_training();
            options.on_progress = [&](double f) { run.progress().update(f, "training fastText"); };
            auto trained = semantic::Embeddings::train(options, run.data_dir() / kCorpusArtifactName, run.output(0));
            if (!trained) return fail(trained.error());
            return ok();
          }};
}

Stage vocabulary_index_stage(const SemanticConfig& semantic) {
  semantic::IndexParams params;
  params.M = semantic.index_m;
  params.ef_construction = semantic.index_ef_construction;
  params.ef_search = semantic.index_ef_search;
  return {.name = "index",
          .version = 1,
          .settings = fmt::format("M={} ef_construction={}", params.M, params.ef_construction),
          .inputs = {{std::string(kEmbeddingsArtifactName), "stage embeddings"}},
          .outputs = {std::string(kVocabularyIndexArtifactName)},
          .run = [params](const StageRun& run) -> Status {
            auto embeddings = semantic::Embeddings::load(run.data_dir() / kEmbeddingsArtifactName);
            if (!embeddings) return fail(embeddings.error());
            auto index = semantic::build_vocabulary_index(*embeddings, params);
            if (!index) return fail(index.error());
            return index->save(run.output(0));
          }};
}

// The character model of spelling (pronounceability scores, invented names): English words
// weighted by how common they are, plus one-word brand names; a few seconds to train.
Stage charlm_stage() {
  const charlm::CharModelOptions options;
  return {.name = "charlm",
          .version = 1,
          .settings = fmt::format("order={}", options.order),
          .inputs = {{std::string(lexicon::kLexiconArtifactName), "stage lexicon"},
                     {std::string(kBrandsArtifactName), "stage brands"}},
          .outputs = {std::string(kCharModelArtifactName)},
          .run = [options](const StageRun& run) -> Status {
            auto lex = lexicon::Lexicon::open(run.data_dir() / lexicon::kLexiconArtifactName);
            if (!lex) return fail(lex.error());
            auto registry = brands::BrandRegistry::load(run.data_dir() / kBrandsArtifactName);
            if (!registry) return fail(registry.error());
            auto words = charlm::lexicon_training_words(*lex);
            auto brand_words = charlm::brand_training_words(*registry);
            words.insert(words.end(), brand_words.begin(), brand_words.end());
            run.progress().update(0.3, "training");
            auto model = charlm::CharModel::train(words, options);
            if (!model) return fail(model.error());
            return model->save(run.output(0));
          }};
}

DataPipeline data_pipeline(const Config& config) {
  DataPipeline pipeline;
  pipeline.add(lexicon_stage());
  pipeline.add(brands_stage());
  pipeline.add(corpus_stage());
  pipeline.add(embeddings_stage());
  pipeline.add(vocabulary_index_stage(config.semantic));
  pipeline.add(charlm_stage());
  return pipeline;
}

}  // namespace

void add_data_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto* data = app.add_subcommand("data", "Build and inspect data artifacts");
  data->require_subcommand(1);
  auto* build = data->add_subcommand("build", "Build lexicon, brand registry, embeddings and indexes into <data_dir>/data/");
  add_common_options(*build, options);
  static bool force = false;
  build->add_flag("--force", force, "Rebuild every stage even when its inputs are unchanged");
  build->callback([&] {
    auto config = config_or_report("data build", options, exit_code);
    if (!config) return;
    auto dir = artifacts_dir(*config);
    TerminalProgress terminal;
    SilentProgress silent;
    Progress& progress = options.json ? static_cast<Progress&>(silent) : terminal;
    auto outcomes = data_pipeline(*config).run(dir, {.force = force}, progress);
    if (!outcomes) {
      exit_code = report_error("data build", outcomes.error(), options);
      return;
    }
    if (options.json) {
      auto stages = nlohmann::json::array();
      for (const auto& o : *outcomes)
        stages.push_back({{"stage", o.name}, {"built", o.built}, {"seconds", o.seconds}, {"bytes", o.bytes}});
      std::cout << nlohmann::json{{"data_dir", dir.string()}, {"stages", stages}}.dump() << "\n";
    } else {
      std::uintmax_t total = 0;
      for (const auto& o : *outcomes) total += o.bytes;
      std::cout << fmt::format("data artifacts in {} are ready ({:.1f} MB)\n", dir.string(), total / 1e6);
    }
    exit_code = kExitOk;
  });
}

}  // namespace snai::cli
