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
  ~RedisClient();

  Status ping();
  Result<std::optional<std::string>> get(std::string_view key);
  Status set(std::string_view key, std::string_view value, std::optional<std::chrono::seconds> ttl = std::nullopt);
  Result<std::int64_t> del(std::string_view key);
  Result<std::int64_t> incr(std::string_view key);

 private:
  RedisClient(RedisAddress address, std::chrono::milliseconds timeout) : address_(std::move(address)), timeout_(timeout) {}
  Status ensure_connected();
  // Runs one command (argv form, binary-safe); the reply is handed to `read` while locked.
  template <class Read>
  auto command(std::initializer_list<std::string_view> argv, Read read) -> decltype(read(nullptr));

  RedisAddress address_;
  std::chrono::milliseconds timeout_;
  std::mutex mu_;
  redisContext* ctx_ = nullptr;
};

}  // namespace snai::cache
