#include "lexicon/pronunciation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "lexicon/testing/mini_lexicon.hpp"

namespace snai::lexicon {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::Not;

const Pronouncer& pronouncer() {
  static Pronouncer p(testing::mini_lexicon().lexicon);
  return p;
}

TEST(Pronouncer, FromTheCmuDictionary) {
  auto p = pronouncer().pronounce("Doctor");
  EXPECT_EQ(p.source, PronunciationSource::cmudict);
  EXPECT_EQ(p.arpabet(), "D AA1 K T ER0");
  EXPECT_EQ(p.syllable_count, 2);
  EXPECT_THAT(p.syllables, ElementsAre("doc", "tor"));
  EXPECT_THAT(p.phoneme_syllables, ElementsAre("D AA1 K", "T ER0"));
  EXPECT_EQ(p.stress, "10");
  EXPECT_THAT(pronouncer().pronounce("record").alternates, ElementsAre("R AH0 K AO1 R D"));
}

TEST(Pronouncer, CompoundOfTwoDictionaryWords) {
  auto p = pronouncer().pronounce("scribewell");
  EXPECT_EQ(p.source, PronunciationSource::compound);
  EXPECT_EQ(p.arpabet(), "S K R AY1 B W EH1 L");
  EXPECT_EQ(p.syllable_count, 2);
  EXPECT_EQ(p.spelled_syllables(), "scribe\u00b7well");
}

TEST(Pronouncer, InventedNamesFromEspeak) {
  if (!Pronouncer::espeak_available()) GTEST_SKIP() << "espeak-ng data is not installed";
  auto p = pronouncer().pronounce("Quivr");
  EXPECT_EQ(p.source, PronunciationSource::espeak);
  EXPECT_GE(p.syllable_count, 1);
  EXPECT_EQ(p.phonemes.front().symbol(), "K");
  EXPECT_EQ(p.syllables.size(), static_cast<std::size_t>(p.syllable_count));
  auto n = pronouncer().pronounce("Notara");
  EXPECT_EQ(n.syllable_count, 3);
  EXPECT_EQ(n.spelled_syllables(), "no\u00b7ta\u00b7ra");
}

TEST(Pronouncer, SeveralWordsAndOddInput) {
  auto p = pronouncer().pronounce("note boat");
  EXPECT_EQ(p.arpabet(), "N OW1 T B OW1 T");
  EXPECT_EQ(p.syllable_count, 2);
  auto empty = pronouncer().pronounce("  !!! 123 ");
  EXPECT_EQ(empty.syllable_count, 0);
  EXPECT_TRUE(empty.phonemes.empty());
  auto emoji = pronouncer().pronounce("\xF0\x9F\x9A\x80");
  EXPECT_EQ(emoji.syllable_count, 0);
  auto huge = pronouncer().pronounce(std::string(10000, 'b') + "a");
  EXPECT_EQ(huge.source, PronunciationSource::spelling);
}

TEST(Pronouncer, RhymesAndAlliteration) {
  auto rhymes = pronouncer().rhymes("note");
  EXPECT_THAT(rhymes, Contains("boat"));
  EXPECT_THAT(rhymes, Contains("vote"));
  EXPECT_THAT(rhymes, Not(Contains("note")));
  EXPECT_THAT(rhymes, Not(Contains("denote")));  // same sound before the vowel: not a rhyme
  EXPECT_EQ(pronouncer().rhyme_key("note"), "OW T");
  EXPECT_EQ(pronouncer().rhyme_key("doctor"), "AA K T ER");
  EXPECT_EQ(pronouncer().rhymes("note", 1).size(), 1u);
  EXPECT_TRUE(pronouncer().alliterates("boat", "Bwell"));
  EXPECT_FALSE(pronouncer().alliterates("note", "boat"));
}

TEST(Pronouncer, SafeFromSeveralThreads) {
  std::vector<std::thread> threads;
  std::vector<std::string> results(8);
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&, i] { results[i] = pronouncer().pronounce(i % 2 ? "zorblat" : "doctor").arpabet(); });
  for (auto& t : threads) t.join();
  for (int i = 2; i < 8; ++i) EXPECT_EQ(results[i], results[i % 2]);
}

}  // namespace
}  // namespace snai::lexicon
