#include "cache/redis_client.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <hiredis/hiredis.h>
#include <vector>

namespace snai::cache {
namespace {

struct ReplyDeleter {
  void operator()(redisReply* r) const { freeReplyObject(r); }
};
using Reply = std::unique_ptr<redisReply, ReplyDeleter>;

Result<int> parse_int(std::string_view text, std::string_view what) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size())
    return fail(ErrorCode::invalid_argument, fmt::format("redis URL has a bad {}: '{}'", what, text), "redis_url");
  return value;
}

Error reply_error(const redisReply* r) {
  return {ErrorCode::internal, fmt::format("redis replied with an error: {}", std::string_view(r->str, r->len)), {}};
}

}  // namespace

Result<RedisAddress> parse_redis_url(std::string_view url) {
  constexpr std::string_view scheme = "redis://";
  if (!url.starts_with(scheme))
    return fail(ErrorCode::invalid_argument, fmt::format("redis URL '{}' must start with redis://", url), "redis_url");
  url.remove_prefix(scheme.size());
  RedisAddress address;
  if (auto slash = url.find('/'); slash != std::string_view::npos) {
    if (slash + 1 < url.size()) {
      auto db = parse_int(url.substr(slash + 1), "database number");
      if (!db) return fail(db.error());
      address.db = *db;
    }
    url = url.substr(0, slash);
  }
  if (auto colon = url.rfind(':'); colon != std::string_view::npos) {
    auto port = parse_int(url.substr(colon + 1), "port");
    if (!port) return fail(port.error());
    address.port = *port;
    url = url.substr(0, colon);
  }
  if (url.empty()) return fail(ErrorCode::invalid_argument, "redis URL has no host", "redis_url");
  address.host = std::string(url);
  return address;
}

Result<std::unique_ptr<RedisClient>> RedisClient::connect(std::string_view url, std::chrono::milliseconds timeout) {
  auto address = parse_redis_url(url);
  if (!address) return fail(address.error());
  std::unique_ptr<RedisClient> client(new RedisClient(std::move(*address), timeout));
  if (auto st = client->ping(); !st) return fail(st.error());
  return client;
}

Result<std::unique_ptr<RedisClient>> RedisClient::open(std::string_view url, std::chrono::milliseconds timeout) {
  auto address = parse_redis_url(url);
  if (!address) return fail(address.error());
  return std::unique_ptr<RedisClient>(new RedisClient(std::move(*address), timeout));
}

RedisClient::~RedisClient() {
  if (ctx_) redisFree(ctx_);
}

Status RedisClient::ensure_connected() {
  if (ctx_ && !ctx_->err) return ok();
  if (ctx_) redisFree(ctx_);
  timeval tv{static_cast<time_t>(timeout_.count() / 1000), static_cast<suseconds_t>((timeout_.count() % 1000) * 1000)};
  ctx_ = redisConnectWithTimeout(address_.host.c_str(), address_.port, tv);
  if (!ctx_ || ctx_->err) {
    std::string why = ctx_ ? ctx_->errstr : "out of memory";
    if (ctx_) redisFree(ctx_);
    ctx_ = nullptr;
    return fail(ErrorCode::unavailable, fmt::format("cannot connect to Redis at {}:{}: {}", address_.host, address_.port, why));
  }
  redisSetTimeout(ctx_, tv);
  if (address_.db != 0) {
    Reply r(static_cast<redisReply*>(redisCommand(ctx_, "SELECT %d", address_.db)));
    if (!r || r->type == REDIS_REPLY_ERROR)
      return fail(ErrorCode::unavailable, fmt::format("cannot select Redis database {}", address_.db));
  }
  return ok();
}

template <class Read>
auto RedisClient::command(std::initializer_list<std::string_view> argv, Read read) -> decltype(read(nullptr)) {
  return command(std::vector<std::string_view>(argv), read);
}

