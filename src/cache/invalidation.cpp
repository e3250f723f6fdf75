#include "cache/invalidation.hpp"

#include <charconv>
#include <fmt/format.h>
#include <hiredis/hiredis.h>
#include <poll.h>
#include <spdlog/spdlog.h>

namespace snai::cache {
namespace {

// SCAN + DEL of one generation's keys under a prefix, then PUBLISH, atomically. Glob
// characters in the prefix are escaped so it matches literally.
constexpr std::string_view kPrefixScript = R"lua(
local generation = redis.call('GET', KEYS[1]) or '0'
local pattern = ARGV[1] .. generation .. ':' .. string.gsub(ARGV[2], '([%*%?%[%]\\])', '\\%1') .. '*'
local cursor, deleted = '0', 0
repeat
  local page = redis.call('SCAN', cursor, 'MATCH', pattern, 'COUNT', 1000)
  cursor = page[1]
  for _, key in ipairs(page[2]) do deleted = deleted + redis.call('DEL', key) end
until cursor == '0'
redis.call('PUBLISH', ARGV[3], 'prefix ' .. ARGV[2])
return {deleted}
)lua";

constexpr std::string_view kGenerationScript = R"lua(
local generation = redis.call('INCR', KEYS[1])
redis.call('PUBLISH', ARGV[1], 'generation ' .. generation)
return {generation}
)lua";

struct ContextDeleter {
  void operator()(redisContext* c) const { redisFree(c); }
};
struct ReplyDeleter {
  void operator()(void* r) const { freeReplyObject(r); }
};

}  // namespace

Result<std::uint64_t> publish_new_generation(RedisClient& redis, const CacheNamespace& ns) {
  auto r = redis.eval_ints(kGenerationScript, {ns.generation_key()}, {ns.channel});
  if (!r) return fail(r.error());
  return static_cast<std::uint64_t>(r->at(0));
}

Result<std::int64_t> publish_prefix_invalidation(RedisClient& redis, std::string_view prefix, const CacheNamespace& ns) {
  auto r = redis.eval_ints(kPrefixScript, {ns.generation_key()}, {ns.key_prefix, prefix, ns.channel});
  if (!r) return fail(r.error());
  return r->at(0);
}

Result<std::uint64_t> read_generation(RedisClient& redis, const CacheNamespace& ns) {
  auto value = redis.get(ns.generation_key());
  if (!value) return fail(value.error());
  if (!*value) return std::uint64_t{0};
  std::uint64_t n = 0;
  auto [end, ec] = std::from_chars((*value)->data(), (*value)->data() + (*value)->size(), n);
  if (ec != std::errc{}) return fail(ErrorCode::internal, "the cache generation in Redis is not a number");
  return n;
}

InvalidationSubscriber::InvalidationSubscriber(Options options, std::function<void(std::string_view)> on_message,
                                               std::function<void()> on_subscribed)
    : options_(std::move(options)), on_message_(std::move(on_message)), on_subscribed_(std::move(on_subscribed)) {
  thread_ = std::thread([this] { run(); });
}

InvalidationSubscriber::~InvalidationSubscriber() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
}

bool InvalidationSubscriber::wait_subscribed(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, timeout, [&] { return subscribed_.load() || stop_.load(); }) && subscribed_;
}

bool InvalidationSubscriber::sleep_for(std::chrono::milliseconds pause) {
  std::unique_lock lock(mu_);
  return !cv_.wait_for(lock, pause, [&] { return stop_.load(); });
}

void InvalidationSubscriber::run() {
  auto backoff = options_.backoff_min;
  bool warned = false;
  while (!stop_) {
    const auto& a = options_.address;
    const timeval tv{static_cast<time_t>(options_.connect_timeout.count() / 1000),
                     static_cast<suseconds_t>((options_.connect_timeout.count() % 1000) * 1000)};
    std::unique_ptr<redisContext, ContextDeleter> ctx(redisConnectWithTimeout(a.host.c_str(), a.port, tv));
    bool ok = ctx && !ctx->err;
    if (ok) {
      redisSetTimeout(ctx.get(), tv);
      std::unique_ptr<void, ReplyDeleter> reply(redisCommand(ctx.get(), "SUBSCRIBE %b", options_.channel.data(),
                                                             options_.channel.size()));
      ok = reply && static_cast<redisReply*>(reply.get())->type == REDIS_REPLY_ARRAY;
    }
    if (!ok) {
      if (!warned)
        spdlog::warn("cache invalidation: cannot subscribe to {} on Redis {}:{} ({}); retrying", options_.channel,
                     a.host, a.port, ctx ? ctx->errstr : "out of memory");
      warned = true;
      if (!sleep_for(backoff)) break;
      backoff = std::min(backoff * 2, options_.backoff_max);
      continue;
    }
    if (warned) spdlog::info("cache invalidation: subscribed to {} on Redis {}:{}", options_.channel, a.host, a.port);
    warned = false;
    backoff = options_.backoff_min;
    {
      std::lock_guard lock(mu_);
      subscribed_ = true;
    }
    cv_.notify_all();
    if (on_subscribed_) on_subscribed_();

    // poll() with a short timeout rather than a blocking read, so stopping never waits on Redis
    // and a read timeout never poisons the hiredis context.
    while (!stop_) {
      void* raw = nullptr;
      if (redisGetReplyFromReader(ctx.get(), &raw) != REDIS_OK) break;
      if (raw) {
        std::unique_ptr<void, ReplyDeleter> reply(raw);
        auto* r = static_cast<redisReply*>(raw);
        // ["message", channel, payload]
        if (r->type == REDIS_REPLY_ARRAY && r->elements == 3 && r->element[0]->type == REDIS_REPLY_STRING &&
            std::string_view(r->element[0]->str, r->element[0]->len) == "message" &&
            r->element[2]->type == REDIS_REPLY_STRING)
          on_message_(std::string_view(r->element[2]->str, r->element[2]->len));
        continue;
      }
      pollfd p{.fd = ctx->fd, .events = POLLIN, .revents = 0};
      const int ready = ::poll(&p, 1, 100);
      if (ready < 0 && errno != EINTR) break;
      if (ready > 0 && redisBufferRead(ctx.get()) != REDIS_OK) break;
    }
    {
      std::lock_guard lock(mu_);
      subscribed_ = false;
    }
    if (!stop_) {
      spdlog::warn("cache invalidation: lost the subscription to {} on Redis {}:{} ({}); re-connecting", options_.channel,
                   a.host, a.port, ctx->errstr[0] ? ctx->errstr : "connection closed");
      warned = true;
      if (!sleep_for(backoff)) break;
    }
  }
}

}  // namespace snai::cache
