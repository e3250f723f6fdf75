#include "core/data_pipeline.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <thread>

#include "core/id.hpp"

namespace snai {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class DataPipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("snai_pipeline_" + random_token(4));
    fs::create_directories(root_ / "src");
    std::ofstream(root_ / "src" / "words.txt") << "note\nscribe\n";
    pipeline_.add({.name = "copy",
                   .inputs = {{root_ / "src" / "words.txt", "the test's words"}},
                   .outputs = {"copy.txt"},
                   .run = [this](const StageRun& run) -> Status {
                     ++copies_;
                     std::ofstream(run.output(0)) << slurp(root_ / "src" / "words.txt");
                     return ok();
                   }});
    pipeline_.add({.name = "upper",
                   .inputs = {{"copy.txt", "stage copy"}},
                   .outputs = {"upper.txt"},
                   .run = [this](const StageRun& run) -> Status {
                     ++uppers_;
                     if (fail_upper_) return fail(ErrorCode::internal, "boom");
                     auto text = slurp(run.data_dir() / "copy.txt");
                     for (auto& c : text) c = static_cast<char>(std::toupper(c));
                     std::ofstream(run.output(0)) << text;
                     return ok();
                   }});
  }
  void TearDown() override { fs::remove_all(root_); }

  Result<std::vector<StageOutcome>> build(bool force = false) {
    return pipeline_.run(root_ / "data", {.force = force}, progress_);
  }

  fs::path root_;
  DataPipeline pipeline_;
  SilentProgress progress_;
  int copies_ = 0, uppers_ = 0;
  bool fail_upper_ = false;
};

TEST_F(DataPipelineTest, BuildsThenSkipsWhenNothingChanged) {
  auto first = build();
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE((*first)[0].built && (*first)[1].built);
  EXPECT_EQ(slurp(root_ / "data" / "upper.txt"), "NOTE\nSCRIBE\n");
  auto second = build();
  ASSERT_TRUE(second);
  EXPECT_FALSE((*second)[0].built || (*second)[1].built);
  EXPECT_EQ(copies_, 1);
  EXPECT_EQ(uppers_, 1);
  EXPECT_TRUE(fs::exists(root_ / "data" / "manifest.json"));
}

TEST_F(DataPipelineTest, ChangedInputRebuildsItsStageAndEverythingDownstream) {
  ASSERT_TRUE(build());
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  std::ofstream(root_ / "src" / "words.txt") << "memo\n";
  ASSERT_TRUE(build());
  EXPECT_EQ(copies_, 2);
  EXPECT_EQ(uppers_, 2);
  EXPECT_EQ(slurp(root_ / "data" / "upper.txt"), "MEMO\n");
}

TEST_F(DataPipelineTest, ForceRebuildsAndADeletedOutputIsRebuilt) {
  ASSERT_TRUE(build());
  ASSERT_TRUE(build(true));
  EXPECT_EQ(copies_, 2);
  fs::remove(root_ / "data" / "upper.txt");
  ASSERT_TRUE(build());
  EXPECT_EQ(copies_, 2);
  EXPECT_EQ(uppers_, 3);
}

TEST_F(DataPipelineTest, TheSameDataDirSpeltAnotherWayIsUpToDate) {
  ASSERT_TRUE(build());
  auto relative = fs::relative(root_ / "data", fs::current_path());
  ASSERT_TRUE(pipeline_.run(relative, {}, progress_));
  EXPECT_EQ(copies_, 1);
  EXPECT_EQ(uppers_, 1);
}

TEST_F(DataPipelineTest, ChangedSettingsRebuildTheStage) {
  ASSERT_TRUE(build());
  DataPipeline tuned;
  for (auto stage : pipeline_.stages()) {
    if (stage.name == "upper") stage.settings = "shout=louder";
    tuned.add(stage);
  }
  ASSERT_TRUE(tuned.run(root_ / "data", {}, progress_));
  EXPECT_EQ(copies_, 1);
  EXPECT_EQ(uppers_, 2);
}

TEST_F(DataPipelineTest, AFailedStageLeavesNoArtifact) {
  fail_upper_ = true;
  auto result = build();
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find("stage upper failed: boom"), std::string::npos);
  EXPECT_FALSE(fs::exists(root_ / "data" / "upper.txt"));
  EXPECT_FALSE(fs::exists(root_ / "data" / "upper.txt.partial"));
  fail_upper_ = false;
  ASSERT_TRUE(build());
  EXPECT_EQ(copies_, 1) << "the stage that succeeded is not built again";
}

TEST_F(DataPipelineTest, MissingInputsAreNamedWithTheirProviderBeforeAnythingRuns) {
  fs::remove(root_ / "src" / "words.txt");
  auto result = build();
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::failed_precondition);
  EXPECT_NE(result.error().message.find("words.txt (stage copy): install the test's words"), std::string::npos)
      << result.error().message;
  EXPECT_EQ(copies_, 0);
}

}  // namespace
}  // namespace snai
