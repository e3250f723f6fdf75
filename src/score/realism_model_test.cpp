#include "score/realism_model.hpp"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>

namespace snai::score {
namespace {

// Real names never end in -ora or -ify here; generated ones always do: the model must learn the tell.
std::vector<RealismExample> toy_examples() {
  std::vector<RealismExample> out;
  const char* real[] = {"stripe", "notion", "slack", "figma", "canva", "zoom", "loom", "plaid", "gusto", "brex",
                        "ramp", "chime", "toast", "clio", "harvey", "lime", "wise", "oura", "calm", "rover"};
  const char* roots[] = {"medic", "note", "doctor", "legal", "pay", "cloud", "data", "patient", "clinic", "money"};
  for (const char* r : real) out.push_back({r, true, 1});
  for (const char* r : roots) {
    out.push_back({std::string(r) + "ora", false, 1});
    out.push_back({std::string(r) + "ify", false, 1});
  }
  return out;
}

TEST(RealismModel, LearnsAMechanicalEnding) {
  auto model = RealismModel::train(toy_examples(), {.epochs = 30});
  ASSERT_TRUE(model);
  EXPECT_LT(model->logit("Scribeora"), 0);
  EXPECT_LT(model->logit("Scribeify"), model->logit("Scribe"));
  // The ending is to blame: one of the strongest tells is a piece of "-ora" at the end.
  auto tells = model->tells("Scribeora", 3);
  ASSERT_FALSE(tells.empty());
  EXPECT_LT(tells.front().second, 0);
  EXPECT_TRUE(std::ranges::any_of(tells, [](const auto& t) { return t.second < 0 && t.first.ends_with("a$"); }));
}

TEST(RealismModel, NeedsBothClasses) {
  std::vector<RealismExample> only_real = {{"stripe", true, 1}, {"notion", true, 1}};
  auto model = RealismModel::train(only_real);
  ASSERT_FALSE(model);
  EXPECT_EQ(model.error().code, ErrorCode::invalid_argument);
}

TEST(RealismModel, TextFoldsCaseAndPunctuation) {
  EXPECT_EQ(realism_text("Deep Scribe!"), "^deep_scribe$");
  EXPECT_EQ(realism_text("K-Scale  Labs"), "^k_scale_labs$");
  EXPECT_EQ(realism_text("!!!"), "");
}

TEST(RealismModel, SavesAndLoadsTheSameModelAndRefusesDamage) {
  auto model = RealismModel::train(toy_examples(), {.epochs = 5, .buckets_log2 = 12});
  ASSERT_TRUE(model);
  auto path = std::filesystem::temp_directory_path() / ("snai_realism_" + std::to_string(::getpid()) + ".bin");
  ASSERT_TRUE(model->save(path));
  auto loaded = RealismModel::load(path);
  ASSERT_TRUE(loaded);
  EXPECT_DOUBLE_EQ(loaded->logit("Medicora"), model->logit("Medicora"));
  {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(100);
    f.put('\x7f');
  }
  auto damaged = RealismModel::load(path);
  ASSERT_FALSE(damaged);
  EXPECT_EQ(damaged.error().code, ErrorCode::data_corrupt);
  std::filesystem::remove(path);
  EXPECT_EQ(RealismModel::load(path).error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace snai::score
