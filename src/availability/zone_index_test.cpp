#include "availability/zone_index.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>
#include <fstream>
#include <random>
#include <unistd.h>

namespace snai::availability {
namespace {

class ZoneIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / fmt::format("snai_zix_{}_{}", getpid(), counter_++);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::filesystem::path write(const std::string& name, const std::string& text) {
    auto path = dir_ / name;
    std::ofstream(path) << text;
    return path;
  }

  static inline int counter_ = 0;
  std::filesystem::path dir_;
};

std::string random_label(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> length(3, 20), letter(0, 25);
  std::string s(static_cast<std::size_t>(length(rng)), 'a');
  for (char& c : s) c = static_cast<char>('a' + letter(rng));
  return s;
}

TEST_F(ZoneIndexTest, EveryMemberIsFoundAndOutsidersAlmostNever) {
  std::mt19937_64 rng(7);
  std::vector<std::string> members;
  std::vector<std::uint64_t> hashes;
  for (int i = 0; i < 100000; ++i) {
    members.push_back(random_label(rng) + std::to_string(i));  // distinct by construction
    hashes.push_back(zone_label_hash(members.back()));
  }
  auto path = dir_ / "com.zix";
  ASSERT_TRUE(write_zone_index(hashes, "com", path));
  auto index = ZoneIndex::open(path);
  ASSERT_TRUE(index) << index.error().message;
  EXPECT_EQ(index->info().tld, "com");
  EXPECT_EQ(index->info().names, members.size());
  EXPECT_LT(index->info().false_positive_rate, 1e-8);
  EXPECT_LT(index->info().file_bytes, members.size() * 5 + 4096);
  for (const auto& m : members) ASSERT_TRUE(index->registered(m)) << m;
  int false_positives = 0;
  for (int i = 0; i < 1000000; ++i) false_positives += index->registered(random_label(rng) + "-x");
  // Expected ≈ 1e6 * 3e-9: one hit would already be far outside the documented rate.
  EXPECT_EQ(false_positives, 0);
}

TEST_F(ZoneIndexTest, EmptyIndexAnswersNothing) {
  std::vector<std::uint64_t> none;
  auto path = dir_ / "ai.zix";
  ASSERT_TRUE(write_zone_index(none, "ai", path));
  auto index = ZoneIndex::open(path);
  ASSERT_TRUE(index);
  EXPECT_FALSE(index->registered("anything"));
  EXPECT_EQ(index->info().names, 0u);
}

TEST_F(ZoneIndexTest, ImportZoneEndToEnd) {
  auto zone = write("com.zone",
                    "$ORIGIN com.\n$TTL 86400\n"
                    "@ IN SOA a.gtld. b.gtld. 1 2 3 4 5\n"
                    "stripe NS ns1.x.net.\nstripe NS ns2.x.net.\n"
                    "lyft.com. 172800 IN NS ns1.y.net.\n"
                    "ns1.lyft A 192.0.2.1\n");
  auto out = zone_index_path(dir_, "com");
  SilentProgress progress;
  auto stats = import_zone(zone, "com", out, &progress);
  ASSERT_TRUE(stats) << stats.error().message;
  EXPECT_EQ(stats->index.names, 2u);
  EXPECT_EQ(stats->file.delegations, 3u);
  auto index = ZoneIndex::open(out);
  ASSERT_TRUE(index);
  EXPECT_TRUE(index->registered("stripe"));
  EXPECT_TRUE(index->registered("lyft"));
  EXPECT_FALSE(index->registered("ns1"));
  EXPECT_FALSE(index->registered("strip"));
}

TEST_F(ZoneIndexTest, CorruptZoneLeavesTheOldIndexInPlace) {
  auto out = dir_ / "com.zix";
  ASSERT_TRUE(import_zone(write("good.zone", "alpha.com. NS ns.\n"), "com", out));
  auto bad = import_zone(write("bad.zone", "beta.com. NS ns.\nbeta.com. NSS ns.\n"), "com", out);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("line 2"), std::string::npos) << bad.error().message;
  auto index = ZoneIndex::open(out);
  ASSERT_TRUE(index);
  EXPECT_TRUE(index->registered("alpha"));
  EXPECT_FALSE(index->registered("beta"));
}

TEST_F(ZoneIndexTest, CorruptIndexFilesAreRejected) {
  EXPECT_EQ(ZoneIndex::open(dir_ / "missing.zix").error().code, ErrorCode::not_found);
  EXPECT_EQ(ZoneIndex::open(write("short.zix", "SNAIZIX1")).error().code, ErrorCode::data_corrupt);
  EXPECT_EQ(ZoneIndex::open(write("magic.zix", std::string(4096, 'x'))).error().code, ErrorCode::data_corrupt);
  std::vector<std::uint64_t> hashes = {zone_label_hash("a"), zone_label_hash("b")};
  auto good = dir_ / "good.zix";
  ASSERT_TRUE(write_zone_index(hashes, "com", good));
  // Truncated by one fingerprint.
  auto size = std::filesystem::file_size(good);
  std::filesystem::resize_file(good, size - 4);
  EXPECT_EQ(ZoneIndex::open(good).error().code, ErrorCode::data_corrupt);
}

TEST(ZoneLabelHash, StableAndSpread) {
  // The hash is part of the file format: a change here must bump kVersion.
  EXPECT_EQ(zone_label_hash("example"), zone_label_hash(std::string("example")));
  EXPECT_NE(zone_label_hash("example"), zone_label_hash("examplf"));
  EXPECT_NE(zone_label_hash(""), zone_label_hash(std::string_view("\0", 1)));
  EXPECT_NE(zone_label_hash("abcdefgh"), zone_label_hash(std::string_view("abcdefgh\0", 9)));
}

}  // namespace
}  // namespace snai::availability
