#include "core/id.hpp"

#include <gtest/gtest.h>
#include <set>

namespace snai {
namespace {

TEST(Id, IsUuidVersion7AndSortsByCreation) {
  std::vector<std::string> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back(new_id());
  for (std::size_t i = 1; i < ids.size(); ++i) ASSERT_LT(ids[i - 1], ids[i]) << i;
  EXPECT_EQ(ids[0].size(), 36u);
  EXPECT_EQ(ids[0][14], '7');
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), ids.size());
}

TEST(Id, TimestampIsEncodedInThePrefix) {
  EXPECT_LT(new_id_at(1000), new_id_at(2000));
  EXPECT_EQ(new_id_at(0).substr(0, 13), "00000000-0000");
}

TEST(Id, RandomTokensDiffer) {
  auto a = random_token(24), b = random_token(24);
  EXPECT_EQ(a.size(), 48u);
  EXPECT_NE(a, b);
}

TEST(Id, Sha256MatchesKnownVector) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace snai
