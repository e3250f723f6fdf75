#include "cache/lru_cache.hpp"

#include <algorithm>
#include <functional>

namespace snai::cache {

LruCache::LruCache(LruOptions options)
    : options_(options), shard_bytes_(options.max_bytes / std::max<std::size_t>(1, options.shards)) {
  const std::size_t n = std::max<std::size_t>(1, options.shards);
  shards_.reserve(n);
  for (std::size_t i = 0; i < n; ++i) shards_.push_back(std::make_unique<Shard>());
}

TimePoint LruCache::now() const { return options_.clock ? options_.clock->now() : std::chrono::system_clock::now(); }

LruCache::Shard& LruCache::shard_for(std::string_view key) {
  // The high bits pick the shard: the shard's own map uses the low bits of the same hash.
  const std::size_t h = std::hash<std::string_view>{}(key);
  return *shards_[(h >> 32 ^ h >> 7) % shards_.size()];
}

void LruCache::drop(Shard& shard, std::list<Entry>::iterator it) {
  const std::size_t size = it->key.size() + it->value.size();
  shard.index.erase(std::string_view(it->key));
  shard.order.erase(it);
  shard.bytes -= size;
  bytes_.fetch_sub(static_cast<std::int64_t>(size), std::memory_order_relaxed);
  entries_.fetch_sub(1, std::memory_order_relaxed);
}

std::optional<std::string> LruCache::get(std::string_view key) {
  Shard& shard = shard_for(key);
  std::lock_guard lock(shard.mu);
  auto found = shard.index.find(key);
  if (found == shard.index.end()) {
    misses_.fetch_add(1, std::memory_order_relaxed);
    return std::nullopt;
  }
  auto it = found->second;
  if (options_.ttl.count() > 0 && now() >= it->expires) {
    drop(shard, it);
    expirations_.fetch_add(1, std::memory_order_relaxed);
    misses_.fetch_add(1, std::memory_order_relaxed);
    return std::nullopt;
  }
  shard.order.splice(shard.order.begin(), shard.order, it);
  hits_.fetch_add(1, std::memory_order_relaxed);
  return it->value;
}

bool LruCache::put(std::string_view key, std::string_view value) {
  const std::size_t size = key.size() + value.size();
  Shard& shard = shard_for(key);
  std::lock_guard lock(shard.mu);
  if (auto found = shard.index.find(key); found != shard.index.end()) drop(shard, found->second);
  if (size > shard_bytes_) return false;
  while (shard.bytes + size > shard_bytes_ && !shard.order.empty()) {
    drop(shard, std::prev(shard.order.end()));
    evictions_.fetch_add(1, std::memory_order_relaxed);
  }
  shard.order.push_front(Entry{std::string(key), std::string(value), now() + options_.ttl});
  shard.index.emplace(std::string_view(shard.order.front().key), shard.order.begin());
  shard.bytes += size;
  bytes_.fetch_add(static_cast<std::int64_t>(size), std::memory_order_relaxed);
  entries_.fetch_add(1, std::memory_order_relaxed);
  return true;
}

bool LruCache::erase(std::string_view key) {
  Shard& shard = shard_for(key);
  std::lock_guard lock(shard.mu);
  auto found = shard.index.find(key);
  if (found == shard.index.end()) return false;
  drop(shard, found->second);
  return true;
}

std::size_t LruCache::erase_prefix(std::string_view prefix) {
  std::size_t dropped = 0;
  for (auto& shard : shards_) {
    std::lock_guard lock(shard->mu);
    for (auto it = shard->order.begin(); it != shard->order.end();) {
      auto next = std::next(it);
      if (std::string_view(it->key).starts_with(prefix)) {
        drop(*shard, it);
        ++dropped;
      }
      it = next;
    }
  }
  return dropped;
}

LruStats LruCache::stats() const {
  return {.hits = hits_.load(std::memory_order_relaxed),
          .misses = misses_.load(std::memory_order_relaxed),
          .evictions = evictions_.load(std::memory_order_relaxed),
          .expirations = expirations_.load(std::memory_order_relaxed),
          .bytes = static_cast<std::size_t>(std::max<std::int64_t>(0, bytes_.load(std::memory_order_relaxed))),
          .entries = static_cast<std::size_t>(std::max<std::int64_t>(0, entries_.load(std::memory_order_relaxed)))};
}

}  // namespace snai::cache
