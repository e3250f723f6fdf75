#include "cache/lru_cache.hpp"

#include <gtest/gtest.h>
#include <thread>

namespace snai::cache {
namespace {

TEST(LruCache, GetReturnsWhatPutStored) {
  LruCache cache({.max_bytes = 1 << 20, .shards = 4});
  EXPECT_FALSE(cache.get("a"));
  ASSERT_TRUE(cache.put("a", "one"));
  ASSERT_TRUE(cache.put("b", std::string("t\0o", 3)));
  EXPECT_EQ(cache.get("a").value_or(""), "one");
  EXPECT_EQ(cache.get("b").value_or(""), std::string("t\0o", 3));
  ASSERT_TRUE(cache.put("a", "uno"));  // replaces
  EXPECT_EQ(cache.get("a").value_or(""), "uno");
  auto stats = cache.stats();
  EXPECT_EQ(stats.hits, 3u);
  EXPECT_EQ(stats.misses, 1u);
  EXPECT_EQ(stats.entries, 2u);
  EXPECT_EQ(stats.bytes, 1u + 3 + 1 + 3);
}

TEST(LruCache, EntriesExpireAfterTheTtlOnTheInjectedClock) {
  ManualClock clock(1'000'000);
  LruCache cache({.max_bytes = 1 << 20, .ttl = std::chrono::seconds(10), .shards = 2, .clock = &clock});
  cache.put("k", "v");
  clock.advance_ms(9'999);
  EXPECT_TRUE(cache.get("k"));
  clock.advance_ms(1);
  EXPECT_FALSE(cache.get("k"));
  auto stats = cache.stats();
  EXPECT_EQ(stats.expirations, 1u);
  EXPECT_EQ(stats.entries, 0u);
  EXPECT_EQ(stats.bytes, 0u);
  // A re-put starts a new lifetime.
  cache.put("k", "v2");
  clock.advance_ms(5'000);
  EXPECT_EQ(cache.get("k").value_or(""), "v2");
}

TEST(LruCache, ZeroTtlNeverExpires) {
  ManualClock clock(0);
  LruCache cache({.max_bytes = 1024, .ttl = std::chrono::milliseconds(0), .shards = 1, .clock = &clock});
  cache.put("k", "v");
  clock.advance_ms(365LL * 24 * 3600 * 1000);
  EXPECT_TRUE(cache.get("k"));
}

TEST(LruCache, ByteBoundEvictsTheLeastRecentlyUsed) {
  // One shard of 100 bytes: ten entries of 1-byte key + 9-byte value fill it exactly.
  LruCache cache({.max_bytes = 100, .shards = 1});
  const std::string value(9, 'x');
  for (char c = 'a'; c < 'a' + 10; ++c) ASSERT_TRUE(cache.put(std::string(1, c), value));
  EXPECT_EQ(cache.stats().bytes, 100u);
  EXPECT_EQ(cache.stats().evictions, 0u);
  ASSERT_TRUE(cache.get("a"));  // "a" becomes the most recent: "b" is now the oldest
  ASSERT_TRUE(cache.put("k", value));
  EXPECT_EQ(cache.stats().evictions, 1u);
  EXPECT_FALSE(cache.get("b"));
  EXPECT_TRUE(cache.get("a"));
  // A big value pushes out as many as it needs.
  ASSERT_TRUE(cache.put("z", std::string(39, 'y')));
  EXPECT_LE(cache.stats().bytes, 100u);
  EXPECT_EQ(cache.stats().evictions, 5u);
  // Too big for the shard: refused, nothing else lost.
  const auto before = cache.stats();
  EXPECT_FALSE(cache.put("huge", std::string(200, 'h')));
  EXPECT_EQ(cache.stats().entries, before.entries);
  EXPECT_FALSE(cache.get("huge"));
}

TEST(LruCache, TheBoundHoldsAcrossShardsUnderManyWriters) {
  LruCache cache({.max_bytes = 64 * 1024, .shards = 8});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5000; ++i) {
        cache.put("key:" + std::to_string(t) + ":" + std::to_string(i), std::string(100 + i % 50, 'v'));
        cache.get("key:" + std::to_string((t + 1) % 4) + ":" + std::to_string(i / 2));
      }
    });
  for (auto& t : threads) t.join();
  auto stats = cache.stats();
  EXPECT_LE(stats.bytes, 64u * 1024);
  EXPECT_GT(stats.bytes, 32u * 1024);  // the bound is used, not merely respected
  EXPECT_GT(stats.evictions, 0u);
  EXPECT_EQ(stats.hits + stats.misses, 4u * 5000);
}

TEST(LruCache, ErasePrefixDropsOnlyMatchingKeys) {
  LruCache cache({.max_bytes = 1 << 20, .shards = 4});
  for (int i = 0; i < 20; ++i) {
    cache.put("user:1:" + std::to_string(i), "a");
    cache.put("user:2:" + std::to_string(i), "b");
  }
  EXPECT_EQ(cache.erase_prefix("user:1:"), 20u);
  EXPECT_FALSE(cache.get("user:1:3"));
  EXPECT_TRUE(cache.get("user:2:3"));
  EXPECT_TRUE(cache.erase("user:2:3"));
  EXPECT_FALSE(cache.erase("user:2:3"));
  EXPECT_EQ(cache.erase_prefix(""), 19u);
  EXPECT_EQ(cache.stats().bytes, 0u);
}

}  // namespace
}  // namespace snai::cache
