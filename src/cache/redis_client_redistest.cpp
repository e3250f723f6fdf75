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
