#include "lexicon/syllabifier.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace snai::lexicon {
namespace {

using ::testing::ElementsAre;

TEST(Syllabifier, SplitsBySpelling) {
  EXPECT_THAT(split_spelling("notara"), ElementsAre("no", "ta", "ra"));
  EXPECT_THAT(split_spelling("doctor"), ElementsAre("doc", "tor"));
  EXPECT_THAT(split_spelling("scribe"), ElementsAre("scribe"));
  EXPECT_THAT(split_spelling("apple"), ElementsAre("ap", "ple"));
  EXPECT_THAT(split_spelling("instant"), ElementsAre("in", "stant"));
  EXPECT_THAT(split_spelling("mistake"), ElementsAre("mis", "take"));
  EXPECT_THAT(split_spelling("happy"), ElementsAre("hap", "py"));
  EXPECT_THAT(split_spelling("ticket"), ElementsAre("tick", "et"));
  EXPECT_THAT(split_spelling("Notes"), ElementsAre("Notes"));  // case kept
}

TEST(Syllabifier, FollowsAKnownSyllableCount) {
  EXPECT_THAT(split_spelling("quivr", 2), ElementsAre("qui", "vr"));
  EXPECT_THAT(split_spelling("piano", 3), ElementsAre("pi", "a", "no"));
  EXPECT_THAT(split_spelling("lion", 2), ElementsAre("li", "on"));
  EXPECT_EQ(split_spelling("every", 2).size(), 2u);
  EXPECT_THAT(split_spelling("rhythm", 2), ElementsAre("rhy", "thm"));
}

TEST(Syllabifier, EstimatesAndCopesWithOddInput) {
  EXPECT_EQ(estimate_syllables("scribewell"), 3);  // spelling alone cannot see the compound's silent e
  EXPECT_EQ(estimate_syllables("brr"), 1);
  EXPECT_EQ(estimate_syllables(""), 0);
  EXPECT_EQ(estimate_syllables("123"), 0);
  EXPECT_FALSE(split_spelling(std::string(10000, 'a')).empty());
}

}  // namespace
}  // namespace snai::lexicon
