// Naming end to end on the real artifacts (label data; SNAI_TEST_DATA_DIR is built by
// scripts/test.sh): styles, constraints as properties over random requests, seeds, diversity
// and bad input.
#include <algorithm>
#include <chrono>
#include <gtest/gtest.h>
#include <map>
#include <random>
#include <set>

#include "naming/knowledge.hpp"
#include "naming/namer.hpp"
#include "naming/testing/descriptions.hpp"
#include "naming/testing/test_knowledge.hpp"

namespace snai::naming {
namespace {

using generate::GenerateRequest;
using generate::Style;

const Knowledge* knowledge = nullptr;

class NamerData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = testing::test_knowledge();
    ASSERT_TRUE(loaded) << loaded.error().describe();
    knowledge = *loaded;
  }
  Namer namer() const { return Namer(*knowledge); }
};

std::vector<std::string> names_of(const NamingResult& r) {
  std::vector<std::string> out;
  for (const auto& n : r.names) out.push_back(n.candidate.name);
  return out;
}

// Every style makes names for ordinary descriptions; the list a founder sees holds the styles
// that made a good name (a weak style is not forced in for variety), still several of them.
TEST_F(NamerData, AllNineStylesAppearForOrdinaryDescriptions) {
  ASSERT_TRUE(knowledge->char_model) << "charlm.bin missing: invented names cannot be made";
  auto n = namer();
  for (auto description : testing::kDescriptions) {
    for (auto style : generate::kAllStyles) {
      auto result = n.generate({.description = std::string(description), .styles = {style}, .count = 5, .seed = 11});
      ASSERT_TRUE(result) << description << ": " << result.error().describe();
      EXPECT_FALSE(result->names.empty()) << description << ": no " << generate::to_string(style) << " names";
    }
    auto mixed = n.generate({.description = std::string(description), .count = 20, .seed = 11});
    ASSERT_TRUE(mixed);
    std::set<Style> styles;
    for (const auto& name : mixed->names) styles.insert(name.candidate.style);
    // No style takes more than 30% of a list (ranker.hpp), so 20 names hold at least four styles.
    EXPECT_GE(styles.size(), 4u) << description;
  }
}

TEST_F(NamerData, ConstraintsHoldForRandomRequests) {
  auto n = namer();
  std::mt19937_64 rng(2026);
  const std::vector<std::string> fragments{"", "", "", "no", "a", "ly", "med", "o", "ar", "zq"};
  for (int trial = 0; trial < 60; ++trial) {
    GenerateRequest r{.description = std::string(testing::kDescriptions[rng() % testing::kDescriptions.size()]),
                      .count = int(1 + rng() % 40),
                      .seed = rng()};
    if (rng() % 2) r.min_length = int(3 + rng() % 6);
    if (rng() % 2) r.max_length = std::max(r.min_length, 0) + int(rng() % 8);
    if (r.max_length == 0 && r.min_length == 0 && rng() % 2) r.max_length = 6;
    switch (rng() % 4) {
      case 0: r.starts_with = fragments[rng() % fragments.size()]; break;
      case 1: r.ends_with = fragments[rng() % fragments.size()]; break;
      case 2: r.contains = fragments[rng() % fragments.size()]; break;
      default: break;
    }
    if (rng() % 3 == 0) r.exclude = {"dog", "a"};
    if (rng() % 3 == 0) r.styles = {generate::kAllStyles[rng() % 9], generate::kAllStyles[rng() % 9]};
    auto result = n.generate(r);
    ASSERT_TRUE(result) << r.description << ": " << result.error().describe();
    generate::Constraints constraints(r);
    EXPECT_LE(result->names.size(), std::size_t(r.count));
    if (result->names.size() < std::size_t(r.count)) EXPECT_FALSE(result->notes.empty()) << "a short list says why";
    std::set<std::string> folded;
    for (const auto& name : result->names) {
      const auto& c = name.candidate;
      EXPECT_TRUE(constraints.admits(c.name)) << c.name << " breaks " << constraints.describe();
      if (!r.styles.empty()) EXPECT_NE(std::ranges::find(r.styles, c.style), r.styles.end()) << c.name;
      EXPECT_TRUE(folded.insert(generate::fold_name(c.name)).second) << "repeated: " << c.name;
      ASSERT_TRUE(knowledge->brands);
      EXPECT_FALSE(knowledge->brands->contains(c.name)) << "an existing brand: " << c.name;
      EXPECT_FALSE(knowledge->screen.blocked(c.name)) << "offensive: " << c.name;
      EXPECT_GE(name.score.score, 0);
      EXPECT_LE(name.score.score, 100);
      EXPECT_FALSE(name.score.reasons.empty()) << c.name;
    }
  }
}

TEST_F(NamerData, SameSeedSameNamesOtherwiseVaried) {
  auto n = namer();
  GenerateRequest r{.description = "budgeting tool for freelancers", .count = 30, .seed = 5};
  auto a = n.generate(r), b = n.generate(r);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(names_of(*a), names_of(*b));
  r.seed.reset();
  auto c = n.generate(r), d = n.generate(r);
  ASSERT_TRUE(c && d);
  EXPECT_NE(names_of(*c), names_of(*d)) << "no seed: each request varies";
}

