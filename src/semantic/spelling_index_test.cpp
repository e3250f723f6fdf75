#include "semantic/spelling_index.hpp"

#include <gtest/gtest.h>

namespace snai::semantic {
namespace {

TEST(SpellingIndex, FindsWordsSpeltAlikeBestFirst) {
  std::vector<std::string> words{"notary", "note", "notation", "coffee", "medical_man", "toffee", "x"};
  SpellingIndex index(words);
  auto near = index.similar("Notara", 3);
  ASSERT_FALSE(near.empty());
  EXPECT_EQ(words[near.front().first], "notary");
  for (std::size_t i = 1; i < near.size(); ++i) EXPECT_GE(near[i - 1].second, near[i].second);
  for (auto [id, sim] : near) EXPECT_NE(words[id], "coffee");
  auto coffee = index.similar("coffea", 2);
  ASSERT_FALSE(coffee.empty());
  EXPECT_EQ(words[coffee.front().first], "coffee");
}

TEST(SpellingIndex, IgnoresPhrasesAndNonsense) {
  SpellingIndex index({"medical_man", "ab"});
  EXPECT_TRUE(index.similar("medical", 5).empty());
  EXPECT_TRUE(index.similar("zzqxj", 5).empty());
  EXPECT_TRUE(index.similar("", 5).empty());
}

}  // namespace
}  // namespace snai::semantic
