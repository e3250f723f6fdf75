// A small, thread-safe Redis client on hiredis: the L2 cache and cross-instance signals
// (rate limits, invalidation) build on it. One connection, serialised by a mutex, re-made
// after a failure.
//
//   auto redis = snai::cache::RedisClient::connect("redis://127.0.0.1:6379/0");
//   if (redis) (*redis)->set("k", "v", std::chrono::seconds(60));
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"

struct redisContext;

namespace snai::cache {

struct RedisAddress {
  std::string host = "127.0.0.1";
  int port = 6379;
  int db = 0;
};

// Parses redis://HOST[:PORT][/DB]; invalid_argument (field "redis_url") otherwise.
Result<RedisAddress> parse_redis_url(std::string_view url);

class RedisClient {
 public:
  // Connects and PINGs; unavailable when nothing answers within `timeout`.
  static Result<std::unique_ptr<RedisClient>> connect(std::string_view url,
                                                      std::chrono::milliseconds timeout = std::chrono::seconds(2));
  // Parses the URL only and connects on first use, so a Redis that is down at start-up is
  // not an error here (callers that can run without Redis fall back instead of failing).
  static Result<std::unique_ptr<RedisClient>> open(std::string_view url,
                                                   std::chrono::milliseconds timeout = std::chrono::seconds(2));
  ~RedisClient();

  Status ping();
  Result<std::optional<std::string>> get(std::string_view key);
  // SET with PX: millisecond TTLs (a std::chrono::seconds converts).
  Status set(std::string_view key, std::string_view value, std::optional<std::chrono::milliseconds> ttl = std::nullopt);
  Result<std::int64_t> del(std::string_view key);
  Result<std::int64_t> incr(std::string_view key);
  // PUBLISH; the number of subscribers that received the message.
  Result<std::int64_t> publish(std::string_view channel, std::string_view message);
  const RedisAddress& address() const { return address_; }
  std::chrono::milliseconds timeout() const { return timeout_; }

  // Runs a Lua script atomically (EVALSHA, falling back to EVAL when the server does not know
  // the script yet: first use, restart, SCRIPT FLUSH). The script must return an array of
  // integers; anything else is ErrorCode::internal.
  //   auto r = redis->eval_ints("return {1, redis.call('INCR', KEYS[1])}", {"k"}, {});
  Result<std::vector<std::int64_t>> eval_ints(std::string_view script, std::initializer_list<std::string_view> keys,
                                              std::initializer_list<std::string_view> args);

 private:
  RedisClient(RedisAddress address, std::chrono::milliseconds timeout) : address_(std::move(address)), timeout_(timeout) {}
  Status ensure_connected();
  // Runs one command (argv form, binary-safe); the reply is handed to `read` while locked.
  template <class Read>
  auto command(std::initializer_list<std::string_view> argv, Read read) -> decltype(read(nullptr));
  template <class Read>
  auto command(const std::vector<std::string_view>& argv, Read read) -> decltype(read(nullptr));

  RedisAddress address_;
  std::chrono::milliseconds timeout_;
  std::mutex mu_;
  redisContext* ctx_ = nullptr;
  std::mutex scripts_mu_;
  std::unordered_map<std::string, std::string> script_sha1_;  // script text -> SHA1 from SCRIPT LOAD
};

}  // namespace snai::cache