TEST_F(NamerData, TopTenShareNoRootUnlessAsked) {
  auto n = namer();
  for (auto description : {"AI note-taking for doctors", "dog walking app", "sleep tracking ring"}) {
    auto result = n.generate({.description = description, .count = 20, .seed = 3});
    ASSERT_TRUE(result);
    std::vector<std::string> roots;
    for (std::size_t i = 0; i < std::min<std::size_t>(10, result->names.size()); ++i)
      for (const auto& root : result->names[i].candidate.roots) {
        std::string key = generate::fold_name(root).substr(0, 4);
        EXPECT_EQ(std::ranges::count(roots, key), 0) << description << ": root " << root << " repeats in the top 10";
        roots.push_back(key);
      }
  }
}

TEST_F(NamerData, NamesTooCloseToExistingBrandsAreLeftOutUnlessAsked) {
  ASSERT_TRUE(knowledge->brand_index);
  auto n = namer();
  GenerateRequest r{.description = "online payments for businesses", .keywords = {"stripe"},
                    .styles = {Style::affix, Style::respelling, Style::dictionary, Style::blend}, .count = 60, .seed = 9};
  auto high_risk = [&](const NamingResult& result) {
    int risky = 0;
    for (const auto& name : result.names) {
      auto matches = knowledge->brand_index->find(name.candidate.name, 1);
      risky += matches && !matches->empty() && matches->front().risk == conflicts::Risk::high;
    }
    return risky;
  };
  auto screened = n.generate(r);
  ASSERT_TRUE(screened);
  EXPECT_FALSE(screened->names.empty());
  EXPECT_EQ(high_risk(*screened), 0);
  r.allow_similar_brands = true;
  auto allowed = n.generate(r);
  ASSERT_TRUE(allowed);
  EXPECT_GT(high_risk(*allowed), 0) << "asked: names like Stripely may appear";
}

// The generator's screen and /v1/conflicts (spelling, sound and meaning) agree: no name it returns
// is at high risk of confusion with a known brand.
TEST_F(NamerData, NoGeneratedNameIsAHighRiskConflictForTheFullIndex) {
  ASSERT_TRUE(knowledge->brands);
  auto full = conflicts::ConflictIndex::build(*knowledge->brands,
                                              {.pronouncer = &knowledge->pronouncer, .embeddings = &knowledge->embeddings});
  ASSERT_TRUE(full) << full.error().describe();
  auto n = namer();
  int names = 0;
  for (auto description : testing::kDescriptions) {
    auto result = n.generate({.description = std::string(description), .count = 15, .seed = 7});
    ASSERT_TRUE(result) << description;
    for (const auto& name : result->names) {
      ++names;
      auto matches = full->find(name.candidate.name, 1);
      ASSERT_TRUE(matches) << name.candidate.name;
      if (!matches->empty() && matches->front().risk == conflicts::Risk::high)
        ADD_FAILURE() << description << ": " << name.candidate.name << " " << matches->front().reason;
    }
  }
  EXPECT_GE(names, 250);
}

TEST_F(NamerData, ImpossibleFiltersReturnNothingQuicklyWithAReason) {
  auto n = namer();
  auto started = std::chrono::steady_clock::now();
  auto result = n.generate({.description = "dog walking app", .count = 50, .max_length = 3, .starts_with = "zqx"});
  ASSERT_TRUE(result);
  EXPECT_TRUE(result->names.empty());
  ASSERT_FALSE(result->notes.empty());
  EXPECT_NE(result->notes.back().find("zqx"), std::string::npos) << result->notes.back();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
}

TEST_F(NamerData, BadInputIsAClearErrorOrAUsefulFallback) {
  auto n = namer();
  auto field = [&](GenerateRequest r) {
    auto result = n.generate(r);
    return result ? std::string("ok") : result.error().field;
  };
  EXPECT_EQ(field({.description = ""}), "description");
  EXPECT_EQ(field({.description = "\xF0\x9F\x90\xB6\xF0\x9F\x9A\xB6"}), "description");  // emoji only
  EXPECT_EQ(field({.description = "dogs\x07walking"}), "description");
  EXPECT_EQ(field({.description = "dog walking", .count = 0}), "count");
  EXPECT_EQ(field({.description = "dog walking", .count = 100000}), "count");
  EXPECT_EQ(field({.description = "dog walking", .min_length = 9, .max_length = 3}), "min_length");
  // Keywords rescue a description with no usable words.
  EXPECT_EQ(field({.description = "\xF0\x9F\x90\xB6", .keywords = {"leash"}}), "ok");

  std::string long_description;
  while (long_description.size() < 10'000) long_description += "a friendly app for walking dogs in the park ";
  long_description.resize(10'000);
  auto started = std::chrono::steady_clock::now();
  auto result = n.generate({.description = long_description, .count = 20});
  ASSERT_TRUE(result) << result.error().describe();
  EXPECT_FALSE(result->names.empty());
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
}

}  // namespace
}  // namespace snai::naming
