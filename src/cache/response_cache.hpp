// The two-level response cache: L1 in process (LruCache), L2 in Redis shared by every
// instance, and single-flight in front of the computation. A lookup goes L1 → L2 → compute,
// and a computed answer fills both. Redis is an accelerator, never a dependency: when it is
// down or slow (a short timeout), the cache serves from L1 and computes, logs once, counts the
// error, and tries Redis again after a back-off. Invalidations published by any instance
// (invalidation.hpp) reach this one through its subscriber.
//
//   auto cache = snai::cache::ResponseCache::create({.redis_url = "redis://127.0.0.1:6379"});
//   auto served = (*cache)->get_or_compute(key, [&]() -> Result<Computed> { return Computed{render()}; });
//   if (served) respond(served->value, to_string(served->level));   // "hit-l1" | "hit-l2" | "miss"
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cache/invalidation.hpp"
#include "cache/lru_cache.hpp"
#include "cache/redis_client.hpp"
#include "cache/single_flight.hpp"
#include "core/result.hpp"

namespace snai::cache {

inline constexpr std::size_t kDefaultL1Bytes = 64u << 20;

struct ResponseCacheOptions {
  LruOptions l1{.max_bytes = kDefaultL1Bytes, .ttl = std::chrono::minutes(10)};
  std::string redis_url;                             // empty: L1 only
  std::chrono::milliseconds redis_timeout{50};       // per L2 command: slower counts as down
  std::chrono::milliseconds l2_ttl = std::chrono::hours(1);
  std::chrono::milliseconds backoff_min{500}, backoff_max{30'000};  // between Redis retries after a failure
  std::chrono::milliseconds flight_wait{3'000};      // how long a duplicate waits for the leader
  CacheNamespace names;
  bool subscribe = true;                             // listen for invalidations (with a redis_url)
};

enum class CacheLevel { l1, l2, computed };
// "hit-l1", "hit-l2", "miss": the X-Cache header value.
std::string_view to_string(CacheLevel level);

// What a computation hands back: the bytes, and whether they may be cached (an answer cut short
// by a time budget may be served but must not be kept).
struct Computed {
  std::string value;
  bool cacheable = true;
};

struct Served {
  std::string value;
  CacheLevel level = CacheLevel::computed;
  bool l2_consulted = false;  // a Redis GET was made (hit or miss)
  bool l2_error = false;      // Redis failed during this lookup (the answer came from L1/compute)
  bool shared = false;        // answered by another caller's computation (single-flight)
};

struct ResponseCacheStats {
  LruStats l1;
  std::uint64_t l2_hits = 0, l2_misses = 0, l2_errors = 0, computes = 0, shared = 0, invalidations = 0;
  bool l2_enabled = false, l2_available = false;
  std::uint64_t generation = 0;
};

class ResponseCache {
 public:
  // invalid_argument for a malformed redis_url; a Redis that is down is not an error.
  static Result<std::unique_ptr<ResponseCache>> create(ResponseCacheOptions options);
  ~ResponseCache();
  ResponseCache(const ResponseCache&) = delete;
  ResponseCache& operator=(const ResponseCache&) = delete;

  // The cached bytes for `key`, or compute()'s (stored when cacheable). compute()'s error is
  // returned as is and nothing is stored. Concurrent calls for one key compute once.
  Result<Served> get_or_compute(std::string_view key, const std::function<Result<Computed>()>& compute);
  // The L1 alone (no Redis, no computing, never waits): for an event loop that answers hits
  // itself and hands misses to get_or_compute on a worker thread. A miss here is counted again
  // by that get_or_compute in the L1 statistics.
  std::optional<Served> get_l1(std::string_view key);

  // Publish an invalidation to every instance (this one included, immediately). Without Redis
  // only this instance's L1 is affected.
  Status invalidate_all();
  Status invalidate_prefix(std::string_view prefix);

  // Applies one message from the channel ("generation N" | "prefix P"); the subscriber calls it.
  void apply_invalidation(std::string_view message);

  ResponseCacheStats stats() const;
  // True while subscribed to the invalidation channel (false without Redis).
  bool subscribed() const { return subscriber_ && subscriber_->subscribed(); }
  bool wait_subscribed(std::chrono::milliseconds timeout) const {
    return subscriber_ && subscriber_->wait_subscribed(timeout);
  }

 private:
  explicit ResponseCache(ResponseCacheOptions options);
  std::string l2_key(std::uint64_t generation, std::string_view key) const;
  bool l2_ready() const;
  void l2_failed(const Error& error);
  void l2_succeeded();
  void sync_generation();
  void set_generation(std::uint64_t generation);

  ResponseCacheOptions options_;
  LruCache l1_;
  SingleFlight flights_;
  std::unique_ptr<RedisClient> redis_;
  std::unique_ptr<InvalidationSubscriber> subscriber_;
  std::atomic<std::uint64_t> generation_{0};
  // Bumped by every invalidation: an answer computed across one is served but not stored.
  std::atomic<std::uint64_t> epoch_{0};
  std::atomic<std::int64_t> retry_at_ns_{0};  // steady clock; L2 skipped before this
  std::atomic<std::int64_t> backoff_ms_{0};
  std::atomic<bool> l2_available_{true};
  std::atomic<std::uint64_t> l2_hits_{0}, l2_misses_{0}, l2_errors_{0}, computes_{0}, shared_{0}, invalidations_{0};
};

}  // namespace snai::cache
