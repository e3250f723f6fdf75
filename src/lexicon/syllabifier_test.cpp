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

TEST(Syllabifier, NeverCutsInsideALetter) {
  EXPECT_THAT(split_spelling("aper\u00e7us", 3), ElementsAre("a", "per", "\u00e7us"));  // aperçus
  for (std::string_view word : {"ca\u00f1adas", "pens\u00e9es", "soir\u00e9es", "na\u00efve", "\u00e7a\u00e7a\u00e7a"}) {
    for (int count = 0; count <= 4; ++count) {
      std::string joined;
      for (const auto& piece : split_spelling(word, count)) {
        EXPECT_FALSE(piece.empty()) << word;
        EXPECT_NE(static_cast<unsigned char>(piece.front()) & 0xC0, 0x80) << word << " " << count;  // starts a letter
        joined += piece;
      }
      EXPECT_EQ(joined, word) << count;
    }
  }
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
