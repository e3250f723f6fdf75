#include "cache/single_flight.hpp"

#include <atomic>
#include <gtest/gtest.h>
#include <latch>
#include <thread>

#include "cache/response_cache.hpp"

namespace snai::cache {
namespace {

using namespace std::chrono_literals;

TEST(SingleFlight, EightCallersOfOneKeyComputeOnce) {
  auto cache = ResponseCache::create({.l1 = {.max_bytes = 1 << 20}}).value();
  std::atomic<int> computes{0};
  std::latch start(8);
  std::vector<std::string> answers(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      start.arrive_and_wait();
      auto served = cache->get_or_compute("same", [&]() -> Result<Computed> {
        ++computes;
        std::this_thread::sleep_for(200ms);  // long enough for every thread to arrive
        return Computed{"answer"};
      });
      ASSERT_TRUE(served);
      answers[t] = served->value;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(computes.load(), 1);
  for (const auto& a : answers) EXPECT_EQ(a, "answer");
  auto stats = cache->stats();
  EXPECT_EQ(stats.computes, 1u);
  EXPECT_EQ(stats.shared + stats.l1.hits, 7u);  // waiters got the leader's value (or L1 after it)
}

TEST(SingleFlight, DifferentKeysDoNotWaitForEachOther) {
  SingleFlight flights;
  auto a = flights.join("a", 1s);
  auto b = flights.join("b", 1s);
  EXPECT_TRUE(a.lead);
  EXPECT_TRUE(b.lead);
}

TEST(SingleFlight, AWaiterGivesUpAfterItsTimeout) {
  SingleFlight flights;
  auto leader = flights.join("k", 1s);
  ASSERT_TRUE(leader.lead);
  const auto started = std::chrono::steady_clock::now();
  auto waiter = flights.join("k", 50ms);
  EXPECT_FALSE(waiter.lead);
  EXPECT_FALSE(waiter.value);
  EXPECT_TRUE(waiter.timed_out);
  EXPECT_GE(std::chrono::steady_clock::now() - started, 50ms);
}

TEST(SingleFlight, AFailedLeaderReleasesWaitersWithoutAValue) {
  SingleFlight flights;
  std::optional<SingleFlight::Joined> waiter;
  {
    auto leader = flights.join("k", 1s);
    ASSERT_TRUE(leader.lead);
    std::thread t([&] { waiter.emplace(flights.join("k", 5s)); });
    while (flights.waiting() == 0) std::this_thread::sleep_for(1ms);
    // leader goes out of scope unfinished: the waiter is released at once
    leader.lead.reset();
    t.join();
  }
  ASSERT_TRUE(waiter);
  EXPECT_FALSE(waiter->value);
  EXPECT_TRUE(waiter->timed_out);
  // The next caller leads a new flight.
  EXPECT_TRUE(flights.join("k", 1s).lead);
}

TEST(SingleFlight, ComputeErrorsReachTheCallerAndAreNotCached) {
  auto cache = ResponseCache::create({}).value();
  int calls = 0;
  auto failing = [&]() -> Result<Computed> {
    ++calls;
    return fail(ErrorCode::invalid_argument, "no words", "description");
  };
  auto first = cache->get_or_compute("bad", failing);
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().field, "description");
  EXPECT_FALSE(cache->get_or_compute("bad", failing));
  EXPECT_EQ(calls, 2);
}

TEST(ResponseCache, L1HitsAfterTheFirstComputeAndUncacheableAnswersAreNotKept) {
  auto cache = ResponseCache::create({}).value();
  int calls = 0;
  auto compute = [&]() -> Result<Computed> { return Computed{"v" + std::to_string(++calls)}; };
  auto first = cache->get_or_compute("k", compute);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->level, CacheLevel::computed);
  EXPECT_EQ(to_string(first->level), "miss");
  auto second = cache->get_or_compute("k", compute);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->level, CacheLevel::l1);
  EXPECT_EQ(second->value, first->value);
  EXPECT_EQ(to_string(second->level), "hit-l1");
  EXPECT_FALSE(second->l2_consulted);

  auto partial = [&]() -> Result<Computed> { return Computed{.value = "cut short", .cacheable = false}; };
  EXPECT_EQ(cache->get_or_compute("p", partial)->level, CacheLevel::computed);
  EXPECT_EQ(cache->get_or_compute("p", partial)->level, CacheLevel::computed);
}

TEST(ResponseCache, LocalInvalidationWithoutRedisClearsL1) {
  auto cache = ResponseCache::create({}).value();
  auto compute = []() -> Result<Computed> { return Computed{"v"}; };
  cache->get_or_compute("user:1:a", compute);
  cache->get_or_compute("user:2:a", compute);
  ASSERT_TRUE(cache->invalidate_prefix("user:1:"));
  EXPECT_EQ(cache->get_or_compute("user:1:a", compute)->level, CacheLevel::computed);
  EXPECT_EQ(cache->get_or_compute("user:2:a", compute)->level, CacheLevel::l1);
  ASSERT_TRUE(cache->invalidate_all());
  EXPECT_EQ(cache->get_or_compute("user:2:a", compute)->level, CacheLevel::computed);
}

TEST(ResponseCache, UnreachableRedisFallsBackToL1WithoutErrorsAndBacksOff) {
  auto cache = ResponseCache::create({.redis_url = "redis://127.0.0.1:1",
                                      .redis_timeout = 100ms,
                                      .backoff_min = 200ms,
                                      .subscribe = false})
                   .value();
  int calls = 0;
  auto compute = [&]() -> Result<Computed> { return Computed{"v" + std::to_string(++calls)}; };
  auto first = cache->get_or_compute("k", compute);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->value, "v1");
  auto second = cache->get_or_compute("k", compute);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->level, CacheLevel::l1);
  // Within the back-off Redis is not tried again.
  auto stats = cache->stats();
  EXPECT_TRUE(stats.l2_enabled);
  EXPECT_FALSE(stats.l2_available);
  const auto errors = stats.l2_errors;
  EXPECT_GE(errors, 1u);
  auto other = cache->get_or_compute("k2", compute);
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->l2_consulted);
  EXPECT_EQ(cache->stats().l2_errors, errors);
  EXPECT_FALSE(ResponseCache::create({.redis_url = "http://nope"}));
}

}  // namespace
}  // namespace snai::cache
