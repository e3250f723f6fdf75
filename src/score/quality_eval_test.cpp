// Evaluation figures on hand-made probabilities, and the quality model trained on a toy
// feature set: it learns, explains with the right feature, and survives save/load.
#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "score/quality_eval.hpp"
#include "score/quality_model.hpp"

namespace snai::score {
namespace {

TEST(RocAuc, RanksAndTies) {
  std::vector<double> good{0.9, 0.8, 0.7}, bad{0.1, 0.2, 0.3};
  EXPECT_DOUBLE_EQ(roc_auc(good, bad), 1.0);
  EXPECT_DOUBLE_EQ(roc_auc(bad, good), 0.0);
  std::vector<double> same{0.5, 0.5};
  EXPECT_DOUBLE_EQ(roc_auc(same, same), 0.5);
  std::vector<double> g2{0.9, 0.2}, b2{0.5};
  EXPECT_DOUBLE_EQ(roc_auc(g2, b2), 0.5);
  EXPECT_DOUBLE_EQ(roc_auc({}, b2), 0.5);
}

TEST(EvaluateProbabilities, ConfusionMatrixAtFifty) {
  std::vector<double> good{0.9, 0.6, 0.4, 0.5}, bad{0.1, 0.7, 0.2};
  auto e = evaluate_probabilities(good, bad);
  EXPECT_EQ(e.true_positives, 3u);
  EXPECT_EQ(e.false_negatives, 1u);
  EXPECT_EQ(e.true_negatives, 2u);
  EXPECT_EQ(e.false_positives, 1u);
  EXPECT_NEAR(e.balanced_accuracy, (0.75 + 2.0 / 3) / 2, 1e-12);
  EXPECT_GT(e.brier, 0);
  EXPECT_LT(e.brier, 0.25);
}

std::vector<LabeledName> toy_names() {
  // Good: letters only; bad: the same stems with digits or hyphen spam.
  std::vector<LabeledName> names;
  const char* stems[] = {"stripe", "notion", "zapier", "figma", "canva", "vercel", "linear", "retool",
                         "airtable", "loom", "miro", "asana", "slack", "twilio", "okta", "plaid"};
  int i = 0;
  for (const char* s : stems) {
    names.push_back({s, true, "toy", false});
    names.push_back({std::string(s) + "-" + std::to_string(1000 + i * 37), false, "toy", false});
    names.push_back({std::string(s) + std::to_string(i * 7 + 11), false, "toy", false});
    ++i;
  }
  return names;
}

TEST(QualityModel, LearnsExplainsAndRoundTrips) {
  auto names = toy_names();
  auto model = QualityModel::train(names, {}, {.rounds = 30, .max_depth = 3, .subsample = 1, .colsample = 1, .min_child_weight = 0});
  ASSERT_TRUE(model) << model.error().describe();
  auto good = model->score({.name = "Brexo"});
  auto bad = model->score({.name = "Brexo-4821"});
  EXPECT_GE(good.score, kGoodScore);
  EXPECT_LT(bad.score, kGoodScore);
  EXPECT_EQ(bad.model, "xgboost");
  ASSERT_FALSE(bad.reasons.empty());
  bool digits_or_hyphens = false;
  for (const auto& r : bad.reasons) {
    digits_or_hyphens |= (r.feature == "digits" || r.feature == "hyphens" || r.feature == "com_label") && r.effect < 0;
    EXPECT_FALSE(r.text.empty());
  }
  EXPECT_TRUE(digits_or_hyphens);
  for (std::size_t i = 1; i < bad.reasons.size(); ++i)
    EXPECT_GE(std::abs(bad.reasons[i - 1].effect), std::abs(bad.reasons[i].effect));

  auto path = std::filesystem::temp_directory_path() / ("quality_test_" + std::to_string(::getpid()) + ".xgb");
  ASSERT_TRUE(model->save(path));
  auto loaded = QualityModel::load(path, {});
  ASSERT_TRUE(loaded) << loaded.error().describe();
  EXPECT_NEAR(loaded->score({.name = "Brexo-4821"}).score, bad.score, 1e-4);
  std::vector<ScoreInput> batch{{.name = "Brexo"}, {.name = "Brexo-4821"}};
  auto fast = loaded->score_batch(batch, Explain::none);
  EXPECT_NEAR(fast[0].score, good.score, 1e-3);
  EXPECT_NEAR(fast[1].score, bad.score, 1e-3);
  auto approx = loaded->score_batch(batch, Explain::fast);
  EXPECT_NEAR(approx[1].score, bad.score, 1e-3);
  EXPECT_FALSE(approx[1].reasons.empty());
  EXPECT_TRUE(fast[1].reasons.empty());
  std::filesystem::remove(path);

  EXPECT_EQ(QualityModel::load(path, {}).error().code, ErrorCode::not_found);
  {
    std::ofstream junk(path);
    junk << "not a model";
  }
  EXPECT_EQ(QualityModel::load(path, {}).error().code, ErrorCode::data_corrupt);
  std::filesystem::remove(path);
}

TEST(QualityModel, RelevanceAddsItsReason) {
  auto names = toy_names();
  auto model = QualityModel::train(names, {}, {.rounds = 10, .max_depth = 2});
  ASSERT_TRUE(model);
  auto plain = model->score({.name = "Brexo"});
  auto relevant = model->score({.name = "Brexo", .relevance = 0.9});
  EXPECT_GT(relevant.score, plain.score);
  EXPECT_TRUE(std::ranges::any_of(relevant.reasons, [](const Reason& r) { return r.feature == "relevance"; }));
}

TEST(QualityModel, TrainingNeedsBothClasses) {
  std::vector<LabeledName> only_good{{"stripe", true, "toy", false}, {"notion", true, "toy", false}};
  EXPECT_EQ(QualityModel::train(only_good, {}).error().code, ErrorCode::invalid_argument);
}

}  // namespace
}  // namespace snai::score