template <class Read>
auto RedisClient::command(const std::vector<std::string_view>& argv, Read read) -> decltype(read(nullptr)) {
  std::lock_guard lock(mu_);
  if (auto st = ensure_connected(); !st) return fail(st.error());
  std::vector<const char*> args;
  std::vector<size_t> lens;
  for (auto a : argv) {
    args.push_back(a.data());
    lens.push_back(a.size());
  }
  Reply reply(static_cast<redisReply*>(redisCommandArgv(ctx_, static_cast<int>(args.size()), args.data(), lens.data())));
  if (!reply) {
    std::string why = ctx_->errstr;
    redisFree(ctx_);
    ctx_ = nullptr;  // reconnect on the next call
    return fail(ErrorCode::unavailable, fmt::format("Redis at {}:{} failed: {}", address_.host, address_.port, why));
  }
  if (reply->type == REDIS_REPLY_ERROR) return fail(reply_error(reply.get()));
  return read(reply.get());
}

Status RedisClient::ping() {
  return command({"PING"}, [](const redisReply*) -> Status { return ok(); });
}

Result<std::optional<std::string>> RedisClient::get(std::string_view key) {
  return command({"GET", key}, [](const redisReply* r) -> Result<std::optional<std::string>> {
    if (!r || r->type == REDIS_REPLY_NIL) return std::optional<std::string>();
    return std::optional<std::string>(std::string(r->str, r->len));
  });
}

Status RedisClient::set(std::string_view key, std::string_view value, std::optional<std::chrono::milliseconds> ttl) {
  auto done = [](const redisReply*) -> Status { return ok(); };
  if (!ttl) return command({"SET", key, value}, done);
  auto ms = std::to_string(std::max<std::int64_t>(1, ttl->count()));
  return command({"SET", key, value, "PX", ms}, done);
}

Result<std::int64_t> RedisClient::del(std::string_view key) {
  return command({"DEL", key}, [](const redisReply* r) -> Result<std::int64_t> { return r ? r->integer : 0; });
}

Result<std::int64_t> RedisClient::incr(std::string_view key) {
  return command({"INCR", key}, [](const redisReply* r) -> Result<std::int64_t> { return r ? r->integer : 0; });
}

Result<std::int64_t> RedisClient::publish(std::string_view channel, std::string_view message) {
  return command({"PUBLISH", channel, message}, [](const redisReply* r) -> Result<std::int64_t> { return r ? r->integer : 0; });
}

Result<std::vector<std::int64_t>> RedisClient::eval_ints(std::string_view script,
                                                        std::initializer_list<std::string_view> keys,
                                                        std::initializer_list<std::string_view> args) {
  auto read_ints = [](const redisReply* r) -> Result<std::vector<std::int64_t>> {
    if (!r || r->type != REDIS_REPLY_ARRAY)
      return fail(ErrorCode::internal, "redis script did not return an array");
    std::vector<std::int64_t> values;
    for (std::size_t i = 0; i < r->elements; ++i) {
      if (r->element[i]->type != REDIS_REPLY_INTEGER)
        return fail(ErrorCode::internal, "redis script returned a non-integer element");
      values.push_back(r->element[i]->integer);
    }
    return values;
  };
  const std::string key_count = std::to_string(keys.size());
  auto argv_for = [&](std::string_view verb, std::string_view body) {
    std::vector<std::string_view> argv{verb, body, key_count};
    argv.insert(argv.end(), keys.begin(), keys.end());
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
  };

  std::string sha1;
  {
    std::lock_guard lock(scripts_mu_);
    if (auto it = script_sha1_.find(std::string(script)); it != script_sha1_.end()) sha1 = it->second;
  }
  if (sha1.empty()) {
    auto loaded = command({"SCRIPT", "LOAD", script}, [](const redisReply* r) -> Result<std::string> {
      if (!r || r->type != REDIS_REPLY_STRING) return fail(ErrorCode::internal, "SCRIPT LOAD did not return a SHA1");
      return std::string(r->str, r->len);
    });
    if (!loaded) return fail(loaded.error());
    sha1 = std::move(*loaded);
    std::lock_guard lock(scripts_mu_);
    script_sha1_[std::string(script)] = sha1;
  }
  auto result = command(argv_for("EVALSHA", sha1), read_ints);
  // NOSCRIPT: the server lost its script cache (restart, failover, SCRIPT FLUSH). EVAL runs the
  // script and caches it again under the same SHA1.
  if (!result && result.error().message.starts_with("redis replied with an error: NOSCRIPT"))
    return command(argv_for("EVAL", script), read_ints);
  return result;
}

}  // namespace snai::cache
