// NameScreen's rules on a small hand-written vocabulary (no lexicon): parts, splits, the short-
// word rule, the dictionary exemption, invented words, negative parts, readings.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "screening/internal/word_trie.hpp"
#include "screening/name_screen.hpp"

namespace snai::screening {
namespace {

using Kind = ScreenFinding::Kind;

const NameScreen& screen() {
  static const NameScreen* built = [] {
    ScreenWordLists lists;
    lists.segment_words = {"a",    "an",     "is",      "it",     "the",    "who",    "up",    "pen",   "land",
                           "island", "expert", "change", "kid",    "kids",   "ex",     "presents", "finder",
                           "power", "gen",    "star",    "art",    "note",   "death",  "skill", "skills", "share",
                           "hare",  "ass",    "class",   "act",    "pass",   "age",    "rapist", "tan",   "cloud",
                           "grammar", "mole", "station", "nursery", "push", "its", "crap", "scrap", "book"};
    for (std::string w : {"woodcock", "wood", "assess", "ess", "craze", "therapist"}) lists.segment_words.push_back(w);
    lists.known_words = lists.segment_words;
    lists.function_words = {"a", "an", "is", "it", "the", "who", "up", "its"};
    for (std::string w : {"classic", "passage", "therapist", "scunthorpe", "shitake", "assassin", "titan", "scrapbook",
                          "peacock", "molestation", "skillshare"})
      lists.known_words.push_back(w);
    lists.offensive = {{"penis", true, "sexual"},   {"rapist", true, "sexual violence"},
                       {"sex", false, "sexual"},    {"whore", true, "sexual"},
                       {"genitalia", false, "sexual"}, {"ass", false, "profanity"},
                       {"tit", false, "sexual"},    {"nazi", true, "hate"},
                       {"shit", true, "profanity"}, {"cunt", true, "profanity"},
                       {"crap", false, "profanity"}, {"molestation", false, "sexual violence"},
                       {"cock", false, "sexual"}};
    lists.negative = {{"death", "death"}, {"kill", "killing"}, {"killed", "killing"}};
    return new NameScreen(NameScreen::from_lists(lists));
  }();
  return *built;
}

bool has(const std::vector<ScreenFinding>& findings, Kind kind, std::string_view word, std::string_view reading = {}) {
  return std::any_of(findings.begin(), findings.end(), [&](const ScreenFinding& f) {
    return f.kind == kind && f.word == word && (reading.empty() || f.reading == reading);
  });
}

TEST(WordTrie, FindsWordsAndPrefixes) {
  internal::WordTrie trie({{"pen", 1}, {"penis", 2}, {"land", 3}, {"pen", 9}});
  EXPECT_TRUE(trie.contains("pen"));
  EXPECT_TRUE(trie.contains("penis"));
  EXPECT_FALSE(trie.contains("peni"));
  EXPECT_FALSE(trie.contains("lan"));
  EXPECT_FALSE(trie.contains(""));
  auto node = trie.root();
  for (char c : std::string_view("pen")) node = *trie.child(node, c);
  EXPECT_EQ(trie.value(node), 1u);  // first value kept
  EXPECT_FALSE(trie.child(node, 'x'));
}

TEST(NameScreen, UnfortunateSplitsOfRunTogetherWords) {
  auto f = screen().screen("penisland");
  EXPECT_TRUE(has(f, Kind::unfortunate_split, "penis", "penis land"));
  EXPECT_TRUE(has(screen().screen("therapistfinder"), Kind::unfortunate_split, "rapist", "the rapist finder"));
  EXPECT_TRUE(has(screen().screen("whorepresents"), Kind::unfortunate_split, "whore", "whore presents"));
  EXPECT_TRUE(has(screen().screen("expertsexchange"), Kind::unfortunate_split, "sex", "expert sex change"));
  EXPECT_TRUE(has(screen().screen("powergenitalia"), Kind::unfortunate_split, "genitalia"));
  EXPECT_TRUE(has(screen().screen("molestationnursery"), Kind::unfortunate_split, "molestation", "molestation nursery"));
  EXPECT_TRUE(screen().blocked("penisland"));
}

TEST(NameScreen, OffensiveLettersInsideALongerWordOfTheSplitAreReadAsThatWord) {
  EXPECT_FALSE(screen().blocked("woodcockcraze"));  // "woodcock craze", not "wood cock craze"
  EXPECT_FALSE(screen().blocked("assesscraze"));    // "assess craze", not "ass ess craze"
  EXPECT_TRUE(screen().blocked("woodcocknazi"));    // another offensive word of the split still counts
  // ... unless the longer word is a function word plus the offensive word
  EXPECT_TRUE(has(screen().screen("therapistfinder"), Kind::unfortunate_split, "rapist", "the rapist finder"));
}

TEST(NameScreen, CamelCaseAndSpacesAreReadRunTogetherToo) {
  EXPECT_TRUE(has(screen().screen("PenIsland"), Kind::unfortunate_split, "penis", "penis land"));
  EXPECT_TRUE(has(screen().screen("Pen Island"), Kind::unfortunate_split, "penis"));
  EXPECT_TRUE(has(screen().screen("Kids-Exchange"), Kind::unfortunate_split, "sex", "kid sex change"));
}

TEST(NameScreen, DictionaryWordsAreReadAsThemselves) {
  for (auto name : {"classic", "Passage", "therapist", "Scunthorpe", "shitake", "assassin", "Titan", "scrapbook", "Peacock"})
    EXPECT_TRUE(screen().screen(name).empty()) << name;
}

TEST(NameScreen, ShortOffensiveWordsNeedLongNeighbours) {
  // "star tit up": the neighbour "up" is two letters, so no finding; "tit an cloud" likewise.
  EXPECT_FALSE(screen().blocked("startitup"));
  EXPECT_FALSE(screen().blocked("titancloud"));
  // "class act" vs "cl ass act": "cl" is not a word.
  EXPECT_FALSE(screen().blocked("classact"));
  // "pass age" fine; "kid sex change" flagged (three-letter neighbours).
  EXPECT_FALSE(screen().blocked("passagekid"));
  EXPECT_TRUE(screen().blocked("kidsexchange"));
}

TEST(NameScreen, LongOffensiveWordNeedsAFullSplit) {
  // "o" is not a segment word, so "openisland" does not split around "penis".
  EXPECT_FALSE(has(screen().screen("openisland"), Kind::unfortunate_split, "penis"));
  // "s crap book" needs the single letter "s": not a reading (and scrapbook is a word anyway).
  EXPECT_FALSE(screen().blocked("scrapbookpen"));
  EXPECT_TRUE(has(screen().screen("itscrap"), Kind::unfortunate_split, "crap", "its crap"));
}

TEST(NameScreen, OffensiveParts) {
  auto f = screen().screen("GrammarNazi");
  EXPECT_TRUE(has(f, Kind::offensive, "nazi", "nazi"));
  EXPECT_FALSE(has(f, Kind::unfortunate_split, "nazi"));  // reported once, as offensive
  EXPECT_TRUE(screen().blocked("grammar-nazi"));
  EXPECT_TRUE(has(screen().screen("Pea Cock"), Kind::offensive, "cock"));
  // The letters of a spaced-out name together form the word.
  EXPECT_TRUE(has(screen().screen("Pe Nis"), Kind::offensive, "penis"));
}

TEST(NameScreen, InventedWordsStartingOrEndingWithASevereWord) {
  EXPECT_TRUE(has(screen().screen("Shitzy"), Kind::unfortunate_split, "shit", "shit zy"));
  EXPECT_TRUE(has(screen().screen("Datacunt"), Kind::unfortunate_split, "cunt", "data cunt"));
  // not severe: "crap" at the start of an invented word is allowed ("crappie"-like)
  EXPECT_FALSE(screen().blocked("Crapolo"));
  // not at an edge
  EXPECT_FALSE(screen().blocked("Mishitola"));
}

TEST(NameScreen, NegativePartsArePenalisedNotBlocked) {
  auto f = screen().screen("KillSwitch");
  EXPECT_TRUE(has(f, Kind::negative, "kill"));
  EXPECT_FALSE(screen().blocked("KillSwitch"));
  EXPECT_TRUE(has(screen().screen("deathnote"), Kind::negative, "death", "death note"));
  // "skill share", never "s kill share"
  EXPECT_TRUE(screen().screen("skillsharepen").empty());
  EXPECT_TRUE(has(screen().screen("Killed"), Kind::negative, "killed"));
}

TEST(NameScreen, CleanNamesAndOddInput) {
  for (auto name : {"NoteStar", "pen", "Art Cloud", "", "123", "---", "Ünïcode", "ArtCloud2"})
    EXPECT_TRUE(screen().screen(name).empty()) << name;
  EXPECT_EQ(to_string(Kind::unfortunate_split), "unfortunate_split");
  EXPECT_TRUE(screen().is_offensive_word("penis"));
  EXPECT_FALSE(screen().is_offensive_word("pen"));
  EXPECT_TRUE(screen().is_negative_word("death"));
}

}  // namespace
}  // namespace snai::screening
