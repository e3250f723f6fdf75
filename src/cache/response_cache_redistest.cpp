// The two-level cache against real Redis: the shared one from scripts/services.sh
// (SNAI_TEST_REDIS_URL) for L2 and pub/sub between two instances, and a private redis-server
// this test starts and SIGKILLs under load.
#include "cache/response_cache.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "core/id.hpp"

extern char** environ;

namespace snai::cache {
namespace {

using namespace std::chrono_literals;

std::string redis_url() {
  const char* url = std::getenv("SNAI_TEST_REDIS_URL");
  return url ? url : "";
}

// A namespace of its own per test, so runs and tests never see each other's keys or messages.
CacheNamespace fresh_namespace() {
  const std::string token = random_token(6);
  return {.key_prefix = "test:cache:" + token + ":", .channel = "test:invalidate:" + token};
}

template <class Pred>
bool eventually(Pred pred, std::chrono::milliseconds within = 3s) {
  const auto deadline = std::chrono::steady_clock::now() + within;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return pred();
}

class ResponseCacheRedisTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(redis_url().empty()) << "SNAI_TEST_REDIS_URL is not set: run through `make test`";
    names_ = fresh_namespace();
  }
  std::unique_ptr<ResponseCache> make_cache() {
    auto cache = ResponseCache::create({.redis_url = redis_url(), .redis_timeout = 500ms, .names = names_});
    EXPECT_TRUE(cache) << cache.error().message;
    EXPECT_TRUE((*cache)->wait_subscribed(5s));
    return std::move(*cache);
  }
  CacheNamespace names_;
};

TEST_F(ResponseCacheRedisTest, AnswerComputedByOneInstanceIsAnL2HitForAnother) {
  auto a = make_cache(), b = make_cache();
  int calls = 0;
  auto compute = [&]() -> Result<Computed> { return Computed{std::string("bytes\0of answer ", 16) + std::to_string(++calls)}; };
  auto first = a->get_or_compute("req:1", compute);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->level, CacheLevel::computed);
  EXPECT_TRUE(first->l2_consulted);
  auto from_b = b->get_or_compute("req:1", compute);
  ASSERT_TRUE(from_b);
  EXPECT_EQ(from_b->level, CacheLevel::l2);
  EXPECT_EQ(from_b->value, first->value);  // the exact bytes
  auto again = b->get_or_compute("req:1", compute);
  EXPECT_EQ(again->level, CacheLevel::l1);
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(b->stats().l2_hits, 1u);
  EXPECT_EQ(a->stats().l2_misses, 1u);
}

TEST_F(ResponseCacheRedisTest, ANewGenerationPublishedByOneInstanceDropsEveryInstancesEntries) {
  auto a = make_cache(), b = make_cache();
  int calls = 0;
  auto compute = [&]() -> Result<Computed> { return Computed{"v" + std::to_string(++calls)}; };
  ASSERT_TRUE(a->get_or_compute("req", compute));
  ASSERT_EQ(b->get_or_compute("req", compute)->level, CacheLevel::l2);
  ASSERT_EQ(b->get_or_compute("req", compute)->level, CacheLevel::l1);
  const auto generation = b->stats().generation;

  ASSERT_TRUE(a->invalidate_all());
  ASSERT_TRUE(eventually([&] { return b->stats().generation == generation + 1; }));
  auto after = b->get_or_compute("req", compute);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->level, CacheLevel::computed);  // neither L1 nor the old L2 entry
  EXPECT_EQ(after->value, "v2");
  EXPECT_EQ(a->get_or_compute("req", compute)->level, CacheLevel::l2);  // b's new answer, shared
}

TEST_F(ResponseCacheRedisTest, APrefixInvalidationReachesOtherInstancesAndL2) {
  auto a = make_cache(), b = make_cache();
  auto compute = []() -> Result<Computed> { return Computed{"v"}; };
  for (auto* cache : {a.get(), b.get()}) {
    ASSERT_TRUE(cache->get_or_compute("user:1:x", compute));
    ASSERT_TRUE(cache->get_or_compute("user:2:x", compute));
  }
  ASSERT_EQ(b->get_or_compute("user:1:x", compute)->level, CacheLevel::l1);
  const auto seen = b->stats().invalidations;
  ASSERT_TRUE(a->invalidate_prefix("user:1:"));
  ASSERT_TRUE(eventually([&] { return b->stats().invalidations > seen; }));
  EXPECT_EQ(b->get_or_compute("user:1:x", compute)->level, CacheLevel::computed);  // L2 copy deleted too
  EXPECT_EQ(b->get_or_compute("user:2:x", compute)->level, CacheLevel::l1);
}

