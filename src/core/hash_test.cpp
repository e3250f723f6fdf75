#include "core/hash.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <string>
#include <unordered_set>

namespace snai {
namespace {

// vocabulary.hnsw (format 1) and lexicon.bin (format 2) were written with these values: a change
// to hash64 must fail here, and then needs both formats' versions bumped.
TEST(Hash64, KeepsTheValuesStoredInArtifacts) {
  EXPECT_EQ(hash64(""), 0x9ca066f1a4ab2eeaULL);
  EXPECT_EQ(hash64("a"), 0x55831c136c16b407ULL);
  EXPECT_EQ(hash64("doctor"), 0x76dab3644dc76f4aULL);
  EXPECT_EQ(hash64("medical practitioner"), 0xb33362e0386f6e6aULL);
  EXPECT_EQ(hash64("0123456789abcdef"), 0xc39ee8cfaca94ae5ULL);
}

TEST(Hash64, EveryByteLengthAndPositionCounts) {
  std::string base(40, 'k');
  for (std::size_t length = 0; length <= base.size(); ++length) {
    std::string_view text(base.data(), length);
    EXPECT_NE(hash64(text), hash64(std::string(text) + '\0')) << length;  // trailing zero bytes count
    for (std::size_t at = 0; at < length; ++at) {
      std::string flipped(text);
      flipped[at] ^= 1;
      EXPECT_NE(hash64(text), hash64(flipped)) << length << " " << at;
    }
  }
}

TEST(Hash64, SpreadsSimilarKeysOverLowAndHighBits) {
  // Hash tables take the home slot from the low bits and a tag from the high 32.
  std::unordered_set<std::uint64_t> low, high;
  std::size_t ones = 0;
  constexpr int kKeys = 4096;
  for (int i = 0; i < kKeys; ++i) {
    auto h = hash64("word" + std::to_string(i));
    low.insert(h & 0xFFF);
    high.insert(h >> 32);
    ones += std::popcount(h);
  }
  EXPECT_GT(low.size(), 2400u);  // 4096 keys into 4096 buckets: ~2589 distinct when uniform
  EXPECT_EQ(high.size(), static_cast<std::size_t>(kKeys));
  EXPECT_NEAR(static_cast<double>(ones) / kKeys, 32.0, 0.5);
}

}  // namespace
}  // namespace snai
