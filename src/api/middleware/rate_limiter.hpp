// Token-bucket rate limits per caller: per API key (the caller's user id) and, for anonymous
// callers, per client address. The request pipeline takes one token per request on every route
// except Access::open ones and answers 429 with Retry-After when the bucket is empty.
// Two limiters: InProcessRateLimiter (one instance) and RedisRateLimiter
// (redis_rate_limiter.hpp: one budget shared by every instance on the same Redis).
//
//   snai::api::InProcessRateLimiter limiter;
//   auto decision = limiter.take("key:" + caller.user_id, {.per_minute = 600, .burst = 100});
//   if (!decision.allowed) return too_many_requests(decision);   // Retry-After: decision.retry_after_s
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "core/config.hpp"
#include "core/result.hpp"

namespace snai::api {

struct Rate {
  int per_minute = 60;  // tokens added per minute (steady rate); at least 1
  int burst = 20;       // bucket size: requests allowed at once after a quiet spell; at least 1
};

// The limits of LimitsConfig as Rates.
Rate anonymous_rate(const LimitsConfig& limits);
Rate keyed_rate(const LimitsConfig& limits);

struct Decision {
  bool allowed = true;
  int retry_after_s = 0;  // when refused: whole seconds until a token is back (at least 1)
  int remaining = 0;      // whole tokens left after this request
};

// The bucket arithmetic both limiters share (the Redis script is the same in Lua), in integer
// units so it is exact: one token is 60000 units and a bucket gains `per_minute` units per
// millisecond. An absent bucket is a full one.
struct TokenBucket {
  static constexpr std::int64_t kUnitsPerToken = 60000;

  std::int64_t units = 0;    // tokens * kUnitsPerToken, at most burst * kUnitsPerToken
  std::int64_t last_ms = 0;  // when `units` was last brought up to date

  static TokenBucket full(Rate rate, std::int64_t now_ms);
  // Refills for the time since last_ms (a clock going back adds nothing), then takes one token
  // when there is one.
  Decision take(Rate rate, std::int64_t now_ms);
  // True when the bucket has refilled to its burst by now_ms: it can be forgotten.
  bool is_full(Rate rate, std::int64_t now_ms) const;
};

class RateLimiter {
 public:
  virtual ~RateLimiter() = default;
  // Takes one token from the bucket named `key` ("key:<user id>", "ip:<address>") with `rate`.
  // Never fails: a limiter whose shared store is unreachable decides locally instead.
  virtual Decision take(std::string_view key, Rate rate) = 0;
};

// Buckets in memory, in shards with a mutex each so event loops rarely wait for one another.
// Buckets that have refilled completely are dropped as the shards grow (they mean the same as
// absent ones), so memory follows the number of recently active callers.
class InProcessRateLimiter final : public RateLimiter {
 public:
  explicit InProcessRateLimiter(const Clock* clock = nullptr);  // borrowed; null: the system clock

  Decision take(std::string_view key, Rate rate) override;

  std::size_t bucket_count() const;
  // Drops every bucket that is full by now; returns how many were dropped.
  std::size_t evict_idle();

 private:
  struct Entry {
    TokenBucket bucket;
    Rate rate;
  };
  struct Shard {
    mutable std::mutex mu;
    std::unordered_map<std::string, Entry, StringHash, std::equal_to<>> buckets;
    std::size_t sweep_at = 1024;  // sweep for full buckets when the map grows past this
  };
  static constexpr std::size_t kShards = 16;

  std::int64_t now_ms() const;
  static std::size_t sweep(Shard& shard, std::int64_t now_ms);

  SystemClock system_clock_;
  const Clock* clock_;
  std::array<Shard, kShards> shards_;
};

// The limiter for a configuration: Redis-backed when cache.redis_url is set (a Redis that is down
// at start-up is not an error: requests are limited in-process until it answers), else in-process.
// invalid_argument for a malformed redis_url.
Result<std::unique_ptr<RateLimiter>> make_rate_limiter(const CacheConfig& cache);

}  // namespace snai::api
