// The taste scorer on the real artifacts (label data; SNAI_TEST_DATA_DIR is built by
// scripts/test.sh): generic and descriptive names fall below what founders chose, scores spread
// over a description's candidates, the top of the list is not the description's own words, and
// junk stays near 0. `snai eval taste` measures the same over hundreds of companies.
#include <algorithm>
#include <gtest/gtest.h>

#include "naming/name_scoring.hpp"
#include "naming/naming_json.hpp"
#include "naming/taste_eval.hpp"
#include "naming/testing/descriptions.hpp"
#include "naming/testing/test_knowledge.hpp"

namespace snai::naming {
namespace {

const Knowledge* knowledge = nullptr;

class TasteData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = testing::test_knowledge();
    ASSERT_TRUE(loaded) << loaded.error().describe();
    knowledge = *loaded;
  }
};

std::vector<ScoredInput> scored(std::vector<std::string> names, std::string_view description) {
  auto out = score_names(*knowledge, names, description);
  EXPECT_TRUE(out) << out.error().describe();
  return out ? *out : std::vector<ScoredInput>{};
}

TEST_F(TasteData, TheScorerIsTheCalibratedTasteScorer) {
  ASSERT_TRUE(knowledge->realism);
  ASSERT_TRUE(knowledge->calibration);
  EXPECT_EQ(knowledge->scorer().model_name(), "taste");
  EXPECT_GE(knowledge->calibration->size(), 1000u) << "calibrated on the held-out real startup names";
}

TEST_F(TasteData, RealNamesBeatTheBareNounAMechanicalSuffixAndAStockPartner) {
  struct Case {
    std::string description, real, noun;
  };
  const Case cases[] = {
      {"ai medical scribe that writes clinical notes from doctor visits", "Abridge", "Scribe"},
      {"inventory management software for small retailers", "Ordoro", "Inventory"},
      {"natural language processing apis for developers", "Plasticity", "Language"},
      {"online payment processing for internet businesses", "Stripe", "Payment"},
  };
  for (const auto& c : cases) {
    auto s = scored({c.real, c.noun, c.noun + "ora", c.noun + " Homes"}, c.description);
    ASSERT_EQ(s.size(), 4u);
    EXPECT_GT(s[0].score.score, s[1].score.score) << c.real << " vs " << c.noun;
    EXPECT_GT(s[0].score.score, s[2].score.score) << c.real << " vs " << s[2].name;
    EXPECT_GT(s[0].score.score, s[3].score.score) << c.real << " vs " << s[3].name;
    EXPECT_LT(s[1].score.score, 30) << c.noun << ": a bare category word";
    EXPECT_EQ(s[1].score.distinctiveness, "generic") << c.noun;
    EXPECT_EQ(s[2].score.distinctiveness, "descriptive") << s[2].name;
  }
}

TEST_F(TasteData, TheExplanationSaysWhyAGenericNameIsWeak) {
  auto s = scored({"Inventory"}, "inventory management software for small retailers");
  ASSERT_EQ(s.size(), 1u);
  auto json = explanation_json(s[0].score);
  EXPECT_EQ(json["model"], "taste");
  EXPECT_EQ(json["scale"], "percentile among real startup names");
  ASSERT_TRUE(json.contains("inputs"));
  bool said = std::ranges::any_of(s[0].score.reasons, [](const score::Reason& r) {
    return r.feature == "distinctiveness" && r.effect < 0 && r.text.find("trademark") != std::string::npos;
  });
  EXPECT_TRUE(said) << json.dump();
}

TEST_F(TasteData, JunkScoresNearZeroWithOrWithoutADescription) {
  for (const char* description : {"", "ai note-taking for doctors"}) {
    auto s = scored({"xkqzvbn", "aaaa-1234", "qwrtyp Solutions", "Gooogle"}, description);
    for (const auto& n : s) EXPECT_LT(n.score.score, 10) << n.name << " / " << description;
  }
}

TEST_F(TasteData, ScoresSpreadAndTheTopIsNotTheDescriptionsOwnWords) {
  auto namer = testing::test_namer_without_deadline();
  ASSERT_TRUE(namer);
  std::vector<double> spreads;
  for (std::string_view description : testing::kDescriptions) {
    auto result = (*namer)->generate({.description = std::string(description), .count = 500, .seed = 1});
    ASSERT_TRUE(result) << result.error().describe();
    ASSERT_GE(result->names.size(), 200u);
    std::vector<double> scores;
    for (const auto& n : result->names) {
      scores.push_back(n.score.score);
      EXPECT_FALSE(n.score.distinctiveness.empty()) << n.candidate.name;
    }
    std::ranges::sort(scores);
    spreads.push_back(scores[scores.size() * 9 / 10] - scores[scores.size() / 10]);
    std::size_t literal = 0;
    for (std::size_t i = 0; i < 10; ++i)
      literal += is_literal_name(result->names[i].candidate.name, description, knowledge->lexicon) ? 1 : 0;
    EXPECT_LE(literal, 1u) << description;
    for (std::size_t i = 0; i < 10; ++i)
      EXPECT_NE(result->names[i].score.distinctiveness, "generic") << result->names[i].candidate.name;
  }
  // The score carries information: over one description's candidates the 10th and 90th
  // percentiles lie far apart (all 500 scored 95-98 before the taste scorer).
  std::ranges::sort(spreads);
  EXPECT_GE(spreads[spreads.size() / 2], 30);
}

}  // namespace
}  // namespace snai::naming
