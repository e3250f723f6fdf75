// Against the real Redis that scripts/services.sh starts (SNAI_TEST_REDIS_URL).
#include "cache/redis_client.hpp"

#include <gtest/gtest.h>
#include <thread>

#include "core/id.hpp"

namespace snai::cache {
namespace {

std::string redis_url() {
  const char* url = std::getenv("SNAI_TEST_REDIS_URL");
  return url ? url : "";
}

class RedisClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(redis_url().empty()) << "SNAI_TEST_REDIS_URL is not set: run through `make test`";
    auto client = RedisClient::connect(redis_url());
    ASSERT_TRUE(client) << client.error().message;
    client_ = std::move(*client);
    prefix_ = "test:" + random_token(4) + ":";
  }
  std::unique_ptr<RedisClient> client_;
  std::string prefix_;
};

TEST_F(RedisClientTest, SetGetDeleteRoundTripsBinarySafely) {
  std::string value("a\0b\xff", 4);
  ASSERT_TRUE(client_->set(prefix_ + "k", value));
  auto got = client_->get(prefix_ + "k");
  ASSERT_TRUE(got);
  ASSERT_TRUE(*got);
  EXPECT_EQ(**got, value);
  EXPECT_EQ(*client_->del(prefix_ + "k"), 1);
  EXPECT_FALSE(*client_->get(prefix_ + "k"));
}

TEST_F(RedisClientTest, TtlExpires) {
  ASSERT_TRUE(client_->set(prefix_ + "ttl", "v", std::chrono::seconds(1)));
  EXPECT_TRUE(*client_->get(prefix_ + "ttl"));
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  EXPECT_FALSE(*client_->get(prefix_ + "ttl"));
}

TEST_F(RedisClientTest, IncrIsAtomicAcrossThreads) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 250; ++i) ASSERT_TRUE(client_->incr(prefix_ + "n"));
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(**client_->get(prefix_ + "n"), "1000");
}

TEST_F(RedisClientTest, EvalIntsRunsScriptsAndSurvivesAScriptFlush) {
  constexpr std::string_view script = "return {redis.call('INCRBY', KEYS[1], ARGV[1]), 7}";
  auto first = client_->eval_ints(script, {prefix_ + "s"}, {"5"});
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(*first, (std::vector<std::int64_t>{5, 7}));
  // The server forgets every script: EVALSHA answers NOSCRIPT and the client falls back to EVAL.
  auto address = parse_redis_url(redis_url());
  ASSERT_TRUE(address);
  const std::string flush = "redis-cli -h " + address->host + " -p " + std::to_string(address->port) +
                            " -n " + std::to_string(address->db) + " SCRIPT FLUSH >/dev/null";
  ASSERT_EQ(std::system(flush.c_str()), 0);
  auto second = client_->eval_ints(script, {prefix_ + "s"}, {"2"});
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(*second, (std::vector<std::int64_t>{7, 7}));
  auto not_ints = client_->eval_ints("return 'text'", {}, {});
  EXPECT_FALSE(not_ints);
}

TEST(RedisClient, OpenDoesNotConnectUntilUsed) {
  auto client = RedisClient::open("redis://127.0.0.1:1", std::chrono::milliseconds(300));
  ASSERT_TRUE(client) << client.error().message;
  auto pinged = (*client)->ping();
  ASSERT_FALSE(pinged);
  EXPECT_EQ(pinged.error().code, ErrorCode::unavailable);
  EXPECT_FALSE(RedisClient::open("http://nope"));
}

TEST(RedisClient, UnreachableServerIsUnavailable) {
  auto client = RedisClient::connect("redis://127.0.0.1:1", std::chrono::milliseconds(500));
  ASSERT_FALSE(client);
  EXPECT_EQ(client.error().code, ErrorCode::unavailable);
}

TEST(RedisClient, ParsesUrls) {
  auto a = parse_redis_url("redis://cache.internal:6380/2");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->host, "cache.internal");
  EXPECT_EQ(a->port, 6380);
  EXPECT_EQ(a->db, 2);
  EXPECT_EQ(parse_redis_url("redis://h").value().port, 6379);
  EXPECT_FALSE(parse_redis_url("http://h"));
  EXPECT_FALSE(parse_redis_url("redis://h:port"));
}

}  // namespace
}  // namespace snai::cache