// A redis-server of this test's own on a free loopback port.
class PrivateRedis {
 public:
  PrivateRedis() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    ::close(fd);
    dir_ = std::filesystem::temp_directory_path() / ("snai-redis-" + random_token(6));
    std::filesystem::create_directories(dir_);
  }
  ~PrivateRedis() {
    kill();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  bool start() {
    const std::string port = std::to_string(port_), dir = dir_.string();
    std::vector<std::string> args{"redis-server", "--port", port, "--bind", "127.0.0.1", "--save", "",
                                  "--appendonly", "no", "--dir", dir, "--logfile", dir + "/redis.log"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawnp(&pid_, "redis-server", nullptr, nullptr, argv.data(), environ) != 0) return false;
    return eventually([&] { return RedisClient::connect(url(), 200ms).has_value(); }, 10s);
  }
  void kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  std::string url() const { return "redis://127.0.0.1:" + std::to_string(port_); }

 private:
  int port_ = 0;
  pid_t pid_ = -1;
  std::filesystem::path dir_;
};

TEST(ResponseCacheRedisFailure, RedisKilledUnderLoadAnswersKeepComingFromL1AndCompute) {
  PrivateRedis redis;
  ASSERT_TRUE(redis.start()) << "could not start redis-server";
  // A small L1, so lookups keep reaching past it to Redis (and compute) while Redis is gone.
  auto created = ResponseCache::create({.l1 = {.max_bytes = 16 * 1024, .shards = 4},
                                        .redis_url = redis.url(),
                                        .redis_timeout = 100ms,
                                        .backoff_min = 100ms,
                                        .backoff_max = 400ms,
                                        .names = fresh_namespace()});
  ASSERT_TRUE(created) << created.error().message;
  auto& cache = **created;
  ASSERT_TRUE(cache.wait_subscribed(5s));

  std::atomic<bool> stop{false};
  std::atomic<std::uint64_t> answers{0}, failures{0}, wrong{0};
  std::vector<std::thread> load;
  for (int t = 0; t < 4; ++t)
    load.emplace_back([&, t] {
      for (std::uint64_t i = 0; !stop; ++i) {
        const std::string key = "k" + std::to_string((i * 7 + t) % 3000);
        auto served = cache.get_or_compute(key, [&]() -> Result<Computed> { return Computed{"answer for " + key}; });
        if (!served) ++failures;
        else if (served->value != "answer for " + key) ++wrong;
        ++answers;
      }
    });
  ASSERT_TRUE(eventually([&] { return cache.stats().l2_hits > 200; }, 10s));
  EXPECT_TRUE(cache.stats().l2_available);

  redis.kill();
  const auto at_kill = answers.load();
  std::this_thread::sleep_for(1500ms);  // several back-off rounds with Redis gone
  const auto after_kill = answers.load() - at_kill;
  auto stats = cache.stats();
  EXPECT_GE(stats.l2_errors, 2u);  // tried again after a back-off, failed again
  EXPECT_FALSE(stats.l2_available);
  EXPECT_FALSE(cache.subscribed());
  EXPECT_GT(after_kill, 1000u) << "answers stalled after Redis died";

  // Redis comes back on the same port: L2 and the subscription recover by themselves.
  ASSERT_TRUE(redis.start());
  EXPECT_TRUE(eventually([&] { return cache.stats().l2_available && cache.subscribed(); }, 10s));
  stop = true;
  for (auto& t : load) t.join();
  EXPECT_EQ(failures.load(), 0u);
  EXPECT_EQ(wrong.load(), 0u);
  std::printf("answers: %llu in total, %llu in the 1.5 s without Redis; L2 errors %llu\n",
              static_cast<unsigned long long>(answers.load()), static_cast<unsigned long long>(after_kill),
              static_cast<unsigned long long>(stats.l2_errors));
}

}  // namespace
}  // namespace snai::cache
