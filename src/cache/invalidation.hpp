// Cache invalidation across instances over Redis pub/sub. Writers that change what cached
// answers depend on (`snai import brands`, `snai data build`, later preference feedback)
// publish on one channel; every instance's InvalidationSubscriber hears it and its
// ResponseCache drops the matching L1 entries.
//
// Messages on the channel (default "snai:invalidate"):
//   "generation N"  everything cached before is stale: keys embed the generation, so old L2
//                   entries become unreachable (and expire), and L1 is cleared;
//   "prefix P"      entries whose key starts with P are stale (L2 copies deleted by the publisher).
//
//   auto redis = snai::cache::RedisClient::open("redis://127.0.0.1:6379");
//   snai::cache::publish_new_generation(**redis);            // after a data rebuild
//   snai::cache::publish_prefix_invalidation(**redis, "user:42:");
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "cache/redis_client.hpp"
#include "core/result.hpp"

namespace snai::cache {

// Where the shared cache lives in Redis: data keys are <key_prefix><generation>:<key>, the
// generation counter is <key_prefix>generation.
struct CacheNamespace {
  std::string key_prefix = "snai:cache:";
  std::string channel = "snai:invalidate";
  std::string generation_key() const { return key_prefix + "generation"; }
};

// INCRs the generation and publishes it; the new generation.
Result<std::uint64_t> publish_new_generation(RedisClient& redis, const CacheNamespace& ns = {});
// Deletes the current generation's L2 entries under `prefix` and publishes "prefix P"; the
// number of L2 entries deleted.
Result<std::int64_t> publish_prefix_invalidation(RedisClient& redis, std::string_view prefix,
                                                 const CacheNamespace& ns = {});
// The generation stored in Redis (0 when never bumped).
Result<std::uint64_t> read_generation(RedisClient& redis, const CacheNamespace& ns = {});

// A thread holding its own connection SUBSCRIBEd to the channel; re-connects (with back-off)
// after Redis goes away. on_message gets each message; on_subscribed runs after every
// (re)subscription, so the owner can catch up on what it missed while disconnected.
class InvalidationSubscriber {
 public:
  struct Options {
    RedisAddress address;
    std::string channel = "snai:invalidate";
    std::chrono::milliseconds connect_timeout{500};
    std::chrono::milliseconds backoff_min{200}, backoff_max{10'000};
  };
  InvalidationSubscriber(Options options, std::function<void(std::string_view)> on_message,
                         std::function<void()> on_subscribed = {});
  ~InvalidationSubscriber();  // stops the thread (within ~100 ms)
  InvalidationSubscriber(const InvalidationSubscriber&) = delete;
  InvalidationSubscriber& operator=(const InvalidationSubscriber&) = delete;

  bool subscribed() const { return subscribed_.load(); }
  // Waits until subscribed (true) or `timeout` passes (false). For tests and start-up.
  bool wait_subscribed(std::chrono::milliseconds timeout) const;

 private:
  void run();
  bool sleep_for(std::chrono::milliseconds pause);  // false when stopping

  Options options_;
  std::function<void(std::string_view)> on_message_;
  std::function<void()> on_subscribed_;
  std::atomic<bool> stop_{false}, subscribed_{false};
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  std::thread thread_;
};

}  // namespace snai::cache
