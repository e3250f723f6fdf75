// quality_bench: the name quality model on one core — names scored per second without reasons
// (ranking), with fast (approximate) reasons, with exact SHAP reasons, and the features alone; plus the
// held-out balanced accuracy and AUC of the model it measures. Target: >= 50,000
// names/s on one core.
//
//   build/bench/quality_bench --data build/test-var     # data dir with data/*.bin (quality.xgb
//                                                      # when built, else trains one, ~5 s)
//   build/bench/quality_bench --quick                   # SNAI_TEST_DATA_DIR, fewer names (CTest)
//
// Names are the labelled training set's held-out names (real brands and designed bad names,
// a mix of lengths), scored in batches of --batch, repeated until --names have been scored.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_support.hpp"
#include "brands/brand_registry.hpp"
#include "charlm/char_model.hpp"
#include "lexicon/lexicon.hpp"
#include "score/quality_eval.hpp"
#include "score/quality_model.hpp"
#include "score/quality_resources.hpp"
#include "screening/name_screen.hpp"

namespace {

using snai::bench::Clock;
using snai::bench::seconds_since;
namespace fs = std::filesystem;
namespace score = snai::score;

struct Options {
  std::string data;
  std::size_t names = 400000;
  std::size_t batch = 1000;
  bool quick = false;
  bool reasons = true;  // --no-shap: skip the exact SHAP measurement (slow)
};

int run(const Options& options) {
  fs::path root = fs::path(options.data) / "data";
  auto lex = snai::lexicon::Lexicon::open(root / "lexicon.bin");
  auto registry = snai::brands::BrandRegistry::load(root / "brands.tsv");
  auto sampler = snai::charlm::CharModel::load(root / "charlm.bin");
  if (!lex || !registry || !sampler) {
    std::fprintf(stderr, "cannot load lexicon.bin, brands.tsv and charlm.bin from %s\n", root.c_str());
    return 1;
  }
  auto screen = snai::screening::NameScreen::build(*lex);
  bool shipped = fs::exists(root / "quality.xgb") && fs::exists(root / "quality_charlm.bin") &&
                 fs::exists(root / "quality_words.tsv");
  auto resources = shipped ? score::QualityResources::load(root / "quality_charlm.bin", root / "quality_words.tsv", *lex,
                                                           *registry, &screen)
                           : score::QualityResources::build(*lex, *registry, &screen);
  if (!resources) {
    std::fprintf(stderr, "resources: %s\n", resources.error().describe().c_str());
    return 1;
  }
  auto names = score::build_quality_training_set(
      {.brands = &*registry, .lexicon = &*lex, .char_model = &*sampler, .negative_words = &(*resources)->negative_words});
  auto model = shipped ? score::QualityModel::load(root / "quality.xgb", (*resources)->context())
                       : score::QualityModel::train(names, (*resources)->context());
  if (!model) {
    std::fprintf(stderr, "model: %s\n", model.error().describe().c_str());
    return 1;
  }
  std::printf("model: %s\n", shipped ? (root / "quality.xgb").c_str() : "trained here (no quality.xgb)");
  std::vector<std::string> good, bad, all;
  for (const auto& n : names)
    if (n.held_out) (n.good ? good : bad).push_back(n.name);
  all.insert(all.end(), good.begin(), good.end());
  all.insert(all.end(), bad.begin(), bad.end());
  auto e = score::evaluate_quality(*model, good, bad);
  std::printf("held out: %zu good / %zu bad, balanced accuracy %.3f, AUC %.3f\n", good.size(), bad.size(),
              e.balanced_accuracy, e.auc);

  std::vector<score::ScoreInput> inputs;
  for (const auto& n : all) inputs.push_back({.name = n});
  auto measure = [&](const char* what, auto&& score_batch) {
    std::size_t done = 0;
    double checksum = 0;
    auto start = Clock::now();
    while (done < options.names) {
      for (std::size_t i = 0; i < inputs.size() && done < options.names; i += options.batch) {
        std::size_t n = std::min({options.batch, inputs.size() - i, options.names - done});
        checksum += score_batch(std::span(inputs).subspan(i, n));
        done += n;
      }
    }
    double s = seconds_since(start);
    std::printf("%-28s %9.0f names/s  (%zu names, %.2f s, checksum %.1f)\n", what, double(done) / s, done, s, checksum);
  };
  snai::bench::on_one_core([&] {
    measure("features only", [&](std::span<const score::ScoreInput> batch) {
      double sum = 0;
      for (const auto& in : batch) sum += model->features().compute(in.name).values[0];
      return sum;
    });
    measure("score, no reasons", [&](std::span<const score::ScoreInput> batch) {
      double sum = 0;
      for (const auto& s : model->score_batch(batch, score::Explain::none)) sum += s.score;
      return sum;
    });
    measure("score, fast reasons", [&](std::span<const score::ScoreInput> batch) {
      double sum = 0;
      for (const auto& s : model->score_batch(batch, score::Explain::fast)) sum += s.score;
      return sum;
    });
    if (options.reasons) measure("score with SHAP reasons", [&](std::span<const score::ScoreInput> batch) {
      double sum = 0;
      for (const auto& s : model->score_batch(batch, score::Explain::shap)) sum += s.score;
      return sum;
    });
  });
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  if (const char* dir = std::getenv("SNAI_TEST_DATA_DIR")) options.data = dir;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--data") options.data = next();
    else if (a == "--names") options.names = std::stoul(next());
    else if (a == "--batch") options.batch = std::max<std::size_t>(1, std::stoul(next()));
    else if (a == "--quick") options.quick = true;
    else if (a == "--no-shap") options.reasons = false;
    else {
      std::fprintf(stderr, "usage: quality_bench [--data DIR] [--names N] [--batch N] [--no-shap] [--quick]\n");
      return 2;
    }
  }
  if (options.quick) options.names = 20000;
  if (options.data.empty()) {
    std::fprintf(stderr, "quality_bench: no data dir (--data DIR or SNAI_TEST_DATA_DIR)\n");
    return 2;
  }
  return run(options);
}
