#include "generate/request.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "generate/letters.hpp"
#include "generate/strategy.hpp"

namespace snai::generate {
namespace {

GenerateRequest valid() { return {.description = "AI note-taking for doctors"}; }

TEST(GenerateRequest, ValidatesRangesAndNamesTheField) {
  EXPECT_TRUE(validate(valid()));
  auto field_of = [](GenerateRequest r) { return validate(r).error().field; };
  auto r = valid();
  r.count = 0;
  EXPECT_EQ(field_of(r), "count");
  r.count = 100000;
  EXPECT_EQ(field_of(r), "count");
  r = valid();
  r.min_length = 9;
  r.max_length = 4;
  EXPECT_EQ(field_of(r), "min_length");
  r = valid();
  r.max_length = 65;
  EXPECT_EQ(field_of(r), "max_length");
  r = valid();
  r.description = "notes\x01for doctors";
  EXPECT_EQ(field_of(r), "description");
  r = valid();
  r.description = "bad \xff utf8";
  EXPECT_EQ(field_of(r), "description");
  r = valid();
  r.starts_with = "a.b";
  EXPECT_EQ(field_of(r), "starts_with");
  r = valid();
  r.exclude = {"ok", std::string(40, 'x')};
  EXPECT_EQ(field_of(r), "exclude");
  r = valid();
  r.keywords.assign(21, "word");
  EXPECT_EQ(field_of(r), "keywords");
}

TEST(Constraints, LengthCountsLettersAndDigitsOnly) {
  EXPECT_EQ(name_length("Note Labs"), 8);
  EXPECT_EQ(name_length("K-Scale"), 6);
  auto r = valid();
  r.min_length = 5;
  r.max_length = 8;
  Constraints c(r);
  EXPECT_TRUE(c.admits("Note Labs"));
  EXPECT_FALSE(c.admits("Note"));
  EXPECT_FALSE(c.admits("NoteScribes"));
}

TEST(Constraints, FiltersAreCaseAndSpacingInsensitive) {
  auto r = valid();
  r.starts_with = "Note";
  r.ends_with = "labs";
  r.contains = "es";
  r.exclude = {"Scribe"};
  Constraints c(r);
  EXPECT_TRUE(c.admits("Notes Labs"));
  EXPECT_FALSE(c.admits("Note Labs"));        // no "es"
  EXPECT_FALSE(c.admits("NoteScribes Labs"));  // excluded word
  EXPECT_FALSE(c.admits("Memo Notes Labs"));   // does not start with note
  EXPECT_NE(c.describe().find("starting with \"note\""), std::string::npos);
}

TEST(Letters, RunsAndSyllableEstimates) {
  EXPECT_EQ(longest_consonant_run("strength"), 4);  // "ngth"
  EXPECT_EQ(longest_consonant_run("angsts"), 5);
  EXPECT_EQ(longest_vowel_run("queueing"), 5);
  EXPECT_TRUE(has_triple_letter("bossship"));
  EXPECT_FALSE(has_triple_letter("bookkeeper"));
  EXPECT_EQ(vowel_groups("doctor"), 2);
  EXPECT_EQ(vowel_groups("flyr"), 1);
}

TEST(Strategy, JoinWordsKeepsBoundariesReadable) {
  EXPECT_EQ(join_words("note", "scribe"), "NoteScribe");
  EXPECT_EQ(join_words("boss", "ship"), "");  // three s in a row
  EXPECT_EQ(join_words("", "ship"), "");
}

TEST(Strategy, JitteredOrderIsSeededAndKeepsStrongOptionsAhead) {
  std::vector<double> weights{0.1, 1.0, 0.5, 0.05, 0.9};
  auto a = strategy_rng(42, Style::compound), b = strategy_rng(42, Style::compound), c = strategy_rng(42, Style::blend);
  auto first = jittered_order(weights, a), second = jittered_order(weights, b), other = jittered_order(weights, c);
  EXPECT_EQ(first, second);
  EXPECT_EQ(first.size(), weights.size());
  EXPECT_TRUE(first[0] == 1 || first[0] == 4);  // 1.0 and 0.9 stay ahead of 0.5 under ±25% jitter
  EXPECT_TRUE(first.back() == 3 || first.back() == 0);
  EXPECT_EQ(other.size(), weights.size());
}

TEST(Strategy, JitteredOrderReadInPartsIsTheStableSortOfTheWhole) {
  // 1,000 options, many tied (zero weights stay zero whatever the jitter): the lazily sorted
  // order must be the stable sort's, read one element or all at once.
  std::vector<double> weights;
  for (int i = 0; i < 1000; ++i) weights.push_back(i % 3 == 0 ? 0.0 : double((i * 7919) % 101) / 100);
  auto rng = strategy_rng(7, Style::compound), same = rng;
  std::uniform_real_distribution<double> factor(0.75, 1.25);
  std::vector<std::pair<double, std::size_t>> keyed;
  for (std::size_t i = 0; i < weights.size(); ++i) keyed.emplace_back(weights[i] * factor(same), i);
  std::ranges::stable_sort(keyed, [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::size_t> expected;
  for (const auto& [key, i] : keyed) expected.push_back(i);

  auto a = strategy_rng(7, Style::compound);
  EXPECT_EQ(jittered_order(weights, a), expected);
  auto b = strategy_rng(7, Style::compound);
  JitteredOrder order(weights, b);
  EXPECT_EQ(b(), same());  // every factor drawn up front, however little is read
  std::size_t read = 0;
  for (std::size_t i : order) {
    ASSERT_EQ(i, expected[read]) << "at " << read;
    if (++read == 40) break;
  }
  EXPECT_EQ(read, 40u);
}

TEST(CandidateSink, StopsAtTheTargetAndAfterTooManyRefusals) {
  CandidateSink sink(3, std::chrono::steady_clock::now() + std::chrono::hours(1), [](const Candidate&) { return true; });
  EXPECT_TRUE(sink.offer({.name = "A"}));
  EXPECT_TRUE(sink.offer({.name = "B"}));
  EXPECT_FALSE(sink.offer({.name = "C"}));  // target reached
  EXPECT_FALSE(sink.offer({.name = "D"}));
  EXPECT_EQ(sink.candidates().size(), 3u);

  CandidateSink refusing(3, std::chrono::steady_clock::now() + std::chrono::hours(1), [](const Candidate&) { return false; });
  int offers = 0;
  while (refusing.offer({.name = "x"}) && offers < 1'000'000) ++offers;
  EXPECT_LT(offers, 1000);  // gives up: impossible filters never hang a strategy
}

TEST(CandidateSink, StopsAtTheDeadline) {
  CandidateSink sink(1'000'000, std::chrono::steady_clock::now() - std::chrono::milliseconds(1),
                     [](const Candidate&) { return true; });
  int offers = 0;
  while (sink.offer({.name = "x"})) ++offers;
  EXPECT_LE(offers, 16);
}

}  // namespace
}  // namespace snai::generate
