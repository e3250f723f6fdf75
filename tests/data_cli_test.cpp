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
  Outcome snai(std::vector<std::string> args, std::string stdin_text = "") {
    args.insert(args.begin(), SNAI_BINARY);
    return run({.args = args, .env = {{"SNAI_DATA_DIR", dir_.string()}}, .cwd = SNAI_SOURCE_DIR,
                .stdin_text = std::move(stdin_text)});
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

TEST_F(DataCliTest, ExpandListsConceptsAndRelatedWordsAndReportsLoadTime) {
  auto out = snai({"expand", "AI note-taking for doctors", "--json"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  auto e = nlohmann::json::parse(out.out);
  ASSERT_FALSE(e["concepts"].empty());
  ASSERT_FALSE(e["related"].empty());
  for (const auto& r : e["related"])
    EXPECT_TRUE(r.contains("word") && r.contains("weight") && r.contains("relation") && r.contains("from")) << r.dump();
  // How long loading takes is measured by bench/generate_bench (it prints ready_ms), not here.
  EXPECT_GE(e["ready_ms"].get<double>(), 0.0) << "the time to load the artifacts is reported";
  EXPECT_TRUE(e["load_ms"].is_number() && e["derive_ms"].is_number()) << "and its parts";
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

TEST_F(DataCliTest, ScoreReadsArgumentsOrStdinInOrder) {
  auto args = snai({"score", "Notion", "xkqzvbnw", "--json"});
  ASSERT_EQ(args.exit_code, 0) << args.err;
  auto scored = nlohmann::json::parse(args.out)["names"];
  ASSERT_EQ(scored.size(), 2u);
  EXPECT_EQ(scored[0]["name"], "Notion");
  // Scores are percentiles among real startup names: a real name sits well above keyboard mash.
  EXPECT_GE(scored[0]["score"].get<double>(), 20);
  EXPECT_LT(scored[1]["score"].get<double>(), 10);
  EXPECT_EQ(scored[0]["distinctiveness"], "arbitrary");  // a real word, judged without a description
  EXPECT_FALSE(scored[1]["explanation"]["reasons"].empty());

  auto piped = snai({"score", "--json", "--description", "AI note-taking for doctors"}, "Chartscribe\n\nxkqzvbnw\r\n");
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  auto names = nlohmann::json::parse(piped.out)["names"];
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[1]["name"], "xkqzvbnw");

  EXPECT_EQ(snai({"score"}, "").exit_code, 2);               // no names at all
  EXPECT_EQ(snai({"score", std::string(200, 'a')}).exit_code, 2);
  EXPECT_EQ(snai({"score"}, "fine\n\xff\xfe\n").exit_code, 2);
}

TEST_F(DataCliTest, EvalQualityPrintsTheConfusionMatrix) {
  const auto data = dir_ / "data";
  auto out = snai({"eval", "quality", "--positives", (data / "quality_heldout_good.txt").string(), "--negatives",
                   (data / "quality_heldout_bad.txt").string(), "--json"});
  ASSERT_EQ(out.exit_code, 0) << out.err;
  auto e = nlohmann::json::parse(out.out);
  EXPECT_GE(e["balanced_accuracy"].get<double>(), 0.85);
  EXPECT_GE(e["auc"].get<double>(), 0.92);
  const auto& c = e["confusion"];
  EXPECT_EQ(c["true_positives"].get<int>() + c["false_negatives"].get<int>(), e["positives"].get<int>());
  EXPECT_EQ(c["true_negatives"].get<int>() + c["false_positives"].get<int>(), e["negatives"].get<int>());
  EXPECT_EQ(snai({"eval", "quality", "--positives", "/no/such/file", "--negatives", "/no/such/file"}).exit_code, 2);
}

TEST_F(DataCliTest, WordsRejectsBadInput) {
  EXPECT_EQ(snai({"words", "caf\xc3"}).exit_code, 2);
  EXPECT_EQ(snai({"words", std::string(500, 'a')}).exit_code, 2);
}

}  // namespace
}  // namespace snai::testing
