// Rate limits shared by every instance on one Redis (scale-out): each take() is one atomic Lua
// script (EVALSHA, EVAL when Redis lost it) that refills and takes from a bucket kept in a
// Redis hash, on Redis's own clock so instances with skewed clocks still agree. When Redis
// cannot be reached the limiter decides in-process (a warning in the log, never an error for
// the client) and tries Redis again after a second.
//
//   auto redis = snai::cache::RedisClient::open("redis://127.0.0.1:6379/0");
//   snai::api::RedisRateLimiter limiter(std::move(*redis));
//   limiter.take("ip:203.0.113.9", {.per_minute = 60, .burst = 20});
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "api/middleware/rate_limiter.hpp"
#include "cache/redis_client.hpp"

namespace snai::api {

class RedisRateLimiter final : public RateLimiter {
 public:
  // key_prefix namespaces the buckets in Redis; clock (borrowed, null: system) drives the
  // in-process fallback and the retry back-off only.
  explicit RedisRateLimiter(std::unique_ptr<cache::RedisClient> redis, std::string key_prefix = "snai:rate:",
                            const Clock* clock = nullptr);

  Decision take(std::string_view key, Rate rate) override;

  // True while the last attempt to reach Redis failed (decisions are in-process meanwhile).
  bool degraded() const { return degraded_.load(); }

 private:
  std::unique_ptr<cache::RedisClient> redis_;
  std::string key_prefix_;
  SystemClock system_clock_;
  const Clock* clock_;
  InProcessRateLimiter fallback_;
  std::atomic<bool> degraded_{false};
  std::atomic<std::int64_t> retry_redis_at_ms_{0};
};

}  // namespace snai::api
