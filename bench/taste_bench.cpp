// Trains the taste scorer's realism model as `snai data build` does (naming/taste_training.hpp)
// with the options given, and prints each adversarial round's check: how well the round's model
// tells the top 10 its ranking picked, for product descriptions it did not train on, from real
// startup names held out of training (AUC; lower means the ranking's favourites look more real
// to it). For tuning the training; writes nothing.
//
//   build/bench/taste_bench --data build/test-var [--descriptions 400] [--rounds 2] [--epochs 12]
//                           [--l2 2e-6] [--rate 0.3] [--buckets 20] [--top 20] [--top-weight 3]
//   build/bench/taste_bench --quick          # SNAI_TEST_DATA_DIR, 30 descriptions, one round (CTest)
#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench_support.hpp"
#include "naming/knowledge.hpp"
#include "naming/real_names.hpp"
#include "naming/taste_training.hpp"

using namespace snai;

int main(int argc, char** argv) {
  std::string data = std::getenv("SNAI_TEST_DATA_DIR") ? std::getenv("SNAI_TEST_DATA_DIR") : "var";
  naming::TasteTrainingOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--quick") {
      options.descriptions = 30;
      options.adversarial_rounds = 0;
    } else if (a == "--data") data = bench::option_value(argc, argv, i);
    else if (a == "--descriptions") options.descriptions = std::stoul(bench::option_value(argc, argv, i));
    else if (a == "--rounds") options.adversarial_rounds = std::stoi(bench::option_value(argc, argv, i));
    else if (a == "--epochs") options.realism.epochs = std::stoi(bench::option_value(argc, argv, i));
    else if (a == "--l2") options.realism.l2 = std::stod(bench::option_value(argc, argv, i));
    else if (a == "--rate") options.realism.learning_rate = std::stod(bench::option_value(argc, argv, i));
    else if (a == "--buckets") options.realism.buckets_log2 = std::stoi(bench::option_value(argc, argv, i));
    else if (a == "--top") options.top = std::stoul(bench::option_value(argc, argv, i));
    else if (a == "--top-weight") options.top_weight = std::stof(bench::option_value(argc, argv, i));
    else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }
  Config config;
  config.storage.data_dir = data;
  auto knowledge = naming::load_knowledge(config);
  if (!knowledge) {
    std::fprintf(stderr, "%s\n", knowledge.error().describe().c_str());
    return 1;
  }
  // The repository's companies file, wherever the program runs from (CTest runs it in build/bench).
  auto names = naming::read_real_names(SNAI_COMPANIES_FILE, (*knowledge)->brands ? &*(*knowledge)->brands : nullptr);
  if (!names) {
    std::fprintf(stderr, "%s\n", names.error().describe().c_str());
    return 1;
  }
  auto started = bench::Clock::now();
  auto models = naming::train_taste(**knowledge, *names, options, [](double, const std::string&) {});
  if (!models) {
    std::fprintf(stderr, "%s\n", models.error().describe().c_str());
    return 1;
  }
  std::printf("real names: %zu trained on, %zu held out; %.1f s\n", names->training.size(), names->held_out.size(),
              bench::seconds_since(started));
  for (const auto& r : models->rounds)
    std::printf("round %d: %zu generated names trained on, top-10 vs held-out real AUC %.3f (its own model), %.3f (a fresh one)\n",
                r.round, r.negatives, r.top10_auc, r.fresh_auc);
  return 0;
}
