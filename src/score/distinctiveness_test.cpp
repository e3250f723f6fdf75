#include "score/distinctiveness.hpp"

#include <gtest/gtest.h>

namespace snai::score {
namespace {

// Without a lexicon every word outside the terms is "coined": the tests below use terms only,
// plus known real words through an arbitrary-vs-fanciful check that needs no lexicon.
DescriptionTerms doctor_notes() {
  return DescriptionTerms({{"doctor", TermLevel::category, 1.0},
                           {"note", TermLevel::category, 0.9},
                           {"physician", TermLevel::category, 0.8},
                           {"medical", TermLevel::descriptive, 0.7},
                           {"quill", TermLevel::associative, 0.4},
                           {"chart", TermLevel::associative, 0.5},
                           {"doc", TermLevel::category, 0.6}});
}

TEST(Distinctiveness, TheProductsOwnWordIsGeneric) {
  DistinctivenessJudge judge(nullptr);
  auto terms = doctor_notes();
  EXPECT_EQ(judge.judge("Doctor", &terms).level, Distinctiveness::generic);
  EXPECT_EQ(judge.judge("Doctors", &terms).level, Distinctiveness::generic);
  EXPECT_EQ(judge.judge("Health", &terms).level, Distinctiveness::generic);  // a company word alone
  auto d = judge.judge("Doctor", &terms);
  EXPECT_LT(d.effect, -4);
  EXPECT_NE(d.why.find("trademark"), std::string::npos);
}

TEST(Distinctiveness, ADescriptionWordWithAStockEndingOrPartnerIsDescriptive) {
  DistinctivenessJudge judge(nullptr);
  auto terms = doctor_notes();
  for (const char* name : {"Medicalable", "Medicalora", "NoteDoctor", "Physician Care", "Notora", "Docly", "Doctor Labs"}) {
    auto d = judge.judge(name, &terms);
    EXPECT_EQ(d.level, Distinctiveness::descriptive) << name;
    EXPECT_LT(d.effect, -1) << name;
  }
  EXPECT_EQ(judge.judge("Medicalora", &terms).word, "medical");
  EXPECT_TRUE(judge.judge("Doctor Labs", &terms).company_word);
}

TEST(Distinctiveness, AnAssociationIsSuggestiveAndScoresAboveLiteralNames) {
  DistinctivenessJudge judge(nullptr);
  auto terms = doctor_notes();
  auto quill = judge.judge("Quill", &terms);
  EXPECT_EQ(quill.level, Distinctiveness::suggestive);
  EXPECT_EQ(quill.word, "quill");
  EXPECT_GT(quill.effect, judge.judge("Notora", &terms).effect);
  EXPECT_EQ(judge.judge("Chartwell", &terms).level, Distinctiveness::suggestive);  // holds "chart"
}

TEST(Distinctiveness, UnrelatedCoinagesAreFancifulAndNoDescriptionMeansNoPenalty) {
  DistinctivenessJudge judge(nullptr);
  auto terms = doctor_notes();
  auto bemlo = judge.judge("Bemlo", &terms);
  EXPECT_EQ(bemlo.level, Distinctiveness::fanciful);
  EXPECT_EQ(bemlo.effect, 0);
  auto alone = judge.judge("Doctor", nullptr);
  EXPECT_EQ(alone.effect, 0);
}

TEST(Distinctiveness, NameWordsSplitAtSpacesHyphensAndCapitals) {
  EXPECT_EQ(name_words("NoteScribe Labs"), (std::vector<std::string>{"note", "scribe", "labs"}));
  EXPECT_EQ(name_words("k-scale"), (std::vector<std::string>{"k", "scale"}));
  EXPECT_EQ(name_words("GitHub"), (std::vector<std::string>{"git", "hub"}));
  EXPECT_EQ(name_words("IBM"), (std::vector<std::string>{"ibm"}));
}

}  // namespace
}  // namespace snai::score
