#include "api/middleware/rate_limiter.hpp"

#include <algorithm>
#include <functional>

#include "api/middleware/redis_rate_limiter.hpp"
#include "cache/redis_client.hpp"

namespace snai::api {
namespace {

std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return a <= 0 ? 0 : (a + b - 1) / b; }

Rate sane(Rate rate) { return {std::max(rate.per_minute, 1), std::max(rate.burst, 1)}; }

}  // namespace

Rate anonymous_rate(const LimitsConfig& limits) { return {limits.anonymous_per_minute, limits.anonymous_burst}; }
Rate keyed_rate(const LimitsConfig& limits) { return {limits.key_per_minute, limits.key_burst}; }

TokenBucket TokenBucket::full(Rate rate, std::int64_t now_ms) {
  rate = sane(rate);
  return {rate.burst * kUnitsPerToken, now_ms};
}

Decision TokenBucket::take(Rate rate, std::int64_t now_ms) {
  rate = sane(rate);
  const std::int64_t capacity = rate.burst * kUnitsPerToken;
  units = std::min(units, capacity);  // the rate may have been lowered since
  if (now_ms > last_ms) {
    // Cap the elapsed time at what fills the bucket, so the product cannot overflow.
    const std::int64_t useful_ms = ceil_div(capacity - units, rate.per_minute);
    units = std::min(capacity, units + std::min(now_ms - last_ms, useful_ms) * rate.per_minute);
    last_ms = now_ms;
  }
  Decision decision;
  if (units >= kUnitsPerToken) {
    units -= kUnitsPerToken;
    decision.allowed = true;
  } else {
    decision.allowed = false;
    const std::int64_t wait_ms = ceil_div(kUnitsPerToken - units, rate.per_minute);
    decision.retry_after_s = static_cast<int>(std::max<std::int64_t>(1, ceil_div(wait_ms, 1000)));
  }
  decision.remaining = static_cast<int>(units / kUnitsPerToken);
  return decision;
}

bool TokenBucket::is_full(Rate rate, std::int64_t now_ms) const {
  rate = sane(rate);
  const std::int64_t capacity = rate.burst * kUnitsPerToken;
  const std::int64_t elapsed = std::max<std::int64_t>(0, now_ms - last_ms);
  return units >= capacity || elapsed >= ceil_div(capacity - units, rate.per_minute);
}

InProcessRateLimiter::InProcessRateLimiter(const Clock* clock) : clock_(clock ? clock : &system_clock_) {}

std::int64_t InProcessRateLimiter::now_ms() const { return to_unix_ms(clock_->now()); }

Decision InProcessRateLimiter::take(std::string_view key, Rate rate) {
  const std::int64_t now = now_ms();
  Shard& shard = shards_[std::hash<std::string_view>{}(key) % kShards];
  std::lock_guard lock(shard.mu);
  auto it = shard.buckets.find(key);
  if (it == shard.buckets.end()) {
    if (shard.buckets.size() >= shard.sweep_at) {
      sweep(shard, now);
      // Sweep again only after the map has grown by half: amortised O(1) per new bucket.
      shard.sweep_at = std::max<std::size_t>(1024, shard.buckets.size() + shard.buckets.size() / 2);
    }
    it = shard.buckets.emplace(std::string(key), Entry{TokenBucket::full(rate, now), rate}).first;
  }
  it->second.rate = rate;
  return it->second.bucket.take(rate, now);
}

std::size_t InProcessRateLimiter::sweep(Shard& shard, std::int64_t now_ms) {
  return std::erase_if(shard.buckets, [now_ms](const auto& item) {
    return item.second.bucket.is_full(item.second.rate, now_ms);
  });
}

std::size_t InProcessRateLimiter::bucket_count() const {
  std::size_t count = 0;
  for (const Shard& shard : shards_) {
    std::lock_guard lock(shard.mu);
    count += shard.buckets.size();
  }
  return count;
}

std::size_t InProcessRateLimiter::evict_idle() {
  const std::int64_t now = now_ms();
  std::size_t dropped = 0;
  for (Shard& shard : shards_) {
    std::lock_guard lock(shard.mu);
    dropped += sweep(shard, now);
  }
  return dropped;
}

Result<std::unique_ptr<RateLimiter>> make_rate_limiter(const CacheConfig& cache) {
  if (cache.redis_url.empty()) return std::unique_ptr<RateLimiter>(std::make_unique<InProcessRateLimiter>());
  // A short timeout: the limiter runs on the event loops, and a slow Redis must not stall them.
  auto redis = cache::RedisClient::open(cache.redis_url, std::chrono::milliseconds(250));
  if (!redis) return fail(redis.error().code, redis.error().message, "cache.redis_url");
  return std::unique_ptr<RateLimiter>(std::make_unique<RedisRateLimiter>(std::move(*redis)));
}

}  // namespace snai::api
