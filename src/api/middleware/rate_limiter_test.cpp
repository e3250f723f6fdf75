#include "api/middleware/rate_limiter.hpp"

#include <atomic>
#include <gtest/gtest.h>
#include <thread>
#include <vector>

namespace snai::api {
namespace {

constexpr std::int64_t kT0 = 1'800'000'000'000;  // an arbitrary Unix ms

TEST(TokenBucket, FullBucketAllowsTheBurstThenRefusesWithRetryAfter) {
  const Rate rate{.per_minute = 60, .burst = 3};  // one token a second
  TokenBucket bucket = TokenBucket::full(rate, kT0);
  for (int remaining : {2, 1, 0}) {
    Decision d = bucket.take(rate, kT0);
    EXPECT_TRUE(d.allowed);
    EXPECT_EQ(d.remaining, remaining);
  }
  Decision refused = bucket.take(rate, kT0);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.remaining, 0);
  EXPECT_EQ(refused.retry_after_s, 1);  // one token = 1000 ms at 60/min

  // 400 ms later there is still no whole token, and the wait is what is left, rounded up.
  EXPECT_FALSE(bucket.take(rate, kT0 + 400).allowed);
  // At exactly one second a token is back; it is taken, and the next one is a second away.
  EXPECT_TRUE(bucket.take(rate, kT0 + 1000).allowed);
  Decision again = bucket.take(rate, kT0 + 1000);
  EXPECT_FALSE(again.allowed);
  EXPECT_EQ(again.retry_after_s, 1);
}

TEST(TokenBucket, RetryAfterFollowsTheRate) {
  const Rate slow{.per_minute = 2, .burst = 1};  // one token per 30 s
  TokenBucket bucket = TokenBucket::full(slow, kT0);
  EXPECT_TRUE(bucket.take(slow, kT0).allowed);
  EXPECT_EQ(bucket.take(slow, kT0).retry_after_s, 30);
  EXPECT_EQ(bucket.take(slow, kT0 + 10'500).retry_after_s, 20);  // 19.5 s left -> 20
  EXPECT_EQ(bucket.take(slow, kT0 + 29'999).retry_after_s, 1);
  EXPECT_TRUE(bucket.take(slow, kT0 + 30'000).allowed);
}

TEST(TokenBucket, RefillStopsAtTheBurstAndClockGoingBackAddsNothing) {
  const Rate rate{.per_minute = 600, .burst = 5};  // one token per 100 ms
  TokenBucket bucket = TokenBucket::full(rate, kT0);
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(bucket.take(rate, kT0).allowed);
  EXPECT_FALSE(bucket.is_full(rate, kT0 + 499));
  EXPECT_TRUE(bucket.is_full(rate, kT0 + 500));
  // An hour idle refills to the burst, not to 36000 tokens.
  Decision d = bucket.take(rate, kT0 + 3'600'000);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.remaining, 4);
  // The clock steps back a minute: no tokens appear, and time resumes from the later point.
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(bucket.take(rate, kT0 + 3'540'000).allowed);
  EXPECT_FALSE(bucket.take(rate, kT0 + 3'540'000).allowed);
  EXPECT_FALSE(bucket.take(rate, kT0 + 3'600'099).allowed);
  EXPECT_TRUE(bucket.take(rate, kT0 + 3'600'100).allowed);
}

TEST(TokenBucket, ALoweredBurstCapsTheStoredTokens) {
  TokenBucket bucket = TokenBucket::full({.per_minute = 60, .burst = 100}, kT0);
  Decision d = bucket.take({.per_minute = 60, .burst = 2}, kT0);
  EXPECT_TRUE(d.allowed);
  EXPECT_EQ(d.remaining, 1);
}

TEST(TokenBucket, NonsenseRatesActAsOne) {
  TokenBucket bucket = TokenBucket::full({.per_minute = 0, .burst = 0}, kT0);
  EXPECT_TRUE(bucket.take({.per_minute = 0, .burst = 0}, kT0).allowed);
  Decision d = bucket.take({.per_minute = 0, .burst = 0}, kT0);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(d.retry_after_s, 60);
}

TEST(InProcessRateLimiter, KeysHaveTheirOwnBuckets) {
  ManualClock clock(kT0);
  InProcessRateLimiter limiter(&clock);
  const Rate rate{.per_minute = 60, .burst = 2};
  EXPECT_TRUE(limiter.take("ip:1", rate).allowed);
  EXPECT_TRUE(limiter.take("ip:1", rate).allowed);
  EXPECT_FALSE(limiter.take("ip:1", rate).allowed);
  EXPECT_TRUE(limiter.take("ip:2", rate).allowed);
  EXPECT_TRUE(limiter.take("key:1", rate).allowed);
  clock.advance_ms(1000);
  EXPECT_TRUE(limiter.take("ip:1", rate).allowed);
  EXPECT_FALSE(limiter.take("ip:1", rate).allowed);
  EXPECT_EQ(limiter.bucket_count(), 3u);
}

TEST(InProcessRateLimiter, EvictsOnlyBucketsThatHaveRefilled) {
  ManualClock clock(kT0);
  InProcessRateLimiter limiter(&clock);
  const Rate rate{.per_minute = 60, .burst = 2};
  limiter.take("a", rate);          // 1 of 2 left: full again after 1 s
  limiter.take("b", rate);
  limiter.take("b", rate);          // empty: full again after 2 s
  clock.advance_ms(1000);
  EXPECT_EQ(limiter.evict_idle(), 1u);
  EXPECT_EQ(limiter.bucket_count(), 1u);
  // "b" kept its state: one token back after 1 s, not a fresh bucket of two.
  EXPECT_TRUE(limiter.take("b", rate).allowed);
  EXPECT_FALSE(limiter.take("b", rate).allowed);
}

TEST(InProcessRateLimiter, MemoryFollowsActiveCallersNotAllCallersEver) {
  ManualClock clock(kT0);
  InProcessRateLimiter limiter(&clock);
  const Rate rate{.per_minute = 600, .burst = 1};  // a bucket refills within 100 ms
  for (int round = 0; round < 5; ++round) {
    for (int i = 0; i < 20000; ++i) limiter.take("ip:" + std::to_string(round) + "." + std::to_string(i), rate);
    clock.advance_ms(200);
  }
  // 100000 distinct callers over time; at any moment at most one round's worth is live, and
  // sweeps on growth keep the table within a small multiple of that.
  EXPECT_LT(limiter.bucket_count(), 2u * 20000 + 16 * 1024) << limiter.bucket_count();
}

TEST(InProcessRateLimiter, ConcurrentTakesNeverExceedTheBurst) {
  ManualClock clock(kT0);  // time stands still: exactly `burst` may pass
  InProcessRateLimiter limiter(&clock);
  const Rate rate{.per_minute = 60, .burst = 250};
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) allowed += limiter.take("key:shared", rate).allowed ? 1 : 0;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(allowed.load(), 250);
}

TEST(RateLimits, FromConfig) {
  LimitsConfig limits{.anonymous_per_minute = 30, .anonymous_burst = 5, .key_per_minute = 900, .key_burst = 50};
  EXPECT_EQ(anonymous_rate(limits).per_minute, 30);
  EXPECT_EQ(anonymous_rate(limits).burst, 5);
  EXPECT_EQ(keyed_rate(limits).per_minute, 900);
  EXPECT_EQ(keyed_rate(limits).burst, 50);
  EXPECT_TRUE(make_rate_limiter(CacheConfig{}));
  EXPECT_TRUE(make_rate_limiter(CacheConfig{.redis_url = "redis://127.0.0.1:1"}));  // down is not an error
  auto bad = make_rate_limiter(CacheConfig{.redis_url = "http://x"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "cache.redis_url");
}

}  // namespace
}  // namespace snai::api
