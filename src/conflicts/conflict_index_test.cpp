#include "conflicts/conflict_index.hpp"

#include <gtest/gtest.h>

#include "conflicts/conflict_json.hpp"
#include "lexicon/testing/mini_lexicon.hpp"

namespace snai::conflicts {
namespace {

brands::BrandRegistry small_registry() {
  return brands::BrandRegistry::from({{"Lyft", {}, "t"},
                                      {"Stripe", {}, "t"},
                                      {"Flickr", {}, "t"},
                                      {"Notion", {}, "t"},
                                      {"Microsoft", {}, "t"},
                                      {"PayPal", {}, "t"},
                                      {"GitHub", {"GH"}, "t"},
                                      {"Slack", {}, "t"},
                                      {"Figma", {}, "t"},
                                      {"Dropbox", {}, "t"},
                                      {"Box", {}, "t"},
                                      {"Go", {}, "t"}});
}

class ConflictIndexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pronouncer_ = new lexicon::Pronouncer(lexicon::testing::mini_lexicon().lexicon);
    auto built = ConflictIndex::build(small_registry(), {.pronouncer = pronouncer_});
    ASSERT_TRUE(built) << built.error().message;
    index_ = new ConflictIndex(std::move(*built));
  }
  static void TearDownTestSuite() {
    delete index_;
    delete pronouncer_;
  }

  static ConflictMatch top(std::string_view name) {
    auto matches = index_->find(name, 5);
    EXPECT_TRUE(matches) << matches.error().message;
    if (!matches || matches->empty()) return {};
    return matches->front();
  }

  static lexicon::Pronouncer* pronouncer_;
  static ConflictIndex* index_;
};
lexicon::Pronouncer* ConflictIndexTest::pronouncer_ = nullptr;
ConflictIndex* ConflictIndexTest::index_ = nullptr;

TEST_F(ConflictIndexTest, IndexesEveryNameAndAlias) {
  EXPECT_EQ(index_->brand_count(), 12u);
  EXPECT_EQ(index_->entry_count(), 13u);
}

TEST_F(ConflictIndexTest, TheSameNameIsHighRisk) {
  auto m = top("stripe");
  EXPECT_EQ(m.brand, "Stripe");
  EXPECT_EQ(m.risk, Risk::high);
  EXPECT_DOUBLE_EQ(m.spelling, 1.0);
  EXPECT_EQ(m.reason, "same name as Stripe");
  auto alias = top("G.H.");
  EXPECT_EQ(alias.brand, "GitHub");
  EXPECT_EQ(alias.risk, Risk::high);
  EXPECT_EQ(alias.reason, "same name as GitHub (also known as GH)");
}

TEST_F(ConflictIndexTest, SoundAlikesAreHighRisk) {
  for (auto [name, brand] : {std::pair{"Lift", "Lyft"}, {"Flicker", "Flickr"}, {"Strype", "Stripe"},
                             {"Paypall", "PayPal"}, {"Fygma", "Figma"}}) {
    auto m = top(name);
    EXPECT_EQ(m.brand, brand) << name;
    EXPECT_EQ(m.risk, Risk::high) << name << ": " << m.reason;
  }
  EXPECT_EQ(top("Lift").reason, "sounds like Lyft");
}

TEST_F(ConflictIndexTest, LookAlikesAndOneLetterEditsAreHighRisk) {
  auto m = top("rnicrosoft");
  EXPECT_EQ(m.brand, "Microsoft");
  EXPECT_EQ(m.risk, Risk::high);
  EXPECT_EQ(m.reason.substr(0, 20), "looks like Microsoft");
  m = top("Stribe");
  EXPECT_EQ(m.brand, "Stripe");
  EXPECT_EQ(m.risk, Risk::high);
  EXPECT_EQ(m.reason.substr(0, 22), "one letter from Stripe");
  m = top("Notiom");
  EXPECT_EQ(m.brand, "Notion");
  EXPECT_EQ(m.risk, Risk::high);
  m = top("Stripehq");
  EXPECT_EQ(m.brand, "Stripe");
  EXPECT_EQ(m.risk, Risk::high);
  EXPECT_EQ(m.reason, "contains Stripe");
}

TEST_F(ConflictIndexTest, UnrelatedNamesAndShortBrandsAreNotHighRisk) {
  for (const char* name : {"Zumvoqa", "Quibble", "Tenderloin", "Marzipan", "Fox", "Gro"}) {
    auto matches = index_->find(name, 5);
    ASSERT_TRUE(matches) << name;
    for (const auto& m : *matches) EXPECT_NE(m.risk, Risk::high) << name << " vs " << m.brand << ": " << m.reason;
  }
}

TEST_F(ConflictIndexTest, OneMatchPerBrandBestFirstWithinTheLimit) {
  auto matches = index_->find("Githubb", 3);
  ASSERT_TRUE(matches);
  ASSERT_FALSE(matches->empty());
  EXPECT_LE(matches->size(), 3u);
  EXPECT_EQ(matches->front().brand, "GitHub");
  for (std::size_t i = 1; i < matches->size(); ++i) {
    EXPECT_NE((*matches)[i].brand, "GitHub");
    EXPECT_GE((*matches)[i - 1].risk, (*matches)[i].risk);
  }
}

TEST_F(ConflictIndexTest, BadNamesAreErrors) {
  for (std::string bad : {std::string("!!!"), std::string(""), std::string(101, 'a'), std::string("\xF0\x9F\x9A\x80")}) {
    auto matches = index_->find(bad);
    ASSERT_FALSE(matches) << bad;
    EXPECT_EQ(matches.error().code, ErrorCode::invalid_argument);
  }
  auto checked = index_->check({"Lift", "??"});
  ASSERT_FALSE(checked);
}

TEST_F(ConflictIndexTest, JsonKeepsInputOrderAndTheFixedShape) {
  auto results = index_->check({"Strype", "Lift", "Zumvoqa"}, 2);
  ASSERT_TRUE(results) << results.error().message;
  auto json = to_json(*results);
  ASSERT_EQ(json["results"].size(), 3u);
  EXPECT_EQ(json["results"][0]["name"], "Strype");
  EXPECT_EQ(json["results"][1]["name"], "Lift");
  EXPECT_EQ(json["results"][2]["name"], "Zumvoqa");
  const auto& first = json["results"][0]["matches"][0];
  EXPECT_EQ(first["brand"], "Stripe");
  EXPECT_EQ(first["risk"], "high");
  for (const char* key : {"spelling", "sound", "meaning"}) {
    ASSERT_TRUE(first[key].is_number()) << key;
    EXPECT_GE(first[key].get<double>(), 0.0);
    EXPECT_LE(first[key].get<double>(), 1.0);
  }
  EXPECT_TRUE(first["reason"].is_string());
  EXPECT_LE(json["results"][1]["matches"].size(), 2u);
}

TEST(ConflictIndexWithoutPronouncer, FallsBackToMetaphoneForSound) {
  auto built = ConflictIndex::build(small_registry(), {});
  ASSERT_TRUE(built);
  auto matches = built->find("Lift");
  ASSERT_TRUE(matches);
  ASSERT_FALSE(matches->empty());
  EXPECT_EQ(matches->front().brand, "Lyft");
  EXPECT_EQ(matches->front().risk, Risk::high);
  EXPECT_DOUBLE_EQ(matches->front().meaning, 0.0);
}

}  // namespace
}  // namespace snai::conflicts
