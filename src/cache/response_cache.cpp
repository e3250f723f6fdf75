#include "cache/response_cache.hpp"

#include <charconv>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

namespace snai::cache {
namespace {

std::int64_t steady_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::string_view to_string(CacheLevel level) {
  switch (level) {
    case CacheLevel::l1: return "hit-l1";
    case CacheLevel::l2: return "hit-l2";
    case CacheLevel::computed: return "miss";
  }
  return "miss";
}

ResponseCache::ResponseCache(ResponseCacheOptions options) : options_(std::move(options)), l1_(options_.l1) {}

ResponseCache::~ResponseCache() { subscriber_.reset(); }  // its thread calls into this object

Result<std::unique_ptr<ResponseCache>> ResponseCache::create(ResponseCacheOptions options) {
  std::unique_ptr<ResponseCache> cache(new ResponseCache(std::move(options)));
  if (cache->options_.redis_url.empty()) return cache;
  auto redis = RedisClient::open(cache->options_.redis_url, cache->options_.redis_timeout);
  if (!redis) return fail(redis.error());
  cache->redis_ = std::move(*redis);
  cache->sync_generation();
  if (cache->options_.subscribe) {
    InvalidationSubscriber::Options sub{.address = cache->redis_->address(), .channel = cache->options_.names.channel};
    ResponseCache* self = cache.get();
    cache->subscriber_ = std::make_unique<InvalidationSubscriber>(
        std::move(sub), [self](std::string_view message) { self->apply_invalidation(message); },
        // Messages sent while this instance was not listening are lost: catch up on the generation.
        [self] { self->sync_generation(); });
  }
  return cache;
}

std::string ResponseCache::l2_key(std::uint64_t generation, std::string_view key) const {
  return fmt::format("{}{}:{}", options_.names.key_prefix, generation, key);
}

bool ResponseCache::l2_ready() const { return redis_ && steady_ns() >= retry_at_ns_.load(std::memory_order_relaxed); }

void ResponseCache::l2_failed(const Error& error) {
  l2_errors_.fetch_add(1, std::memory_order_relaxed);
  const std::int64_t min = options_.backoff_min.count(), max = options_.backoff_max.count();
  std::int64_t backoff = backoff_ms_.load();
  backoff = backoff == 0 ? min : std::min(max, backoff * 2);
  backoff_ms_.store(backoff);
  retry_at_ns_.store(steady_ns() + backoff * 1'000'000);
  if (l2_available_.exchange(false))
    spdlog::warn("cache: Redis L2 unavailable ({}); serving from L1 and computing, retrying with back-off from {} ms",
                 error.message, backoff);
}

void ResponseCache::l2_succeeded() {
  if (l2_available_.load(std::memory_order_relaxed)) return;
  if (!l2_available_.exchange(true)) {
    backoff_ms_.store(0);
    spdlog::info("cache: Redis L2 is back");
  }
}

void ResponseCache::set_generation(std::uint64_t generation) {
  if (generation_.exchange(generation) == generation) return;
  epoch_.fetch_add(1);
  l1_.erase_prefix("");
  // Counted once applied: a reader that sees the count sees the entries gone.
  invalidations_.fetch_add(1, std::memory_order_release);
}

void ResponseCache::sync_generation() {
  if (!redis_) return;
  auto generation = read_generation(*redis_, options_.names);
  if (!generation) {
    l2_failed(generation.error());
    return;
  }
  l2_succeeded();
  set_generation(*generation);
}

void ResponseCache::apply_invalidation(std::string_view message) {
  if (message.starts_with("generation ")) {
    message.remove_prefix(11);
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(message.data(), message.data() + message.size(), n);
    if (ec == std::errc{}) set_generation(n);
  } else if (message.starts_with("prefix ")) {
    message.remove_prefix(7);
    epoch_.fetch_add(1);
    l1_.erase_prefix(message);
    invalidations_.fetch_add(1, std::memory_order_release);
  }
}

std::optional<Served> ResponseCache::get_l1(std::string_view key) {
  if (auto hit = l1_.get(key)) return Served{.value = std::move(*hit), .level = CacheLevel::l1};
  return std::nullopt;
}

Result<Served> ResponseCache::get_or_compute(std::string_view key, const std::function<Result<Computed>()>& compute) {
  if (auto hit = l1_.get(key)) return Served{.value = std::move(*hit), .level = CacheLevel::l1};

  Served served;
  auto joined = flights_.join(key, options_.flight_wait);
  if (!joined.lead && joined.value) {
    shared_.fetch_add(1, std::memory_order_relaxed);
    return Served{.value = std::move(*joined.value), .level = CacheLevel::computed, .shared = true};
  }
  // The leader (or a waiter that gave up): the flight before ours may have just filled L1.
  if (auto hit = l1_.get(key)) {
    if (joined.lead) joined.lead->finish(*hit);
    return Served{.value = std::move(*hit), .level = CacheLevel::l1};
  }
  const std::uint64_t epoch = epoch_.load(), generation = generation_.load();
  auto store_l1 = [&](const std::string& value) {
    if (epoch_.load() == epoch) l1_.put(key, value);
  };

  if (l2_ready()) {
    served.l2_consulted = true;
    auto got = redis_->get(l2_key(generation, key));
    if (!got) {
      served.l2_error = true;
      l2_failed(got.error());
    } else {
      l2_succeeded();
      if (*got) {
        l2_hits_.fetch_add(1, std::memory_order_relaxed);
        store_l1(**got);
        if (joined.lead) joined.lead->finish(**got);
        served.value = std::move(**got);
        served.level = CacheLevel::l2;
        return served;
      }
      l2_misses_.fetch_add(1, std::memory_order_relaxed);
    }
  }

  computes_.fetch_add(1, std::memory_order_relaxed);
  auto computed = compute();
  if (!computed) return fail(computed.error());  // the Lead's destructor releases the waiters
  if (computed->cacheable) {
    store_l1(computed->value);
    if (l2_ready() && epoch_.load() == epoch) {
      if (auto st = redis_->set(l2_key(generation, key), computed->value, options_.l2_ttl); !st) {
        served.l2_error = true;
        l2_failed(st.error());
      } else {
        l2_succeeded();
      }
    }
  }
  if (joined.lead) joined.lead->finish(computed->value);
  served.value = std::move(computed->value);
  served.level = CacheLevel::computed;
  return served;
}

Status ResponseCache::invalidate_all() {
  if (!redis_) {
    set_generation(generation_.load() + 1);
    return ok();
  }
  auto generation = publish_new_generation(*redis_, options_.names);
  if (!generation) return fail(generation.error());
  set_generation(*generation);
  return ok();
}

Status ResponseCache::invalidate_prefix(std::string_view prefix) {
  apply_invalidation(fmt::format("prefix {}", prefix));
  if (!redis_) return ok();
  auto deleted = publish_prefix_invalidation(*redis_, prefix, options_.names);
  if (!deleted) return fail(deleted.error());
  return ok();
}

ResponseCacheStats ResponseCache::stats() const {
  return {.l1 = l1_.stats(),
          .l2_hits = l2_hits_.load(),
          .l2_misses = l2_misses_.load(),
          .l2_errors = l2_errors_.load(),
          .computes = computes_.load(),
          .shared = shared_.load(),
          .invalidations = invalidations_.load(std::memory_order_acquire),
          .l2_enabled = redis_ != nullptr,
          .l2_available = redis_ != nullptr && l2_available_.load(),
          .generation = generation_.load()};
}

}  // namespace snai::cache
