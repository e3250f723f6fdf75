// Scoring names a person brings, on the real artifacts (SNAI_TEST_DATA_DIR): the quality model
// decides, relevance follows the description, and bad names are refused with the field named.
#include "naming/name_scoring.hpp"

#include <gtest/gtest.h>

#include "naming/company_file.hpp"
#include "naming/testing/test_knowledge.hpp"

namespace snai::naming {
namespace {

const Knowledge& knowledge() {
  auto loaded = testing::test_knowledge();
  if (!loaded) throw std::runtime_error(loaded.error().describe());
  return **loaded;
}

TEST(NameScoring, TheTrainedModelDecidesAndExplains) {
  ASSERT_TRUE(knowledge().quality) << "the quality stage of `snai data build` did not run";
  ASSERT_EQ(knowledge().scorer().model_name(), "taste") << "the realism stage of `snai data build` did not run";
  std::vector<std::string> names = {"Notion", "xkqzvbnw", "Brightpath", "aaaa-1234-zzzz"};
  auto scored = score_names(knowledge(), names, "");
  ASSERT_TRUE(scored) << scored.error().describe();
  ASSERT_EQ(scored->size(), names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ((*scored)[i].name, names[i]);  // input order
    EXPECT_EQ((*scored)[i].score.model, knowledge().scorer().model_name());
    EXPECT_FALSE((*scored)[i].score.reasons.empty()) << names[i];
  }
  // The score is a percentile among real startup names: real names spread around the median,
  // mash sits at the bottom, far below them.
  for (std::size_t good : {0u, 2u})
    for (std::size_t bad : {1u, 3u}) {
      EXPECT_GE((*scored)[good].score.score, 20) << names[good];
      EXPECT_LT((*scored)[bad].score.score, 10) << names[bad];
    }
  // Strongest reason first.
  const auto& reasons = (*scored)[1].score.reasons;
  for (std::size_t r = 1; r < reasons.size(); ++r)
    EXPECT_GE(std::abs(reasons[r - 1].effect), std::abs(reasons[r].effect));
}

TEST(NameScoring, ADescriptionRaisesNamesThatDrawOnIt) {
  std::vector<std::string> names = {"Chartscribe", "Pebblejar"};
  auto plain = score_names(knowledge(), names, "");
  auto described = score_names(knowledge(), names, "AI note-taking for doctors");
  ASSERT_TRUE(plain && described);
  double gain_related = (*described)[0].score.score - (*plain)[0].score.score;
  double gain_unrelated = (*described)[1].score.score - (*plain)[1].score.score;
  EXPECT_GT(gain_related, gain_unrelated + 2);

  auto relevance = DescriptionRelevance::of(knowledge(), "AI note-taking for doctors");
  ASSERT_TRUE(relevance);
  EXPECT_GT((*relevance)("Chartscribe"), (*relevance)("Pebblejar"));
  EXPECT_GT((*relevance)("MedNotes"), 0.3);
}

TEST(NameScoring, BadNamesAreRefusedWithTheField) {
  auto check = [](std::vector<std::string> names, std::string_view field) {
    auto scored = score_names(knowledge(), names, "");
    ASSERT_FALSE(scored) << field;
    EXPECT_EQ(scored.error().code, ErrorCode::invalid_argument);
    EXPECT_EQ(scored.error().field, field);
  };
  check({}, "names");
  check({"Fine", std::string("bad\xff")}, "names[1]");
  check({"Fine", "Also fine", std::string(101, 'a')}, "names[2]");
  check({"tab\tname"}, "names[0]");
  check({"--- ..."}, "names[0]");
  check(std::vector<std::string>(kMaxScoredNames + 1, "Acme"), "names");
  auto described = score_names(knowledge(), std::vector<std::string>{"Acme"}, std::string("\xc3\x28"));
  ASSERT_FALSE(described);
  EXPECT_EQ(described.error().field, "description");
}

TEST(NameScoring, ManyNamesGetTheSameScoresWithFasterReasons) {
  std::vector<std::string> few = {"Notion", "Brightpath", "xkqzvbnw"};
  std::vector<std::string> many;
  for (std::size_t i = 0; many.size() <= kMaxExactExplanations; ++i) many.push_back(few[i % few.size()]);
  auto exact = score_names(knowledge(), few, "");
  auto fast = score_names(knowledge(), many, "");
  ASSERT_TRUE(exact && fast);
  for (std::size_t i = 0; i < few.size(); ++i) {
    // Exact SHAP and per-tree attributions add the trees' outputs in another order: the same
    // log-odds to float precision, which the percentile scale may stretch to a few 1e-5.
    EXPECT_NEAR((*exact)[i].score.score, (*fast)[i].score.score, 1e-3);
    EXPECT_FALSE((*fast)[i].score.reasons.empty());
  }
}

TEST(NameList, PlainListsAndCompanyFilesBothGiveNames) {
  auto plain = parse_names("Stripe\n\n  Notion \r\nLinear\n", "test");
  ASSERT_TRUE(plain);
  EXPECT_EQ(*plain, (std::vector<std::string>{"Stripe", "Notion", "Linear"}));
  auto table = parse_names("name\tyear\nStripe\t2010\nNotion\t2013\n", "test");
  ASSERT_TRUE(table);
  EXPECT_EQ(*table, (std::vector<std::string>{"Stripe", "Notion"}));
  auto csv = parse_names("id,\"Name\"\n1,\"Acme, Inc.\"\n", "test");
  ASSERT_TRUE(csv);
  EXPECT_EQ(*csv, (std::vector<std::string>{"Acme, Inc."}));
  EXPECT_FALSE(parse_names("Stripe\n\xff\n", "test"));
}

}  // namespace
}  // namespace snai::naming
