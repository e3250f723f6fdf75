// The commands that read the data artifacts, on the data dir that scripts/test.sh built with
// `snai data build` (SNAI_TEST_DATA_DIR; label data).
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/process.hpp"

namespace snai::testing {
namespace {

namespace fs = std::filesystem;

class DataCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* dir = std::getenv("SNAI_TEST_DATA_DIR");
    ASSERT_TRUE(dir) << "SNAI_TEST_DATA_DIR is not set: run through `make test` (it builds the data first)";
    dir_ = dir;
  }
  Outcome snai(std::vector<std::string> args) {
    args.insert(args.begin(), SNAI_BINARY);
    return run({.args = args, .env = {{"SNAI_DATA_DIR", dir_.string()}}, .cwd = SNAI_SOURCE_DIR});
  }
  fs::path dir_;
};

TEST_F(DataCliTest, ABuiltDataDirIsUpToDateAndEveryArtifactIsThere) {
  auto again = snai({"data", "build", "--json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  auto stages = nlohmann::json::parse(again.out)["stages"];
  EXPECT_GE(stages.size(), 5u);
  for (const auto& stage : stages) {
    EXPECT_FALSE(stage["built"].get<bool>()) << stage.dump();
    EXPECT_GT(stage["bytes"].get<std::int64_t>(), 0) << stage.dump();
  }
  EXPECT_TRUE(fs::exists(dir_ / "data" / "manifest.json"));
  EXPECT_LE(fs::file_size(dir_ / "data" / "embeddings.bin"), 60'000'000u) << "the model must stay within 60 MB";
}

TEST_F(DataCliTest, ExpandListsConceptsAndRelatedWordsAndLoadsFast) {
  auto out = snai({"expand", "AI note-taking for doctors", "--json"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  auto e = nlohmann::json::parse(out.out);
  ASSERT_FALSE(e["concepts"].empty());
  ASSERT_FALSE(e["related"].empty());
  for (const auto& r : e["related"])
    EXPECT_TRUE(r.contains("word") && r.contains("weight") && r.contains("relation") && r.contains("from")) << r.dump();
  EXPECT_LT(e["load_ms"].get<double>(), 1000.0) << "artifacts must load within 1 s";
  EXPECT_TRUE(e["derive_ms"].is_number()) << "the start-up cost of derived indexes is reported too";
  EXPECT_EQ(snai({"expand", "🚀🚀"}).exit_code, 2);
  EXPECT_EQ(snai({"expand", ""}).exit_code, 2);
}

TEST_F(DataCliTest, WordsDescribesARealWordAndAnInventedOne) {
  auto doctor = snai({"words", "doctor", "--json"});
  ASSERT_EQ(doctor.exit_code, 0) << doctor.err;
  auto d = nlohmann::json::parse(doctor.out);
  EXPECT_TRUE(d["known"].get<bool>());
  auto synonyms = d["relations"]["synonyms"];
  EXPECT_NE(std::find(synonyms.begin(), synonyms.end(), "physician"), synonyms.end()) << synonyms.dump();
  EXPECT_EQ(d["pronunciation"]["arpabet"], "D AA1 K T ER0");

  auto quivr = nlohmann::json::parse(snai({"words", "quivr", "--json"}).out);
  EXPECT_FALSE(quivr["known"].get<bool>());
  EXPECT_EQ(quivr["pronunciation"]["source"], "espeak");
  EXPECT_GE(quivr["pronunciation"]["syllable_count"].get<int>(), 1);
}

TEST_F(DataCliTest, WordsRejectsBadInput) {
  EXPECT_EQ(snai({"words", "caf\xc3"}).exit_code, 2);
  EXPECT_EQ(snai({"words", std::string(500, 'a')}).exit_code, 2);
}

}  // namespace
}  // namespace snai::testing
