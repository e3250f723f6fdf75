// The in-process L1 cache: a sharded LRU of string keys to string values with a time to live
// and a bound in bytes (key + value bytes, summed over entries). Each shard has its own mutex
// and an equal share of the byte bound, so threads asking for different keys rarely wait on
// each other. Counters (hits, misses, evictions, expirations) are atomics, cheap to read.
//
//   snai::cache::LruCache l1({.max_bytes = 64 << 20, .ttl = std::chrono::minutes(10)});
//   l1.put("k", "response bytes");
//   if (auto v = l1.get("k")) send(*v);
//   l1.erase_prefix("gen:");   // an invalidation
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/clock.hpp"

namespace snai::cache {

struct LruOptions {
  std::size_t max_bytes = 64u << 20;  // keys + values, over all shards
  std::chrono::milliseconds ttl = std::chrono::minutes(10);  // zero: entries never expire
  std::size_t shards = 16;            // at least 1
  const Clock* clock = nullptr;       // null: the system clock; tests pass a ManualClock
};

struct LruStats {
  std::uint64_t hits = 0, misses = 0, evictions = 0, expirations = 0;
  std::size_t bytes = 0, entries = 0;
};

class LruCache {
 public:
  explicit LruCache(LruOptions options = {});
  LruCache(const LruCache&) = delete;
  LruCache& operator=(const LruCache&) = delete;

  // The value when present and not expired (it becomes the most recently used); a copy, so
  // it stays valid whatever other threads do.
  std::optional<std::string> get(std::string_view key);
  // Inserts or replaces, then evicts least recently used entries of the shard until it fits.
  // An entry larger than a shard's share of the bound is not stored (returns false).
  bool put(std::string_view key, std::string_view value);
  bool erase(std::string_view key);
  // Drops every entry whose key starts with `prefix` ("" drops all); returns how many.
  std::size_t erase_prefix(std::string_view prefix);

  LruStats stats() const;
  std::size_t max_bytes() const { return shard_bytes_ * shards_.size(); }

 private:
  struct Entry {
    std::string key, value;
    TimePoint expires;
  };
  struct Shard {
    std::mutex mu;
    std::list<Entry> order;  // most recently used first
    std::unordered_map<std::string_view, std::list<Entry>::iterator> index;  // views into order's keys
    std::size_t bytes = 0;
  };

  Shard& shard_for(std::string_view key);
  void drop(Shard& shard, std::list<Entry>::iterator it);  // shard locked
  TimePoint now() const;

  LruOptions options_;
  std::size_t shard_bytes_;
  std::vector<std::unique_ptr<Shard>> shards_;
  std::atomic<std::uint64_t> hits_{0}, misses_{0}, evictions_{0}, expirations_{0};
  std::atomic<std::int64_t> bytes_{0}, entries_{0};
};

}  // namespace snai::cache
