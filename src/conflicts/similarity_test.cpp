#include "conflicts/similarity.hpp"

#include <gtest/gtest.h>

#include "lexicon/phoneme.hpp"

namespace snai::conflicts {
namespace {

PhonemeString phonemes(std::string_view arpabet) {
  PhonemeString out;
  auto parsed = lexicon::parse_arpabet(arpabet);
  EXPECT_TRUE(parsed) << arpabet;
  if (parsed)
    for (const auto& p : *parsed) out.push_back(p.id);
  return out;
}

TEST(Similarity, EditDistanceCountsSwapsAsOne) {
  EXPECT_EQ(edit_distance("lyft", "lift"), 1);
  EXPECT_EQ(edit_distance("stripe", "sritpe"), 2);
  EXPECT_EQ(edit_distance("stripe", "stirpe"), 1);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3);
  EXPECT_EQ(edit_distance("", "abc"), 3);
}

TEST(Similarity, VisualConfusablesCostLessThanOtherLetters) {
  EXPECT_GE(spelling_similarity("microsoft", "rnicrosoft"), 0.95);
  EXPECT_GT(spelling_similarity("paypal", "paypa1"), spelling_similarity("paypal", "paypax"));
  EXPECT_GT(spelling_similarity("google", "g00gle"), 0.85);
  EXPECT_GT(spelling_similarity("twitter", "tvvitter"), 0.9);
  EXPECT_EQ(visual_skeleton("rnicrosoft"), visual_skeleton("microsoft"));
  EXPECT_EQ(visual_skeleton("g00gle"), visual_skeleton("google"));
  EXPECT_EQ(visual_skeleton("paypa1"), visual_skeleton("paypal"));
  EXPECT_NE(visual_skeleton("stripe"), visual_skeleton("strike"));
}

TEST(Similarity, KeyboardSlipsSwapsAndDoubledLettersCostLess) {
  EXPECT_GT(spelling_similarity("stripe", "strioe"), spelling_similarity("stripe", "strize"));  // o is next to p
  EXPECT_GT(spelling_similarity("stripe", "stirpe"), spelling_similarity("stripe", "stnrpe"));
  EXPECT_GT(spelling_similarity("stripe", "strippe"), spelling_similarity("stripe", "stripez"));
  EXPECT_DOUBLE_EQ(spelling_similarity("notion", "notion"), 1.0);
  EXPECT_DOUBLE_EQ(spelling_similarity("", ""), 0.0);
  EXPECT_LT(spelling_similarity("stripe", "quorum"), 0.2);
  EXPECT_DOUBLE_EQ(spelling_distance("abc", "xyz"), spelling_distance("xyz", "abc"));
}

TEST(Similarity, NearSoundsCostLessThanUnrelatedOnes) {
  EXPECT_DOUBLE_EQ(sound_similarity(phonemes("L IH F T"), phonemes("L IH1 F T")), 1.0);
  EXPECT_GE(sound_similarity(phonemes("S T R AY P"), phonemes("S T R IH P")), 0.85);
  EXPECT_GE(sound_similarity(phonemes("F L IH K ER"), phonemes("F L IH K R")), 0.9);
  EXPECT_GT(sound_similarity(phonemes("B AE NG K"), phonemes("P AE NG K")),
            sound_similarity(phonemes("B AE NG K"), phonemes("L AE NG K")));
  EXPECT_LT(sound_similarity(phonemes("S T R AY P"), phonemes("K L AW D")), 0.3);
  EXPECT_DOUBLE_EQ(sound_similarity({}, phonemes("K")), 0.0);
}

}  // namespace
}  // namespace snai::conflicts
