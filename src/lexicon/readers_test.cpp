#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lexicon/cmudict_reader.hpp"
#include "lexicon/internal/espeak.hpp"
#include "lexicon/phoneme.hpp"
#include "lexicon/word_key.hpp"
#include "lexicon/wordnet_reader.hpp"

namespace snai::lexicon {
namespace {

TEST(WordnetReader, ParsesARealDataLine) {
  auto synset = parse_wordnet_data_line(
      "03251766 06 n 02 dryer 0 drier 0 005 @ 02729837 n 0000 + 00218475 v 0201 + 00219403 v 0201 "
      "~ 03050655 n 0000 ~ 03483316 n 0000 | an appliance that removes moisture  ");
  ASSERT_TRUE(synset) << synset.error().message;
  EXPECT_EQ(synset->offset, 3251766u);
  EXPECT_EQ(synset->lex_filenum, 6);
  EXPECT_EQ(synset->pos, Pos::noun);
  EXPECT_THAT(synset->words, ::testing::ElementsAre("dryer", "drier"));
  ASSERT_EQ(synset->pointers.size(), 5u);
  EXPECT_EQ(synset->pointers[1].relation, Relation::derivation);
  EXPECT_EQ(synset->pointers[1].target_pos, Pos::verb);
  EXPECT_EQ(synset->pointers[1].source_word, 2);
  EXPECT_EQ(synset->pointers[1].target_word, 1);
  EXPECT_EQ(synset->definition, "an appliance that removes moisture");
}

TEST(WordnetReader, AdjectiveMarkersAndSatellites) {
  auto synset = parse_wordnet_data_line("00003553 00 s 02 emergent(a) 0 emerging 0 001 & 00003356 a 0000 | coming into existence; \"an emergent republic\"  ");
  ASSERT_TRUE(synset);
  EXPECT_TRUE(synset->satellite);
  EXPECT_EQ(synset->pos, Pos::adjective);
  EXPECT_THAT(synset->words, ::testing::ElementsAre("emergent", "emerging"));
  EXPECT_THAT(synset->examples, ::testing::ElementsAre("an emergent republic"));
}

TEST(WordnetReader, SplitsGlossIntoDefinitionAndExamples) {
  auto [definition, examples] = split_gloss(
      "(usually followed by `to') having the necessary means; \"able to swim\"; \"she was able to program\"");
  EXPECT_EQ(definition, "(usually followed by `to') having the necessary means");
  EXPECT_THAT(examples, ::testing::ElementsAre("able to swim", "she was able to program"));
}

TEST(WordnetReader, RejectsBrokenLines) {
  EXPECT_FALSE(parse_wordnet_data_line("garbage"));
  EXPECT_FALSE(parse_wordnet_data_line("00000100 18 n 02 doctor 0"));  // words cut short
  EXPECT_FALSE(parse_wordnet_data_line("00000100 99 n 01 doctor 0 000 | x"));
  auto index = parse_wordnet_index_line("doctor n 4 5 @ ~ #m + ; 4 3 10020890 10022111 00432356 10021892  ");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->offsets.size(), 4u);
  EXPECT_FALSE(parse_wordnet_index_line("doctor n 4 5 @ ~ #m + ; 4 3 10020890"));
}

TEST(CmudictReader, ParsesFestivalSyllables) {
  auto entry = parse_cmudict_line("(\"abandonment\" nil (((ax) 0) ((b ae n) 1) ((d ax n) 0) ((m ax n t) 0)))");
  ASSERT_TRUE(entry) << entry.error().message;
  EXPECT_EQ(entry->word, "abandonment");
  EXPECT_EQ(to_arpabet(entry->pronunciation.phonemes), "AH0 B AE1 N D AH0 N M AH0 N T");
  EXPECT_THAT(entry->pronunciation.syllable_starts, ::testing::ElementsAre(0, 1, 4, 7));
  EXPECT_FALSE(parse_cmudict_line("(\"x\" nil (((zz) 1)))"));
  EXPECT_FALSE(parse_cmudict_line("(\"x\" nil (((k) 1)"));
  EXPECT_FALSE(parse_cmudict_line("not a line"));
}

TEST(Phoneme, ParsesAndPrintsArpabet) {
  auto phonemes = parse_arpabet("D AA1 K T ER0");
  ASSERT_TRUE(phonemes);
  EXPECT_EQ(count_syllables(*phonemes), 2);
  EXPECT_EQ(to_arpabet(*phonemes), "D AA1 K T ER0");
  EXPECT_EQ(to_arpabet(rhyme_part(*phonemes)), "AA1 K T ER0");
  EXPECT_THAT(syllabify_phonemes(*parse_arpabet("M AA1 N S T ER0")), ::testing::ElementsAre(0, 3));  // mon·ster
  EXPECT_THAT(syllabify_phonemes(*parse_arpabet("D AA1 K T ER0")), ::testing::ElementsAre(0, 3));    // doc·tor
  EXPECT_FALSE(parse_arpabet("D QQ1"));
}

TEST(Espeak, MapsIpaToArpabet) {
  EXPECT_EQ(to_arpabet(internal::ipa_to_arpabet("k_w_ˈɪ_v_ɚ")), "K W IH1 V ER0");
  EXPECT_EQ(to_arpabet(internal::ipa_to_arpabet("n_oʊ_t_ˈɑːɹ_ɹ_ə")), "N OW0 T AA1 R R AH0");
  EXPECT_EQ(to_arpabet(internal::ipa_to_arpabet("tʃ_ˈɜː_tʃ")), "CH ER1 CH");
  EXPECT_EQ(to_arpabet(internal::ipa_to_arpabet("ˌeɪ_ˈaɪ")), "EY2 AY1");
  EXPECT_EQ(to_arpabet(internal::ipa_to_arpabet("b_ʌ_ɾ_ɚ")), "B AH1 T ER0");  // unmarked: first vowel stressed
}

TEST(WordKey, Normalises) {
  EXPECT_EQ(normalize_word("  Medical_Practitioner "), "medical practitioner");
  EXPECT_EQ(normalize_word("ÉLAN"), "élan");
  EXPECT_EQ(normalize_word("a \t b"), "a b");
}

}  // namespace
}  // namespace snai::lexicon
