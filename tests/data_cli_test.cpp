// `snai data build` on the real installed data, then the commands that read its artifacts
// (label data: needs the Debian data packages and data/node_modules from install-deps.sh).
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/id.hpp"
#include "support/process.hpp"

namespace snai::testing {
namespace {

namespace fs = std::filesystem;

class DataCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("snai_data_" + random_token(4)));
    fs::create_directories(*dir_);
    first_ = new Outcome(snai({"data", "build", "--json"}));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete first_;
  }
  static Outcome snai(std::vector<std::string> args) {
    args.insert(args.begin(), SNAI_BINARY);
    return run({.args = args, .env = {{"SNAI_DATA_DIR", (*dir_ / "var").string()}}, .cwd = SNAI_SOURCE_DIR});
  }
  static fs::path* dir_;
  static Outcome* first_;
};
fs::path* DataCliTest::dir_ = nullptr;
Outcome* DataCliTest::first_ = nullptr;

TEST_F(DataCliTest, BuildsEveryStageThenSkipsThemWhenNothingChanged) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
  auto first = nlohmann::json::parse(first_->out);
  for (const auto& stage : first["stages"]) {
    EXPECT_TRUE(stage["built"].get<bool>()) << stage.dump();
    EXPECT_GT(stage["bytes"].get<std::int64_t>(), 0) << stage.dump();
  }
  auto again = snai({"data", "build", "--json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  for (const auto& stage : nlohmann::json::parse(again.out)["stages"]) EXPECT_FALSE(stage["built"].get<bool>());
  EXPECT_TRUE(fs::exists(*dir_ / "var" / "data" / "manifest.json"));
}

TEST_F(DataCliTest, WordsDescribesARealWordAndAnInventedOne) {
  ASSERT_EQ(first_->exit_code, 0) << first_->err;
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
