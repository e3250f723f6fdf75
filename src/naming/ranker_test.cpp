#include "naming/ranker.hpp"

#include <gtest/gtest.h>
#include <map>
#include <set>

namespace snai::naming {
namespace {

using generate::Style;

// Names at least three edits apart from each other, so none collapse as near-duplicates:
// "Kaaabbb", "Kbbbbbb" ...
std::string distinct_name(int i) {
  std::string out = "K";
  for (int k = 0; k < 3; ++k) out += char('a' + i % 26);
  for (int k = 0; k < 3; ++k) out += char('b' + i / 26);
  return out;
}

ScoredName named(std::string name, Style style, double score, std::vector<std::string> roots) {
  return {.candidate = {.name = std::move(name), .style = style, .parts = roots, .roots = roots, .relevance = 0.5},
          .score = {.score = score}};
}

TEST(SoundKey, RespellingsSoundTheSame) {
  EXPECT_EQ(sound_key("Lyft"), sound_key("lift"));
  EXPECT_EQ(sound_key("Flickr"), sound_key("Flicker"));
  EXPECT_EQ(sound_key("Kwik"), sound_key("quick"));
  EXPECT_EQ(sound_key("Klinik"), sound_key("clinic"));
  EXPECT_NE(sound_key("Note"), sound_key("Vote"));
}

TEST(WithinOneEdit, InsertDeleteChange) {
  EXPECT_TRUE(within_one_edit("notely", "noteley"));
  EXPECT_TRUE(within_one_edit("notely", "notel"));
  EXPECT_TRUE(within_one_edit("notely", "motely"));
  EXPECT_FALSE(within_one_edit("notely", "motel"));
  EXPECT_TRUE(within_one_edit("", "a"));
}

TEST(RankNames, BestFirstAndNearDuplicatesCollapse) {
  std::vector<ScoredName> in{named("Lift", Style::dictionary, 70, {"lift"}), named("Lyft", Style::respelling, 80, {"lift"}),
                             named("Notely", Style::affix, 60, {"note"}), named("Notelly", Style::affix, 65, {"note"}),
                             named("Chart", Style::dictionary, 50, {"chart"})};
  auto out = rank_names(in, {.count = 10});
  std::vector<std::string> names;
  for (const auto& n : out) names.push_back(n.candidate.name);
  EXPECT_EQ(names, (std::vector<std::string>{"Lyft", "Notelly", "Chart"}));
}

TEST(RankNames, TopTenDoNotShareRootsUnlessAsked) {
  std::vector<ScoredName> in;
  for (int i = 0; i < 30; ++i)
    in.push_back(named(distinct_name(i), Style::affix, 90 - i, {"doctor"}));
  for (int i = 0; i < 12; ++i)
    in.push_back(named(distinct_name(100 + i), Style::compound, 50 - i, {distinct_name(100 + i)}));
  auto out = rank_names(in, {.count = 20});
  ASSERT_EQ(out.size(), 20u);
  int doctor_in_top10 = 0;
  for (std::size_t i = 0; i < 10; ++i) doctor_in_top10 += out[i].candidate.roots[0] == "doctor";
  EXPECT_EQ(doctor_in_top10, 1);
  EXPECT_EQ(out[0].candidate.roots[0], "doctor");  // the best still leads

  auto shared = rank_names(in, {.count = 20, .allow_shared_roots = true, .max_style_share = 1.0});
  int shared_in_top10 = 0;
  for (std::size_t i = 0; i < 10; ++i) shared_in_top10 += shared[i].candidate.roots[0] == "doctor";
  EXPECT_GE(shared_in_top10, 3) << "asked: the best names may share their root";
}

TEST(RankNames, EveryStyleWithAGoodCandidateIsRepresentedAndNoWeakStyleIsForcedIn) {
  std::vector<ScoredName> in;
  int n = 0;
  for (auto style : generate::kAllStyles)
    for (int i = 0; i < 10; ++i, ++n) {
      double score = style == Style::rhyme ? 10 + i : 60 + (n % 37);  // rhymes all score low
      in.push_back(named(distinct_name(n), style, score, {distinct_name(n)}));
    }
  auto out = rank_names(in, {.count = 12});
  ASSERT_EQ(out.size(), 12u);
  std::map<Style, int> per_style;
  for (const auto& s : out) ++per_style[s.candidate.style];
  EXPECT_EQ(per_style.size(), 8u);
  EXPECT_FALSE(per_style.contains(Style::rhyme)) << "no rhyme is a good name: none takes a good name's place";
  for (auto [style, count] : per_style) EXPECT_LE(count, 4) << generate::to_string(style);
}

TEST(RankNames, FewerCandidatesThanAsked) {
  auto out = rank_names({named("Solo", Style::dictionary, 40, {"solo"})}, {.count = 20});
  EXPECT_EQ(out.size(), 1u);
  EXPECT_TRUE(rank_names({}, {.count = 5}).empty());
}

}  // namespace
}  // namespace snai::naming

namespace snai::naming {
namespace {

TEST(RankNames, UnacceptableCandidatesAreSkippedAndAskedAboutLazily) {
  std::vector<ScoredName> in;
  for (int i = 0; i < 40; ++i) in.push_back(named(distinct_name(i), Style::compound, 90 - i, {distinct_name(i)}));
  int asked = 0;
  auto out = rank_names(in, {.count = 5, .acceptable = [&](const generate::Candidate& c) {
                               ++asked;
                               return c.name != distinct_name(0) && c.name != distinct_name(2);
                             }});
  ASSERT_EQ(out.size(), 5u);
  EXPECT_EQ(out[0].candidate.name, distinct_name(1));
  EXPECT_EQ(out[1].candidate.name, distinct_name(3));
  EXPECT_LE(asked, 7) << "only the candidates about to be taken are checked";
}

}  // namespace
}  // namespace snai::naming
