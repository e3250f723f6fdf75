#include <fstream>
#include <gtest/gtest.h>

#include "naming/real_names.hpp"
#include "naming/taste_eval.hpp"

namespace snai::naming {
namespace {

TEST(RealNames, LegalEndingsGoAndNonNamesAreSkipped) {
  EXPECT_EQ(clean_company_name("Acme Inc."), "Acme");
  EXPECT_EQ(clean_company_name("Foo Holdings, LLC"), "Foo Holdings");
  EXPECT_EQ(clean_company_name("  Stripe  "), "Stripe");
  EXPECT_EQ(clean_company_name("Lorain County Community College (LCCC)"), "");
  EXPECT_EQ(clean_company_name("Caf\xc3\xa9 Bleu"), "");
  EXPECT_EQ(clean_company_name("One Two Three Four Five"), "");
}

TEST(RealNames, TheHeldOutSplitIsStableAndAboutOneInFive) {
  int held = 0;
  for (int i = 0; i < 2000; ++i) held += held_out_name("Company" + std::to_string(i)) ? 1 : 0;
  EXPECT_GT(held, 300);
  EXPECT_LT(held, 500);
  EXPECT_EQ(held_out_name("Stripe"), held_out_name("stripe"));  // case and punctuation fold
  EXPECT_EQ(held_out_name("K-Scale"), held_out_name("kscale"));
}

TEST(RealNames, ReadsACompaniesFileFromAYearOn) {
  auto path = std::filesystem::temp_directory_path() / "snai_real_names_test.tsv";
  {
    std::ofstream out(path);
    out << "name\tyear\tindustry\tdescription\nOld Mill\t1950\t\t\n";
    for (int i = 0; i < 50; ++i) out << "Startup" << i << " Inc\t2010\tweb\t\n";
  }
  auto names = read_real_names(path, nullptr);
  ASSERT_TRUE(names) << names.error().describe();
  EXPECT_EQ(names->training.size() + names->held_out.size(), 50u);
  for (const auto& n : names->training) EXPECT_EQ(n.find(" Inc"), std::string::npos);
  std::filesystem::remove(path);
  EXPECT_EQ(read_real_names(path, nullptr).error().code, ErrorCode::not_found);
}

TEST(FreshClassifier, TellsAMechanicalPatternFromRealNamesButNotRealFromReal) {
  std::vector<std::string> real, fake, other_real;
  const char* words[] = {"stripe", "notion", "slack", "figma", "canva", "zoom", "loom", "plaid", "gusto", "brex",
                         "ramp", "chime", "toast", "clio", "harvey", "lime", "wise", "oura", "calm", "rover"};
  for (int i = 0; i < 20; ++i) {
    real.push_back(words[i]);
    other_real.push_back(words[(i + 7) % 20]);
    fake.push_back(std::string(words[i]).substr(0, 3) + "ora");
  }
  EXPECT_GT(fresh_classifier_auc(real, fake), 0.9);
  EXPECT_LT(fresh_classifier_auc(real, other_real), 0.75);
}

}  // namespace
}  // namespace snai::naming
