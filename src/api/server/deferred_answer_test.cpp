// Slow answers on worker threads (Response::later, internal/worker_pool.hpp), over a real server
// with one event loop: the loop keeps answering while a slow answer is being made, a failure in
// the slow part is a 500, a full queue is a 503, and a graceful stop waits for the slow answer.
#include <atomic>
#include <chrono>
#include <future>
#include <gtest/gtest.h>
#include <thread>

#include "api/internal/worker_pool.hpp"
#include "api/middleware/metrics.hpp"
#include "api/server/error_response.hpp"
#include "api/server/http_server.hpp"
#include "api/testing/fake_storage.hpp"
#include "api/testing/http_client.hpp"

namespace snai::api {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

class DeferredAnswer : public ::testing::Test {
 protected:
  void start(int workers = 1) {
    Router router;
    router.get("/fast", [](const Request&) { return json_response(200, {{"fast", true}}); });
    router.get("/slow", [this](const Request& request) {
      ++routed_;  // on the event loop: the request was read and handed to the workers (or refused)
      const std::string id(request.request_id());  // the Request is gone when the work runs: copy
      return answer_later([this, id] {
        ++started_;
        std::this_thread::sleep_for(std::chrono::milliseconds(release_after_ms_.load()));
        return json_response(200, {{"slow", id}});
      });
    });
    router.get("/broken", [](const Request&) {
      return answer_later([]() -> Response { throw std::runtime_error("the model file vanished"); });
    });
    ServerConfig config{.host = "127.0.0.1", .port = testing::find_free_port(), .threads = 1, .workers = workers};
    server_ = std::make_unique<HttpServer>(config, ServerDeps{.storage = storage_, .metrics = &registry_}, std::move(router));
    ASSERT_TRUE(server_->start());
  }
  testing::HttpResponse get(std::string_view target) {
    auto response = testing::http_request(server_->port(), "GET", target, {}, {.timeout = 10s});
    EXPECT_TRUE(response) << response.error().describe();
    return response ? *response : testing::HttpResponse{};
  }
  void wait_until_started(int n) {
    const auto deadline = Clock::now() + 5s;
    while (started_.load() < n && Clock::now() < deadline) std::this_thread::sleep_for(1ms);
    ASSERT_GE(started_.load(), n);
  }

  testing::FakeStorage storage_;
  metrics::Registry registry_;
  std::unique_ptr<HttpServer> server_;
  std::atomic<int> started_{0};
  std::atomic<int> routed_{0};
  std::atomic<int> release_after_ms_{600};
};

TEST_F(DeferredAnswer, TheLoopAnswersOthersWhileASlowAnswerIsMade) {
  start();
  auto slow = std::async(std::launch::async, [&] { return get("/slow"); });
  wait_until_started(1);
  const auto asked = Clock::now();
  auto fast = get("/fast");
  const auto fast_took = Clock::now() - asked;
  EXPECT_EQ(fast.status, 200);
  EXPECT_LT(fast_took, 400ms) << "the one event loop waited for the slow answer";
  auto answered = slow.get();
  EXPECT_EQ(answered.status, 200);
  // The pipeline's steps ran on the worker too: the request id matches, the standard headers are there.
  EXPECT_EQ(answered.json()["slow"], answered.header("X-Request-Id").value_or("?"));
  EXPECT_EQ(answered.header("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(registry_.expose().find("route=\"/slow\""), std::string::npos) << "metrics by route pattern";
}

TEST_F(DeferredAnswer, AFailureInTheSlowPartIsA500AndTheServerGoesOn) {
  start();
  auto broken = get("/broken");
  EXPECT_EQ(broken.status, 500);
  EXPECT_EQ(broken.json(), nlohmann::json({{"error", {{"code", "internal"}, {"message", "internal error"}}}}));
  EXPECT_EQ(get("/fast").status, 200);
}

TEST_F(DeferredAnswer, AGracefulStopWaitsForTheSlowAnswer) {
  start();
  auto slow = std::async(std::launch::async, [&] { return get("/slow"); });
  wait_until_started(1);
  server_->stop();  // drains: the answer being made is sent before the loop closes
  EXPECT_EQ(slow.get().status, 200);
}

TEST_F(DeferredAnswer, AFullQueueIsA503WithRetryAfter) {
  release_after_ms_ = 1500;
  start(/*workers=*/1);  // one running, 32 queued, then refused
  std::vector<std::future<testing::HttpResponse>> slow;
  for (int i = 0; i < 33; ++i) slow.push_back(std::async(std::launch::async, [&] { return get("/slow"); }));
  wait_until_started(1);
  // Wait until all 33 were handed over: one running, 32 queued (a fixed sleep was too short on a
  // loaded machine).
  const auto deadline = Clock::now() + 10s;
  while (routed_.load() < 33 && Clock::now() < deadline) std::this_thread::sleep_for(1ms);
  ASSERT_EQ(routed_.load(), 33);
  auto refused = get("/slow");
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.header("Retry-After"), "1");
  EXPECT_NE(refused.body.find("\"busy\""), std::string::npos) << refused.body;
  release_after_ms_ = 0;
  for (auto& f : slow) EXPECT_EQ(f.get().status, 200);
}

TEST(WorkerPool, RefusesBeyondItsQueueAndDropsQueuedWorkWhenDestroyed) {
  std::atomic<bool> release{false};
  std::atomic<int> ran{0};
  std::thread releaser;
  {
    internal::WorkerPool pool({.threads = 1, .max_queued = 2});
    ASSERT_TRUE(pool.submit([&] {
      while (!release) std::this_thread::sleep_for(1ms);
      ++ran;
    }));
    while (pool.queued() != 0) std::this_thread::sleep_for(1ms);  // the first is running
    EXPECT_TRUE(pool.submit([&] { ++ran; }));
    EXPECT_TRUE(pool.submit([&] { ++ran; }));
    EXPECT_FALSE(pool.submit([&] { ++ran; }));
    EXPECT_EQ(pool.queued(), 2u);
    releaser = std::thread([&] {
      std::this_thread::sleep_for(50ms);
      release = true;
    });
  }  // the running task finishes; the two queued ones are dropped
  releaser.join();
  EXPECT_EQ(ran.load(), 1);
}

}  // namespace
}  // namespace snai::api
