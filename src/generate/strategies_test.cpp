// Every strategy on a small word pool over the mini lexicon: right style, parts and roots
// filled, the sink's target honoured, the same seed giving the same names.
#include "generate/strategies.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <set>
#include <string>

#include "lexicon/testing/mini_lexicon.hpp"

namespace snai::generate {
namespace {

class Strategies : public ::testing::Test {
 protected:
  const lexicon::Lexicon& lexicon = lexicon::testing::mini_lexicon().lexicon;
  lexicon::Pronouncer pronouncer{lexicon};
  GenerateRequest request{.description = "notes for doctors"};
  Constraints constraints{request};
  WordPool pool = WordPool::from({
      {.word = "doctor", .weight = 1.0, .relation = "concept", .pos = pos(lexicon::Pos::noun), .common = true},
      {.word = "note", .weight = 0.9, .relation = "concept", .pos = pos(lexicon::Pos::noun), .common = true},
      {.word = "scribe", .weight = 0.7, .relation = "synonym", .pos = pos(lexicon::Pos::noun), .common = true},
      {.word = "record", .weight = 0.6, .relation = "synonym", .pos = pos(lexicon::Pos::noun), .common = true},
      {.word = "physician", .weight = 0.6, .relation = "synonym", .pos = pos(lexicon::Pos::noun)},
      {.word = "medical", .weight = 0.5, .relation = "gloss", .pos = pos(lexicon::Pos::adjective)},
      {.word = "flicker", .weight = 0.3, .relation = "embedding", .pos = pos(lexicon::Pos::verb)},
  });

  static lexicon::PosSet pos(lexicon::Pos p) {
    lexicon::PosSet set;
    set.add(p);
    return set;
  }

  std::vector<Candidate> run(const Strategy& strategy, std::size_t target, std::uint64_t seed) {
    StrategyInput input{.pool = pool, .lexicon = lexicon, .pronouncer = pronouncer, .constraints = constraints,
                        .char_model = nullptr, .seed = seed};
    CandidateSink sink(target, std::chrono::steady_clock::now() + std::chrono::seconds(10),
                       [](const Candidate&) { return true; });
    strategy.propose(input, sink);
    return std::move(sink.candidates());
  }
};

// Offers n0, n1, ... n{count-1}, stopping when the sink says so.
class CountingStrategy final : public Strategy {
 public:
  explicit CountingStrategy(int count) : count_(count) {}
  Style style() const override { return Style::dictionary; }
  void propose(const StrategyInput&, CandidateSink& sink) const override {
    for (int i = 0; i < count_; ++i)
      if (!sink.offer({.name = "n" + std::to_string(i)})) return;
  }

