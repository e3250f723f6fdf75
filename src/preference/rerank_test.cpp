// The re-rank blend: preference re-orders good names within max_shift points, never lifts a
// name below the good-name line over a good one, and leaves the order alone untrained.
#include "preference/rerank.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace snai::preference {
namespace {

TEST(BlendedOrder, PreferenceReordersCloseGoodNames) {
  std::vector<double> quality = {80, 75, 70};
  std::vector<double> utility = {-1, 0, 1};
  auto order = blended_order(quality, utility, 1000);  // confident
  EXPECT_EQ(order, (std::vector<std::size_t>{2, 1, 0}));
}

TEST(BlendedOrder, AMuchBetterNameStaysAhead) {
  std::vector<double> quality = {95, 60};
  std::vector<double> utility = {-5, 5};
  EXPECT_EQ(blended_order(quality, utility, 1000), (std::vector<std::size_t>{0, 1}));
}

TEST(BlendedOrder, ABadNameNeverPassesAGoodOne) {
  std::vector<double> quality = {50, 49.9};
  std::vector<double> utility = {-10, 10};
  EXPECT_EQ(blended_order(quality, utility, 1'000'000), (std::vector<std::size_t>{0, 1}));
}

TEST(BlendedOrder, FewVerdictsMoveLittle) {
  std::vector<double> quality = {80, 72};
  std::vector<double> utility = {-1, 1};
  EXPECT_EQ(blended_order(quality, utility, 3), (std::vector<std::size_t>{0, 1}));    // 15·3/33·2 < 8
  EXPECT_EQ(blended_order(quality, utility, 300), (std::vector<std::size_t>{1, 0}));  // 15·300/330·2 > 8
}

TEST(BlendedOrder, EqualUtilitiesKeepTheQualityOrder) {
  std::vector<double> quality = {90, 80, 85};
  std::vector<double> utility = {2, 2, 2};
  EXPECT_EQ(blended_order(quality, utility, 100), (std::vector<std::size_t>{0, 2, 1}));
}

TEST(Rerank, UntrainedModelLeavesTheListAlone) {
  std::vector<naming::ScoredName> names(3);
  names[0].candidate.name = "Alpha";
  names[0].score.score = 60;
  names[1].candidate.name = "Kavo";
  names[1].score.score = 90;
  names[2].candidate.name = "Beta";
  names[2].score.score = 70;
  NameDescriber describer(score::FeatureContext{});
  rerank(names, PreferenceModel{}, describer);
  EXPECT_EQ(names[0].candidate.name, "Alpha");
  EXPECT_EQ(names[1].candidate.name, "Kavo");
  EXPECT_EQ(names[2].candidate.name, "Beta");
}

TEST(Rerank, ALearnedTasteLiftsTheLikedNameAndKeepsScores) {
  NameDescriber describer(score::FeatureContext{});
  std::vector<JudgedName> judged;
  for (auto n : {"Kavo", "Zeno", "Lumo", "Tiva", "Rena", "Pola", "Miro", "Savi", "Doro", "Vela", "Nomi", "Kira"})
    judged.push_back({describer.describe({.name = n, .style = generate::Style::invented}), Verdict::favorite, 0});
  for (auto n : {"DataStack Labs", "CloudLedger Works", "SignalForge AI", "MetricBridge Health", "PulseVault Bio",
                 "CodeFrame Labs", "TrackShip AI", "LoopMint Works", "GridPilot Health", "SyncDesk Labs"})
    judged.push_back({describer.describe({.name = n, .style = generate::Style::multiword}), Verdict::dismiss, 0});
  auto model = PreferenceModel::train(judged);
  ASSERT_TRUE(model.trained());

  std::vector<naming::ScoredName> names(2);
  names[0].candidate = {.name = "Harbor Labs", .style = generate::Style::multiword};
  names[0].score.score = 78;
  names[1].candidate = {.name = "Tamo", .style = generate::Style::invented};
  names[1].score.score = 72;
  rerank(names, model, describer, {.max_shift = 15, .confidence_events = 1});
  EXPECT_EQ(names[0].candidate.name, "Tamo");
  EXPECT_EQ(names[0].score.score, 72);  // the quality score is not rewritten
}

}  // namespace
}  // namespace snai::preference

namespace snai::preference {
namespace {

TEST(RerankJson, ReordersTheCachedAnswerLikeTheStructs) {
  NameDescriber describer(score::FeatureContext{});
  std::vector<JudgedName> judged;
  for (auto n : {"Kavo", "Zeno", "Lumo", "Tiva", "Rena", "Pola", "Miro", "Savi", "Doro", "Vela"})
    judged.push_back({describer.describe({.name = n, .style = generate::Style::invented}), Verdict::favorite, 0});
  for (auto n : {"DataStack Labs", "CloudLedger Works", "SignalForge AI", "MetricBridge Health", "PulseVault Bio"})
    judged.push_back({describer.describe({.name = n, .style = generate::Style::multiword}), Verdict::dismiss, 0});
  auto model = PreferenceModel::train(judged);
  auto names = nlohmann::json::parse(R"([
    {"name": "Harbor Labs", "style": "multiword", "score": 78, "parts": ["harbor", "labs"], "explanation": {}},
    {"name": "Tamo", "style": "invented", "score": 72, "parts": ["tamo"]},
    {"name": "Zzxq", "style": "invented", "score": 40},
    "not an object"
  ])");
  rerank_json(names, model, describer, {.confidence_events = 1});
  ASSERT_EQ(names.size(), 4u);
  EXPECT_EQ(names[0]["name"], "Tamo");
  EXPECT_EQ(names[1]["name"], "Harbor Labs");
  EXPECT_EQ(names[1]["explanation"], nlohmann::json::object());  // entries move whole
  EXPECT_EQ(names[2]["name"], "Zzxq");                           // below the line: stays below good names
}

}  // namespace
}  // namespace snai::preference
