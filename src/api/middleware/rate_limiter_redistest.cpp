// RedisRateLimiter against the real Redis the harness starts (SNAI_TEST_REDIS_URL): the script's
// arithmetic, two HTTP servers sharing one budget, and the fallback when Redis is unreachable.
#include "api/middleware/redis_rate_limiter.hpp"

#include <gtest/gtest.h>

#include "api/server/http_server.hpp"
#include "api/testing/fake_storage.hpp"
#include "api/testing/http_client.hpp"
#include "core/id.hpp"

namespace snai::api {
namespace {

std::string redis_url() {
  const char* url = std::getenv("SNAI_TEST_REDIS_URL");
  return url ? url : "";
}

std::unique_ptr<RedisRateLimiter> limiter(const std::string& prefix, const std::string& url = redis_url()) {
  auto redis = cache::RedisClient::open(url, std::chrono::milliseconds(500));
  EXPECT_TRUE(redis) << redis.error().message;
  return std::make_unique<RedisRateLimiter>(std::move(*redis), prefix);
}

class RedisRateLimiterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(redis_url().empty()) << "SNAI_TEST_REDIS_URL is not set: run through scripts/test.sh";
    prefix_ = "test:rate:" + random_token(4) + ":";
  }
  std::string prefix_;
};

TEST_F(RedisRateLimiterTest, BurstThenRefusalWithRetryAfterLikeTheInProcessBucket) {
  auto rl = limiter(prefix_);
  const Rate rate{.per_minute = 2, .burst = 3};  // a token per 30 s: no refill during the test
  for (int remaining : {2, 1, 0}) {
    Decision d = rl->take("ip:a", rate);
    EXPECT_TRUE(d.allowed);
    EXPECT_EQ(d.remaining, remaining);
  }
  Decision refused = rl->take("ip:a", rate);
  EXPECT_FALSE(refused.allowed);
  EXPECT_GE(refused.retry_after_s, 29);
  EXPECT_LE(refused.retry_after_s, 30);
  EXPECT_TRUE(rl->take("ip:b", rate).allowed);
  EXPECT_FALSE(rl->degraded());
}

TEST_F(RedisRateLimiterTest, RefillsOnRedisTime) {
  auto rl = limiter(prefix_);
  const Rate rate{.per_minute = 600, .burst = 1};  // a token per 100 ms
  EXPECT_TRUE(rl->take("k", rate).allowed);
  EXPECT_FALSE(rl->take("k", rate).allowed);
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  EXPECT_TRUE(rl->take("k", rate).allowed);
}

TEST_F(RedisRateLimiterTest, TwoServersOnOneRedisShareOneBudget) {
  testing::FakeStorage storage;
  const LimitsConfig limits{.anonymous_per_minute = 1, .anonymous_burst = 4};
  auto limiter_a = limiter(prefix_);
  auto limiter_b = limiter(prefix_);
  ServerConfig config{.host = "127.0.0.1", .port = 0, .threads = 1};
  HttpServer a(config, ServerDeps{.storage = storage, .rate_limiter = limiter_a.get(), .limits = limits});
  HttpServer b(config, ServerDeps{.storage = storage, .rate_limiter = limiter_b.get(), .limits = limits});
  ASSERT_TRUE(a.start());
  ASSERT_TRUE(b.start());
  ASSERT_NE(a.port(), b.port());

  auto status = [](int port) {
    auto response = testing::http_request(port, "POST", "/v1/generate", "{}");
    EXPECT_TRUE(response) << response.error().describe();
    return response ? response->status : 0;
  };
  // Four tokens in all: two spent on each instance...
  EXPECT_NE(status(a.port()), 429);
  EXPECT_NE(status(b.port()), 429);
  EXPECT_NE(status(a.port()), 429);
  EXPECT_NE(status(b.port()), 429);
  // ...and both now refuse, though each alone has seen only two requests.
  EXPECT_EQ(status(a.port()), 429);
  EXPECT_EQ(status(b.port()), 429);
  EXPECT_FALSE(limiter_a->degraded());
  EXPECT_FALSE(limiter_b->degraded());
}

TEST(RedisRateLimiter, RedisDownFallsBackToInProcessLimits) {
  auto rl = limiter("test:down:", "redis://127.0.0.1:1");
  const Rate rate{.per_minute = 1, .burst = 2};
  const auto started = std::chrono::steady_clock::now();
  EXPECT_TRUE(rl->take("ip:x", rate).allowed);
  EXPECT_TRUE(rl->degraded());
  EXPECT_TRUE(rl->take("ip:x", rate).allowed);
  Decision refused = rl->take("ip:x", rate);
  EXPECT_FALSE(refused.allowed);  // still limited, per instance
  EXPECT_EQ(refused.retry_after_s, 60);
  // Only the first call paid for a connection attempt; the rest skip Redis during the back-off.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(900));
}

}  // namespace
}  // namespace snai::api
