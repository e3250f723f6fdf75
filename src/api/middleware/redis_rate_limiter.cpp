#include "api/middleware/redis_rate_limiter.hpp"

#include <algorithm>
#include <spdlog/spdlog.h>

namespace snai::api {
namespace {

// TokenBucket::take in Lua (keep the two in step). KEYS[1]: the bucket, a hash {u, ms};
// ARGV: per_minute, burst. Returns {allowed 0/1, whole tokens remaining, ms until a token}.
// Numbers stay integral (< 2^53), so Lua's doubles are exact; they go to Redis through '%d'
// because Redis would print large ones in exponent form. The key expires once the bucket
// would be full again: an absent bucket is a full one.
constexpr std::string_view kTakeScript = R"lua(
local per_minute = tonumber(ARGV[1])
local unit = 60000
local capacity = tonumber(ARGV[2]) * unit
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'u', 'ms')
local units = tonumber(state[1])
local last = tonumber(state[2])
if units == nil or last == nil then
  units = capacity
  last = now
end
units = math.min(units, capacity)
if now > last then
  local useful = math.ceil((capacity - units) / per_minute)
  units = math.min(capacity, units + math.min(now - last, useful) * per_minute)
  last = now
end
local allowed = 0
local wait_ms = 0
if units >= unit then
  units = units - unit
  allowed = 1
else
  wait_ms = math.ceil((unit - units) / per_minute)
end
redis.call('HSET', KEYS[1], 'u', string.format('%d', units), 'ms', string.format('%d', last))
redis.call('PEXPIRE', KEYS[1], string.format('%d', math.ceil((capacity - units) / per_minute) + 1000))
return {allowed, math.floor(units / unit), wait_ms}
)lua";

constexpr std::int64_t kRetryRedisAfterMs = 1000;

}  // namespace

RedisRateLimiter::RedisRateLimiter(std::unique_ptr<cache::RedisClient> redis, std::string key_prefix,
                                   const Clock* clock)
    : redis_(std::move(redis)),
      key_prefix_(std::move(key_prefix)),
      clock_(clock ? clock : &system_clock_),
      fallback_(clock_) {}

Decision RedisRateLimiter::take(std::string_view key, Rate rate) {
  const std::int64_t now = to_unix_ms(clock_->now());
  // While Redis is down, only one request per back-off period pays for a connection attempt.
  if (now < retry_redis_at_ms_.load()) return fallback_.take(key, rate);

  const Rate r{std::max(rate.per_minute, 1), std::max(rate.burst, 1)};
  const std::string per_minute = std::to_string(r.per_minute);
  const std::string burst = std::to_string(r.burst);
  auto reply = redis_->eval_ints(kTakeScript, {key_prefix_ + std::string(key)}, {per_minute, burst});
  if (!reply || reply->size() != 3) {
    retry_redis_at_ms_.store(now + kRetryRedisAfterMs);
    if (!degraded_.exchange(true)) {
      spdlog::warn("rate limits: Redis is not answering ({}); limiting per instance until it is back",
                   reply ? "unexpected reply" : reply.error().message);
    }
    return fallback_.take(key, rate);
  }
  if (degraded_.exchange(false)) spdlog::info("rate limits: Redis is back; limits are shared again");
  const auto& v = *reply;
  Decision decision;
  decision.allowed = v[0] == 1;
  decision.remaining = static_cast<int>(v[1]);
  if (!decision.allowed) decision.retry_after_s = static_cast<int>(std::max<std::int64_t>(1, (v[2] + 999) / 1000));
  return decision;
}

}  // namespace snai::api
