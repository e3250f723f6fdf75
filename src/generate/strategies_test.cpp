// Every strategy on a small word pool over the mini lexicon: right style, parts and roots
// filled, the sink's target honoured, the same seed giving the same names.
#include "generate/strategies.hpp"

#include <algorithm>
#include <gtest/gtest.h>
#include <set>

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