 private:
  int count_;
};

// Two runs of one strategy into sinks sharing a filter that admits a name once (the generator's):
// the second from scratch (lookahead 0) or by propose_again after a first run that looked ahead.
struct TwoRuns {
  std::vector<std::string> first, second;
  std::size_t first_offers = 0, second_offers = 0;
};

TwoRuns two_runs(const Strategy& strategy, const StrategyInput& input, std::size_t target, std::size_t second_target,
                 std::size_t lookahead) {
  std::set<std::string> seen;
  auto admit = [&](const Candidate& c) { return c.name.find('3') == std::string::npos && seen.insert(c.name).second; };
  auto forever = std::chrono::steady_clock::now() + std::chrono::hours(1);
  TwoRuns out;
  CandidateSink first(target, forever, admit, lookahead);
  strategy.propose(input, first);
  for (const auto& c : first.candidates()) out.first.push_back(c.name);
  out.first_offers = first.offers();
  CandidateSink second(second_target, forever, admit);
  if (lookahead == 0) {
    strategy.propose(input, second);
  } else {
    FirstRun run = FirstRun::of(first);
    EXPECT_LE(run.ahead.size(), lookahead);
    propose_again(strategy, input, run, second);
  }
  for (const auto& c : second.candidates()) out.second.push_back(c.name);
  out.second_offers = second.offers();
  return out;
}

void expect_same(const TwoRuns& again, const TwoRuns& rerun) {
  EXPECT_EQ(again.first, rerun.first);
  EXPECT_EQ(again.first_offers, rerun.first_offers);
  EXPECT_EQ(again.second, rerun.second);
  EXPECT_EQ(again.second_offers, rerun.second_offers);
}

TEST_F(Strategies, ProposingAgainAfterTheLookaheadGivesWhatARerunGives) {
  StrategyInput input{.pool = pool, .lexicon = lexicon, .pronouncer = pronouncer, .constraints = constraints, .seed = 7};
  // The lookahead covers the second run; it does not; the strategy runs out within it; after it.
  for (auto [count, second_target] : {std::pair{1000, 2}, {1000, 30}, {25, 30}, {40, 30}}) {
    SCOPED_TRACE(std::to_string(count) + " then " + std::to_string(second_target));
    CountingStrategy counting(count);
    auto again = two_runs(counting, input, 20, std::size_t(second_target), 8);
    expect_same(again, two_runs(counting, input, 20, std::size_t(second_target), 0));
    EXPECT_FALSE(again.second.empty());
  }
  for (const auto& strategy : all_strategies()) {
    SCOPED_TRACE(std::string(to_string(strategy->style())));
    for (std::size_t second_target : {1, 6, 40})
      expect_same(two_runs(*strategy, input, 4, second_target, 3), two_runs(*strategy, input, 4, second_target, 0));
  }
}

TEST_F(Strategies, EachStyleProposesNamesOfItsOwnStyle) {
  for (const auto& strategy : all_strategies()) {
    // Invented names need the character model, rhyme partners WordNet tag counts, which the mini
    // lexicon lacks: namer_datatest covers both on the real data.
    if (strategy->style() == Style::invented || strategy->style() == Style::rhyme) continue;
    SCOPED_TRACE(std::string(to_string(strategy->style())));
    auto names = run(*strategy, 10, 7);
    ASSERT_FALSE(names.empty());
    EXPECT_LE(names.size(), 10u);
    std::set<std::string> distinct;
    for (const auto& c : names) {
      EXPECT_EQ(c.style, strategy->style());
      EXPECT_FALSE(c.name.empty());
      EXPECT_FALSE(c.parts.empty()) << c.name;
      EXPECT_FALSE(c.roots.empty()) << c.name;
      EXPECT_GT(c.relevance, 0) << c.name;
      EXPECT_LE(c.relevance, 1) << c.name;
      distinct.insert(c.name);
    }
    EXPECT_EQ(distinct.size(), names.size()) << "a strategy proposes each name once";
  }
}

TEST_F(Strategies, SameSeedSameNames) {
  for (const auto& strategy : all_strategies()) {
    SCOPED_TRACE(std::string(to_string(strategy->style())));
    auto a = run(*strategy, 8, 99), b = run(*strategy, 8, 99);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].name, b[i].name);
  }
}

TEST_F(Strategies, StylesBuildWhatTheirNameSays) {
  auto names_of = [&](const Strategy& s) {
    std::set<std::string> out;
    for (const auto& c : run(s, 200, 1)) out.insert(c.name);
    return out;
  };
  auto dictionary = names_of(DictionaryStrategy());
  EXPECT_TRUE(dictionary.contains("Doctor"));
  auto compound = names_of(CompoundStrategy());
  EXPECT_TRUE(compound.contains("NoteScribe") || compound.contains("DoctorNote") || compound.contains("NoteDoctor"));
  auto affix = names_of(AffixStrategy());
  EXPECT_TRUE(affix.contains("Notely"));
  auto respelling = names_of(RespellingStrategy());
  EXPECT_TRUE(respelling.contains("Flickr") || respelling.contains("Doktor")) << "sound-preserving respellings";
  for (const auto& name : respelling) EXPECT_NE(name, "Doctor");
  auto multiword = names_of(MultiwordStrategy());
  EXPECT_TRUE(std::ranges::any_of(multiword, [](const std::string& n) { return n.find(' ') != std::string::npos; }));
  auto foreign = names_of(ForeignStrategy());
  EXPECT_TRUE(std::ranges::any_of(foreign, [](const std::string& n) { return n.starts_with("Medic") || n.starts_with("Scrib"); }))
      << "Latin roots of doctor/scribe";
}

}  // namespace
}  // namespace snai::generate
