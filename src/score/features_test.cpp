// The quality model's features, one small function at a time, and NameFeatures without any
// data resource (the neutral values) on ordinary and hostile input.
#include "score/features.hpp"

#include <gtest/gtest.h>

#include "screening/name_screen.hpp"

#include <cmath>
#include <set>
#include <string>

namespace snai::score {
namespace {

TEST(FeatureNames, OnePerFeatureAllDistinct) {
  std::set<std::string_view> seen;
  for (auto name : kFeatureNames) {
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(seen.insert(name).second) << name;
  }
  EXPECT_EQ(kFeatureNames[kNearFamous], "near_famous");
  EXPECT_EQ(kFeatureNames[kGenericWords], "generic_words");
}

TEST(Syllables, CountsVowelGroupsWithoutSilentE) {
  EXPECT_EQ(count_syllables("stripe"), 1);
  EXPECT_EQ(count_syllables("notion"), 2);
  EXPECT_EQ(count_syllables("spotify"), 3);
  EXPECT_EQ(count_syllables("able"), 2);
  EXPECT_EQ(count_syllables("lyft"), 1);
  EXPECT_EQ(count_syllables("xkqzvbn"), 0);
  EXPECT_EQ(count_syllables(""), 0);
}

TEST(LetterPatterns, RunsDoublesAndVariety) {
  EXPECT_EQ(longest_consonant_run("xkqzvbn"), 7);
  EXPECT_EQ(longest_consonant_run("strength"), 4);  // s-t-r, then n-g-t-h
  EXPECT_EQ(longest_consonant_run("banana"), 1);
  EXPECT_EQ(longest_vowel_run("queue"), 4);
  EXPECT_EQ(double_letters("bookkeeper"), 3);
  EXPECT_EQ(double_letters("stripe"), 0);
  EXPECT_EQ(longest_same_letter_run("aaaa"), 4);
  EXPECT_EQ(longest_same_letter_run("google"), 2);
  EXPECT_DOUBLE_EQ(letter_variety("abab"), 0.5);
  EXPECT_DOUBLE_EQ(letter_variety("abcd"), 1.0);
  EXPECT_NEAR(vowel_ratio("banana"), 0.5, 1e-9);
  EXPECT_EQ(vowel_ratio(""), 0);
}

TEST(LetterPatterns, KeyboardWalksStandOut) {
  EXPECT_DOUBLE_EQ(keyboard_walk_fraction("asdfgh"), 1.0);
  EXPECT_GE(keyboard_walk_fraction("qwerty"), 0.99);
  EXPECT_LT(keyboard_walk_fraction("stripe"), 0.5);
  EXPECT_LT(keyboard_walk_fraction("notion"), 0.5);
  EXPECT_EQ(keyboard_walk_fraction("a"), 0);
}

TEST(NameParts, SplitsAtSpacesHyphensAndPunctuation) {
  EXPECT_EQ(name_parts("K-Scale Labs"), (std::vector<std::string>{"k", "scale", "labs"}));
  EXPECT_EQ(name_parts("  node.js "), (std::vector<std::string>{"node", "js"}));
  EXPECT_TRUE(name_parts("").empty());
  EXPECT_TRUE(is_descriptor_word("labs"));
  EXPECT_TRUE(is_descriptor_word("bio"));
  EXPECT_FALSE(is_descriptor_word("granza"));
}

TEST(SoundKey, FoldsSpellingsThatSoundAlike) {
  EXPECT_EQ(sound_key("netfliks"), sound_key("netflix"));
  EXPECT_EQ(sound_key("gooogle"), sound_key("google"));
  EXPECT_EQ(sound_key("dropboxx"), sound_key("dropbox"));
  EXPECT_EQ(sound_key("amaz0n"), sound_key("amazon"));
  EXPECT_EQ(sound_key("fotoshop"), sound_key("photoshop"));
  EXPECT_NE(sound_key("stripe"), sound_key("strive"));
}

TEST(BrandNeighbours, FindsOneEditButNotItself) {
  BrandNeighbours b(std::vector<std::string>{"Stripe", "Google", "Notion", "IBM"});
  EXPECT_EQ(b.nearest("Gooogle").name, "Google");
  EXPECT_EQ(b.nearest("Gooogle").key_letters, 6);   // insertion
  EXPECT_EQ(b.nearest("Strpe").name, "Stripe");     // deletion
  EXPECT_EQ(b.nearest("Notian").name, "Notion");    // substitution
  EXPECT_EQ(b.nearest("Stirpe").name, "Stripe");    // two neighbours swapped
  EXPECT_EQ(b.nearest("Stripe").name, "");          // the brand itself
  EXPECT_EQ(b.nearest("Git Hub").name, "");
  EXPECT_EQ(b.nearest("IBN").name, "");             // keys under four letters are not indexed
  EXPECT_EQ(b.nearest("Zapier").name, "");
  EXPECT_EQ(b.nearest("Gugle").name, "Google");  // sounds alike, then one edit
  BrandNeighbours v(std::vector<std::string>{"Verizon"});
  EXPECT_EQ(v.nearest("Ericsson").name, "");     // a deletion each, at different places: two edits
}

TEST(NameFeatures, CountsShapeWithoutResources) {
  NameFeatures f({});
  auto v = f.compute("K-Scale Labs").values;
  EXPECT_EQ(v[kLetters], 10);
  EXPECT_EQ(v[kWords], 2);
  EXPECT_EQ(v[kHyphens], 1);
  EXPECT_EQ(v[kDigits], 0);
  EXPECT_EQ(v[kDescriptorSuffix], 1);
  EXPECT_EQ(v[kComLabel], 11);
  EXPECT_EQ(v[kLongestWord], 5);
  EXPECT_EQ(v[kParts], 3);
  EXPECT_EQ(f.compute("Best Online Shoe Store").values[kGenericWords], 3);
  auto spam = f.compute("aaaa-1234").values;
  EXPECT_EQ(spam[kDigits], 4);
  EXPECT_EQ(spam[kSameLetterRun], 4);
  EXPECT_EQ(spam[kDescriptorSuffix], 0);
  // Without a character model there is nothing to say: the lowest pronounceability.
  EXPECT_LT(v[kPronounceable], -5);
  EXPECT_EQ(v[kNearBrand], 0);
}

TEST(NameFeatures, NearBrandCarriesTheBrand) {
  BrandNeighbours b(std::vector<std::string>{"Stripe"});
  NameFeatures f({.brands = &b});
  auto v = f.compute("Strype");
  EXPECT_EQ(v.values[kNearBrand], 6);
  EXPECT_EQ(v.near_brand, "Stripe");
  auto labs = f.compute("Strype Labs");  // the company word is not part of the copy
  EXPECT_EQ(labs.values[kNearBrand], 6);
  EXPECT_EQ(f.compute("Stripe Labs").values[kNearBrand], 0);
}

TEST(NegativeWords, MatchesWordsAndSimpleDerivations) {
  NegativeWords neg({"doom", "death", "rot"});
  EXPECT_TRUE(neg.contains("doom"));
  EXPECT_TRUE(neg.contains("deathly"));
  EXPECT_TRUE(neg.contains("dooms"));
  EXPECT_FALSE(neg.contains("rotation"));
  EXPECT_FALSE(neg.contains("stripe"));
  NameFeatures f({.negative_words = &neg});
  auto v = f.compute("Doom Capital");
  EXPECT_EQ(v.values[kNegativeWords], 1);
  EXPECT_EQ(v.negative_word, "doom");
}

TEST(NameFeatures, RepeatedParts) {
  NameFeatures f({});
  EXPECT_EQ(f.compute("Go-Go-Go-Go").values[kRepeatedParts], 3);
  EXPECT_EQ(f.compute("Blah Blah Blah").values[kRepeatedParts], 2);
  EXPECT_EQ(f.compute("Hugging Face").values[kRepeatedParts], 0);
}

TEST(NameFeatures, FindingsGivenByTheCallerStandForTheScreen) {
  screening::ScreenWordLists lists;
  lists.known_words = {"kill", "labs", "note"};
  lists.segment_words = {"kill", "labs", "note"};
  lists.negative = {{"kill", "killing"}};
  auto screen = screening::NameScreen::from_lists(lists);
  NameFeatures f({.screen = &screen});
  for (std::string name : {"Kill Labs", "NoteLabs", "Notely"}) {
    auto findings = screen.screen(name);
    EXPECT_EQ(f.compute(name, {}, &findings).values, f.compute(name).values) << name;
    EXPECT_EQ(f.compute(name, {}, &findings).screen_reading, f.compute(name).screen_reading) << name;
  }
  EXPECT_EQ(f.compute("Kill Labs").values[kScreen], 1);
  // Given findings are not checked again: none given, none counted.
  std::vector<screening::ScreenFinding> none;
  EXPECT_EQ(f.compute("Kill Labs", {}, &none).values[kScreen], 0);
}

TEST(NameFeatures, HostileInputGivesFiniteValues) {
  NameFeatures f({});
  for (std::string name : {std::string(), std::string(500, 'x'), std::string("東京テック"), std::string("🚀🚀"),
                           std::string("\t \n"), std::string("a\0b", 3)}) {
    auto v = f.compute(name);
    for (float x : v.values) EXPECT_TRUE(std::isfinite(x)) << name;
  }
  EXPECT_EQ(f.compute("東京テック").values[kNonAscii], 15);
  EXPECT_EQ(f.compute("").values[kLetters], 0);
}

}  // namespace
}  // namespace snai::score
