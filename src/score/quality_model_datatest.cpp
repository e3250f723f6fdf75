// The quality model on the real artifacts (label data; SNAI_TEST_DATA_DIR, built by
// scripts/test.sh): trains on the training split of build_quality_training_set, then checks
// the held-out split, hand-written real startup names against hand-written bad names (neither
// ever trained on; testdata/), obvious cases both ways, and hostile input. Prints the figures.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>

#include "brands/brand_registry.hpp"
#include "charlm/char_model.hpp"
#include "lexicon/lexicon.hpp"
#include "score/quality_eval.hpp"
#include "score/quality_model.hpp"
#include "score/famous_brands.hpp"
#include "score/quality_resources.hpp"
#include "screening/name_screen.hpp"

namespace snai::score {
namespace {

namespace fs = std::filesystem;

struct World {
  lexicon::Lexicon lexicon;
  brands::BrandRegistry brands;
  charlm::CharModel char_model;
  screening::NameScreen screen;
  std::unique_ptr<QualityResources> resources;
  std::vector<LabeledName> names;
  std::optional<QualityModel> model;
  fs::path root;
  FeatureContext context() const { return resources->context(); }
};

World* world = nullptr;

std::vector<std::string> read_names(const fs::path& file) {
  std::vector<std::string> out;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') out.push_back(line);
  return out;
}

bool is_famous(std::string_view name) {
  auto key = brands::normalize_brand(name);
  return std::ranges::any_of(famous_brands(), [&](std::string_view f) { return brands::normalize_brand(f) == key; });
}

void print(std::string_view what, const QualityEvaluation& e) {
  fmt::print("{}: {} good / {} bad, balanced accuracy {:.3f}, AUC {:.3f}, Brier {:.3f}, ECE {:.3f}\n"
             "  confusion: good→good {} good→bad {} bad→bad {} bad→good {}\n",
             what, e.positives, e.negatives, e.balanced_accuracy, e.auc, e.brier, e.calibration_error, e.true_positives,
             e.false_negatives, e.true_negatives, e.false_positives);
}

class QualityModelData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* dir = std::getenv("SNAI_TEST_DATA_DIR");
    ASSERT_TRUE(dir) << "SNAI_TEST_DATA_DIR is not set: run through `make test` (it builds the data first)";
    fs::path root = fs::path(dir) / "data";
    auto lexicon = lexicon::Lexicon::open(root / "lexicon.bin");
    ASSERT_TRUE(lexicon) << lexicon.error().describe();
    auto brands = brands::BrandRegistry::load(root / "brands.tsv");
    ASSERT_TRUE(brands) << brands.error().describe();
    auto cm = charlm::CharModel::load(root / "charlm.bin");
    ASSERT_TRUE(cm) << cm.error().describe();
    auto screen = screening::NameScreen::build(*lexicon);
    world = new World{std::move(*lexicon), std::move(*brands), std::move(*cm), std::move(screen), {}, {}, {}, root};
    auto resources = QualityResources::build(world->lexicon, world->brands, &world->screen);
    ASSERT_TRUE(resources) << resources.error().describe();
    world->resources = std::move(*resources);
    world->names = build_quality_training_set({.brands = &world->brands, .lexicon = &world->lexicon,
                                               .char_model = &world->char_model,
                                               .negative_words = &world->resources->negative_words});
    auto start = std::chrono::steady_clock::now();
    auto model = QualityModel::train(world->names, world->context());
    ASSERT_TRUE(model) << model.error().describe();
    world->model.emplace(std::move(*model));
    fmt::print("{} labelled names; trained in {:.1f} s\n", world->names.size(),
               std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  static void TearDownTestSuite() {
    delete world;
    world = nullptr;
  }
};

TEST_F(QualityModelData, SeparatesHeldOutNames) {
  ASSERT_TRUE(world && world->model);
  std::vector<std::string> good, bad;
  std::map<std::string, std::vector<std::string>> by_family;
  for (const auto& n : world->names) {
    if (!n.held_out) continue;
    (n.good ? good : bad).push_back(n.name);
    by_family[n.family].push_back(n.name);
  }
  auto e = evaluate_quality(*world->model, good, bad);
  print("held-out split", e);
  for (const auto& [family, names] : by_family) {
    auto p = world->model->probabilities(names);
    auto right = std::ranges::count_if(p, [&](double x) { return (x >= 0.5) == (family.starts_with("brand")); });
    fmt::print("  {:<18} {:>5} names, {:.1f}% right\n", family, names.size(), 100.0 * right / names.size());
  }
  EXPECT_GE(e.auc, 0.92);
  EXPECT_GE(e.balanced_accuracy, 0.85);
}

TEST_F(QualityModelData, SeparatesHandWrittenStartupNamesFromBadNames) {
  ASSERT_TRUE(world && world->model);
  std::vector<std::string> good;
  for (auto& n : read_names(fs::path(SNAI_SCORE_TESTDATA) / "startup_names.txt"))
    if (!world->brands.contains(n) && !is_famous(n)) good.push_back(std::move(n));
  auto bad = read_names(fs::path(SNAI_SCORE_TESTDATA) / "bad_names.txt");
  ASSERT_GE(good.size(), 300u);
  ASSERT_GE(bad.size(), 100u);
  auto e = evaluate_quality(*world->model, good, bad);
  print("hand-written startup names vs bad names", e);
  auto pg = world->model->probabilities(good);
  auto pb = world->model->probabilities(bad);
  for (std::size_t i = 0; i < good.size(); ++i)
    if (pg[i] < 0.5) fmt::print("  good scored bad: {} ({:.0f})\n", good[i], 100 * pg[i]);
  for (std::size_t i = 0; i < bad.size(); ++i)
    if (pb[i] >= 0.5) fmt::print("  bad scored good: {} ({:.0f})\n", bad[i], 100 * pb[i]);
  EXPECT_GE(e.auc, 0.92);
  EXPECT_GE(e.balanced_accuracy, 0.85);
}

TEST_F(QualityModelData, ObviousCasesWithReasons) {
  ASSERT_TRUE(world && world->model);
  const auto& m = *world->model;
  for (std::string good : {"Stripe", "Strivo", "Notely", "Granza Bio", "K-Scale Labs"}) {
    auto s = m.score({.name = good});
    EXPECT_GE(s.score, kGoodScore) << good;
    ASSERT_FALSE(s.reasons.empty()) << good;
  }
  for (std::string bad : {"xkqzvbn", "aaaa-1234", "Gooogle", "Best Online Shoe Store", "asdfghjk"}) {
    auto s = m.score({.name = bad});
    EXPECT_LT(s.score, kGoodScore) << bad;
    ASSERT_FALSE(s.reasons.empty()) << bad;
    EXPECT_LT(s.reasons.front().effect, 0) << bad << ": the strongest reason should be what is wrong";
  }
  auto mash = m.score({.name = "xkqzvbn"});
  EXPECT_TRUE(std::ranges::any_of(mash.reasons, [](const Reason& r) { return r.text == "hard to say"; }));
  auto copy = m.score({.name = "Gooogle"});
  EXPECT_TRUE(std::ranges::any_of(copy.reasons, [](const Reason& r) { return r.text == "close to Google"; }));
  auto spam = m.score({.name = "aaaa-1234"});
  EXPECT_TRUE(std::ranges::any_of(spam.reasons, [](const Reason& r) { return r.feature == "digits" && r.effect < 0; }));
  for (const auto& r : m.score({.name = "Stripe"}).reasons) fmt::print("  Stripe: {:+.2f} {}\n", r.effect, r.text);
  for (const auto& r : mash.reasons) fmt::print("  xkqzvbn: {:+.2f} {}\n", r.effect, r.text);
}

TEST_F(QualityModelData, HostileInputScoresWithoutCrashing) {
  ASSERT_TRUE(world && world->model);
  std::vector<std::string> names{"", std::string(500, 'q'), "東京テック", "🚀🚀🚀", "Ünïcödé GmbH", std::string(200, '-'),
                                 "a b c d e f g h i j k l m n o p"};
  std::vector<ScoreInput> inputs;
  for (const auto& n : names) inputs.push_back({.name = n});
  for (const auto& s : world->model->score_batch(inputs)) {
    EXPECT_TRUE(std::isfinite(s.score));
    EXPECT_GE(s.score, 0);
    EXPECT_LE(s.score, 100);
    EXPECT_LT(s.score, 95);
  }
  for (std::string nothing : {"", "   ", "🚀🚀🚀", "東京テック"}) {
    auto s = world->model->score({.name = nothing});
    EXPECT_EQ(s.score, 0) << nothing;
    ASSERT_FALSE(s.reasons.empty());
    EXPECT_EQ(s.reasons.front().feature, "letters");
  }
}

TEST_F(QualityModelData, ShippedModelLoadsAndAgrees) {
  ASSERT_TRUE(world);
  auto path = world->root / "quality.xgb";
  if (!fs::exists(path)) GTEST_SKIP() << path << " not built yet (`snai data build`)";
  auto resources = QualityResources::load(world->root / "quality_charlm.bin", world->root / "quality_words.tsv",
                                          world->lexicon, world->brands, &world->screen);
  ASSERT_TRUE(resources) << resources.error().describe();
  auto shipped = QualityModel::load(path, (*resources)->context());
  ASSERT_TRUE(shipped) << shipped.error().describe();
  // Loaded from the saved word list, the features are those the model was trained with.
  for (std::string name : {"Notely", "Granza Bio", "Doom Capital", "Best Online Shoe Store", "Gooogle"})
    EXPECT_EQ(shipped->features().compute(name).values, world->model->features().compute(name).values) << name;
  EXPECT_GE(shipped->score({.name = "Notely"}).score, kGoodScore);
  EXPECT_LT(shipped->score({.name = "xkqzvbn"}).score, kGoodScore);
}

}  // namespace
}  // namespace snai::score
