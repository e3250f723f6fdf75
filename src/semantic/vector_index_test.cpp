#include "semantic/vector_index.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "semantic/internal/half.hpp"
#include "semantic/testing/synthetic.hpp"

namespace snai::semantic {
namespace {

namespace fs = std::filesystem;

std::span<const float> row(const std::vector<float>& data, std::size_t i, int dim) {
  return std::span<const float>(data).subspan(i * static_cast<std::size_t>(dim), static_cast<std::size_t>(dim));
}

std::vector<std::string> numbered(std::size_t n) {
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < n; ++i) labels.push_back("w" + std::to_string(i));
  return labels;
}

class VectorIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("snai_vector_index_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  VectorIndex filled(std::size_t n, int dim, std::uint64_t seed = 7) {
    auto index = VectorIndex::create({.dim = dim, .max_elements = n});
    EXPECT_TRUE(index.has_value());
    data_ = testing::clustered_vectors(n, dim, 1, seed);
    EXPECT_TRUE(index->add_batch(numbered(n), data_, 2).has_value());
    return std::move(*index);
  }

  fs::path dir_;
  std::vector<float> data_;
};

TEST_F(VectorIndexTest, RejectsBadParameters) {
  EXPECT_EQ(VectorIndex::create({.dim = 0}).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(VectorIndex::create({.dim = 8, .M = 1}).error().field, "M");
  EXPECT_EQ(VectorIndex::create({.dim = 8, .ef_search = 0}).error().field, "ef_search");
  EXPECT_TRUE(VectorIndex::create({.dim = 8}).has_value());
}

TEST_F(VectorIndexTest, FindsTheClosestLabelsBestFirst) {
  auto index = VectorIndex::create({.dim = 3, .max_elements = 4});
  ASSERT_TRUE(index);
  ASSERT_TRUE(index->add("x", std::vector<float>{1, 0, 0}));
  ASSERT_TRUE(index->add("xy", std::vector<float>{1, 1, 0}));
  ASSERT_TRUE(index->add("y", std::vector<float>{0, 5, 0}));  // normalised on the way in
  ASSERT_TRUE(index->add("-x", std::vector<float>{-1, 0, 0}));
  auto hits = index->search(std::vector<float>{2, 0.1f, 0}, 4);
  ASSERT_TRUE(hits);
  ASSERT_EQ(hits->size(), 4u);
  EXPECT_EQ((*hits)[0].label, "x");
  EXPECT_EQ((*hits)[1].label, "xy");
  EXPECT_EQ((*hits)[2].label, "y");
  EXPECT_EQ((*hits)[3].label, "-x");
  EXPECT_NEAR((*hits)[3].similarity, -0.9988f, 1e-3);
  EXPECT_NEAR((*hits)[0].similarity, 0.99875f, 1e-3);  // stored as halves: ~1e-4 off
  EXPECT_EQ(*hits, *index->brute_force_search(std::vector<float>{2, 0.1f, 0}, 4));
  EXPECT_NEAR(index->vector("y")->at(1), 1.0f, 1e-6);
}

TEST(HalfTest, RoundTripsWithinHalfPrecision) {
  for (float x : {0.0f, 1.0f, -1.0f, 0.1f, -0.333f, 1e-3f, 6.1e-5f, 3e-6f, 65504.0f, 0.999f}) {
    const float back = internal::half_to_float(internal::float_to_half(x));
    EXPECT_NEAR(back, x, std::abs(x) / 1024 + 6e-8f) << x;
  }
  EXPECT_EQ(internal::float_to_half(1.0f), 0x3c00);
  EXPECT_EQ(internal::float_to_half(-2.0f), 0xc000);
  EXPECT_EQ(internal::float_to_half(1.0f + 1.0f / 2048), 0x3c00);  // halfway rounds to even
  EXPECT_EQ(internal::float_to_half(1e9f), 0x7c00);
}

TEST_F(VectorIndexTest, RejectsBadVectorsAndLabels) {
  auto index = VectorIndex::create({.dim = 3});
  ASSERT_TRUE(index);
  EXPECT_EQ(index->add("a", std::vector<float>{1, 0}).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(index->add("a", std::vector<float>{0, 0, 0}).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(index->add("a", std::vector<float>{NAN, 0, 1}).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(index->add("", std::vector<float>{1, 0, 0}).error().field, "label");
  EXPECT_EQ(index->search(std::vector<float>{1, 0, 0}, 0).error().field, "k");
  EXPECT_EQ(index->search(std::vector<float>{0, 0, 0}, 1).error().field, "query");
  EXPECT_EQ(index->size(), 0u);
  EXPECT_TRUE(index->search(std::vector<float>{1, 0, 0}, 5)->empty());
}

TEST_F(VectorIndexTest, DuplicateLabelReplacesItsVector) {
  auto index = VectorIndex::create({.dim = 3});
  ASSERT_TRUE(index);
  ASSERT_TRUE(index->add("a", std::vector<float>{1, 0, 0}));
  ASSERT_TRUE(index->add("b", std::vector<float>{0, 1, 0}));
  ASSERT_TRUE(index->add("a", std::vector<float>{0, 0, 1}));
  EXPECT_EQ(index->size(), 2u);
  auto hits = index->search(std::vector<float>{0, 0, 1}, 1);
  ASSERT_TRUE(hits);
  EXPECT_EQ((*hits)[0].label, "a");
  EXPECT_NEAR((*hits)[0].similarity, 1.0f, 1e-6);
}

TEST_F(VectorIndexTest, RemovedLabelsDisappearAndCanComeBack) {
  VectorIndex index = filled(500, 16);
  const auto query = row(data_, 42, 16);
  ASSERT_EQ(index.search(query, 1)->at(0).label, "w42");
  ASSERT_TRUE(index.remove("w42"));
  EXPECT_EQ(index.remove("w42").error().code, ErrorCode::not_found);
  EXPECT_FALSE(index.contains("w42"));
  EXPECT_EQ(index.size(), 499u);
  auto approximate = index.search(query, 20);
  auto exact = index.brute_force_search(query, 20);
  ASSERT_TRUE(approximate && exact);
  for (const auto& hit : *approximate) EXPECT_NE(hit.label, "w42");
  for (const auto& hit : *exact) EXPECT_NE(hit.label, "w42");
  ASSERT_TRUE(index.add("w42", query));
  EXPECT_EQ(index.size(), 500u);
  EXPECT_EQ(index.search(query, 1)->at(0).label, "w42");
}

TEST_F(VectorIndexTest, GrowsPastItsInitialCapacity) {
  auto index = VectorIndex::create({.dim = 8, .max_elements = 10});
  ASSERT_TRUE(index);
  auto data = testing::random_unit_vectors(1000, 8, 3);
  for (std::size_t i = 0; i < 1000; ++i) ASSERT_TRUE(index->add("v" + std::to_string(i), row(data, i, 8)));
  EXPECT_EQ(index->size(), 1000u);
  EXPECT_GE(index->capacity(), 1000u);
  EXPECT_EQ(index->search(row(data, 999, 8), 1)->at(0).label, "v999");
}

TEST_F(VectorIndexTest, ApproximateSearchHasHighRecall) {
  VectorIndex index = filled(5000, 32);
  auto queries = testing::clustered_vectors(100, 32, 1, 99);
  double recall = 0;
  for (std::size_t q = 0; q < 100; ++q) {
    recall += recall_at_k(*index.search(row(queries, q, 32), 10), *index.brute_force_search(row(queries, q, 32), 10));
  }
  EXPECT_GE(recall / 100, 0.95);
}

TEST_F(VectorIndexTest, BatchWithABadRowAddsNothing) {
  auto index = VectorIndex::create({.dim = 2});
  ASSERT_TRUE(index);
  std::vector<std::string> labels = {"a", "b", "c"};
  std::vector<float> vectors = {1, 0, 0, 0, 0, 1};
  auto added = index->add_batch(labels, vectors);
  ASSERT_FALSE(added);
  EXPECT_NE(added.error().message.find("row 1"), std::string::npos);
  EXPECT_EQ(index->size(), 0u);
  EXPECT_EQ(index->add_batch(labels, std::vector<float>{1, 0}).error().field, "vectors");
}

TEST_F(VectorIndexTest, SavesAndLoadsEverything) {
  VectorIndex index = filled(2000, 24);
  ASSERT_TRUE(index.remove("w7"));
  index.set_ef_search(80);
  const fs::path path = dir_ / "index.bin";
  ASSERT_TRUE(index.save(path));
  auto loaded = VectorIndex::load(path);
  ASSERT_TRUE(loaded) << loaded.error().describe();
  EXPECT_EQ(loaded->size(), 1999u);
  EXPECT_EQ(loaded->ef_search(), 80);
  EXPECT_EQ(loaded->params().M, index.params().M);
  EXPECT_FALSE(loaded->contains("w7"));
  for (std::size_t q : {0u, 11u, 1500u}) {
    EXPECT_EQ(*loaded->search(row(data_, q, 24), 10), *index.search(row(data_, q, 24), 10));
  }
  // still growable after loading
  auto more = testing::random_unit_vectors(3000, 24, 5);
  for (std::size_t i = 0; i < 3000; ++i) ASSERT_TRUE(loaded->add("more" + std::to_string(i), row(more, i, 24)));
  EXPECT_EQ(loaded->size(), 4999u);
  EXPECT_EQ(loaded->search(row(more, 2999, 24), 1)->at(0).label, "more2999");
}

TEST_F(VectorIndexTest, EmptyIndexRoundTrips) {
  auto index = VectorIndex::create({.dim = 4});
  ASSERT_TRUE(index);
  ASSERT_TRUE(index->save(dir_ / "empty.bin"));
  auto loaded = VectorIndex::load(dir_ / "empty.bin");
  ASSERT_TRUE(loaded) << loaded.error().describe();
  EXPECT_EQ(loaded->size(), 0u);
  ASSERT_TRUE(loaded->add("a", std::vector<float>{1, 2, 3, 4}));
  EXPECT_EQ(loaded->search(std::vector<float>{1, 2, 3, 4}, 1)->at(0).label, "a");
}

TEST_F(VectorIndexTest, BadFilesAreErrorsNotCrashes) {
  VectorIndex index = filled(300, 8);
  const fs::path good = dir_ / "good.bin";
  ASSERT_TRUE(index.save(good));
  std::string bytes;
  {
    std::ifstream in(good, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto write = [&](const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
    return dir_ / name;
  };
  EXPECT_EQ(VectorIndex::load(dir_ / "missing.bin").error().code, ErrorCode::not_found);
  EXPECT_EQ(VectorIndex::load(write("empty", "")).error().code, ErrorCode::data_corrupt);
  EXPECT_EQ(VectorIndex::load(write("text", "hello, not an index\n")).error().code, ErrorCode::data_corrupt);
  for (std::size_t cut : {std::size_t{10}, std::size_t{96}, std::size_t{200}, bytes.size() / 2, bytes.size() - 1}) {
    EXPECT_EQ(VectorIndex::load(write("cut", bytes.substr(0, cut))).error().code, ErrorCode::data_corrupt) << cut;
  }
  std::mt19937 rng(1);
  for (int i = 0; i < 50; ++i) {
    std::string flipped = bytes;
    flipped[std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(rng)] ^= 0x5a;
    EXPECT_EQ(VectorIndex::load(write("flip", flipped)).error().code, ErrorCode::data_corrupt);
  }
  EXPECT_EQ(VectorIndex::load(write("extended", bytes + "x")).error().code, ErrorCode::data_corrupt);
  EXPECT_TRUE(VectorIndex::load(write("copy", bytes)).has_value());
}

TEST_F(VectorIndexTest, ConcurrentSearchesAgreeWithSerialOnes) {
  VectorIndex index = filled(3000, 16);
  auto queries = testing::clustered_vectors(64, 16, 1, 77);
  std::vector<std::vector<Neighbor>> expected;
  for (std::size_t q = 0; q < 64; ++q) expected.push_back(*index.search(row(queries, q, 16), 10));
  std::atomic<int> mismatches{0};
  {
    std::vector<std::jthread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&] {
        for (int round = 0; round < 20; ++round) {
          for (std::size_t q = 0; q < 64; ++q) {
            if (*index.search(row(queries, q, 16), 10) != expected[q]) ++mismatches;
          }
        }
      });
    }
  }
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace snai::semantic
