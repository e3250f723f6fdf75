// Rate limits, slow clients, graceful stop and gzip against a real HttpServer on loopback.
#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include "api/middleware/rate_limiter.hpp"
#include "api/server/compression.hpp"
#include "api/server/http_server.hpp"
#include "api/testing/fake_storage.hpp"
#include "api/testing/http_client.hpp"

namespace snai::api {
namespace {

using namespace std::chrono_literals;
using testing::http_request;
using testing::RequestOptions;
using Clock = std::chrono::steady_clock;

constexpr std::string_view kGoodKey = "snai_good";

// One valid API key; ping() can be made slow to keep a /readyz request in its handler.
class TrafficStorage : public testing::FakeStorage {
 public:
  std::atomic<int> ping_ms{0};
  std::atomic<int> pings_started{0};

  Status ping() override {
    ++pings_started;
    std::this_thread::sleep_for(std::chrono::milliseconds(ping_ms.load()));
    return ok();
  }
  Result<storage::User> authenticate(std::string_view secret) override {
    if (secret == kGoodKey) return storage::User{.id = "u1", .email = "ada@example.com"};
    return fail(ErrorCode::unauthenticated, "unknown");
  }
};

int connect_loopback(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

class TrafficTest : public ::testing::Test {
 protected:
  void start(ServerConfig config, LimitsConfig limits = {}) {
    config.host = "127.0.0.1";
    config.port = 0;
    if (config.threads == 0) config.threads = 2;
    server_ = std::make_unique<HttpServer>(
        config, ServerDeps{.storage = storage_, .rate_limiter = &limiter_, .limits = limits});
    auto started = server_->start();
    ASSERT_TRUE(started) << started.error().describe();
    port_ = server_->port();
  }

  testing::HttpResponse request(std::string_view method, std::string_view target, const RequestOptions& options = {}) {
    auto response = http_request(port_, method, target, method == "POST" ? "{}" : "", options);
    EXPECT_TRUE(response) << response.error().describe();
    return response ? *response : testing::HttpResponse{};
  }

  TrafficStorage storage_;
  InProcessRateLimiter limiter_;
  std::unique_ptr<HttpServer> server_;
  int port_ = 0;
};

TEST_F(TrafficTest, AnonymousCallerGets429AfterTheBurstWhileAKeyedCallerDoesNot) {
  start({}, {.anonymous_per_minute = 1, .anonymous_burst = 3, .key_per_minute = 600, .key_burst = 100});
  for (int remaining : {2, 1, 0}) {
    auto response = request("POST", "/v1/generate");
    EXPECT_NE(response.status, 429);
    EXPECT_EQ(response.header("RateLimit-Limit"), "3");
    EXPECT_EQ(response.header("RateLimit-Remaining"), std::to_string(remaining));
  }
  auto limited = request("POST", "/v1/generate");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.header("Retry-After"), "60");  // one token a minute
  EXPECT_EQ(limited.header("RateLimit-Remaining"), "0");
  EXPECT_EQ(limited.header("Content-Type"), "application/json");
  EXPECT_TRUE(limited.header("X-Request-Id"));
  EXPECT_EQ(limited.json()["error"]["code"], "rate_limited");
  EXPECT_TRUE(limited.json()["error"]["message"].is_string());
  EXPECT_EQ(request("POST", "/v1/domains/check").status, 429);  // one budget per caller, not per route

  const RequestOptions keyed{.headers = {{"Authorization", "Bearer " + std::string(kGoodKey)}}};
  for (int i = 0; i < 20; ++i) {
    auto response = request("POST", "/v1/generate", keyed);
    ASSERT_NE(response.status, 429) << i;
    EXPECT_EQ(response.header("RateLimit-Limit"), "100");
  }
  // Open routes are never limited and carry no RateLimit headers.
  auto health = request("GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_FALSE(health.header("RateLimit-Limit"));
}

TEST_F(TrafficTest, ForwardedForCountsOnlyFromALoopbackPeer) {
  start({}, {.anonymous_per_minute = 1, .anonymous_burst = 1});
  ASSERT_NE(request("POST", "/v1/generate").status, 429);
  ASSERT_EQ(request("POST", "/v1/generate").status, 429);
  // The peer is 127.0.0.1 (a proxy on this host, as far as the server can tell): the address it
  // forwards has its own bucket, and a client-supplied entry to its left changes nothing.
  const RequestOptions proxied{.headers = {{"X-Forwarded-For", "198.51.100.1, 203.0.113.9"}}};
  EXPECT_NE(request("POST", "/v1/generate", proxied).status, 429);
  EXPECT_EQ(request("POST", "/v1/generate", proxied).status, 429);
  const RequestOptions spoofed{.headers = {{"X-Forwarded-For", "198.51.100.2, 203.0.113.9"}}};
  EXPECT_EQ(request("POST", "/v1/generate", spoofed).status, 429);
}

TEST_F(TrafficTest, HalfARequestLineIsDisconnectedWithinTheHeaderTimeout) {
  start({.header_timeout_ms = 300});
  int fd = connect_loopback(port_);
  ASSERT_GE(fd, 0);
  const std::string_view partial = "GET /healthz HT";
  ASSERT_EQ(::send(fd, partial.data(), partial.size(), MSG_NOSIGNAL), static_cast<ssize_t>(partial.size()));
  const auto sent = Clock::now();
  pollfd p{fd, POLLIN, 0};
  ASSERT_EQ(::poll(&p, 1, 3000), 1) << "the server never closed the connection";
  char buffer[256];
  const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
  const auto waited = Clock::now() - sent;
  ::close(fd);
  EXPECT_LE(n, 0) << std::string(buffer, n > 0 ? n : 0);  // closed (or reset), no response
  EXPECT_GE(waited, 250ms);   // not at once: the client had its time
  EXPECT_LE(waited, 1000ms);  // the 300 ms limit, checked every 75 ms
  EXPECT_EQ(request("GET", "/healthz").status, 200);
}

TEST_F(TrafficTest, IdleKeepAliveConnectionIsClosedAfterTheIdleTimeout) {
  start({.header_timeout_ms = 10000, .idle_timeout_ms = 300});
  int fd = connect_loopback(port_);
  ASSERT_GE(fd, 0);
  const std::string_view req = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_EQ(::send(fd, req.data(), req.size(), MSG_NOSIGNAL), static_cast<ssize_t>(req.size()));
  std::string received;
  const auto sent = Clock::now();
  char buffer[1024];
  while (true) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 3000) != 1) break;
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    received.append(buffer, n);
  }
  const auto waited = Clock::now() - sent;
  ::close(fd);
  EXPECT_TRUE(received.starts_with("HTTP/1.1 200")) << received;
  EXPECT_GE(waited, 250ms);
  EXPECT_LE(waited, 1000ms);
}

TEST_F(TrafficTest, StopLetsTheRequestInFlightFinishAndRefusesNewConnections) {
  start({.threads = 1, .shutdown_timeout_ms = 5000});  // the one loop is busy in the handler
  storage_.ping_ms = 700;
  std::optional<Result<testing::HttpResponse>> slow;
  std::thread client([&] { slow = http_request(port_, "GET", "/readyz", {}, {.timeout = 5000ms}); });
  while (storage_.pings_started.load() == 0) std::this_thread::sleep_for(1ms);  // the handler is running

  const int port = port_;
  const auto stop_started = Clock::now();
  std::thread stopper([&] { server_->stop(); });
  std::this_thread::sleep_for(100ms);
  // While the drain goes on, the port takes no new connection (on either loop).
  for (int i = 0; i < 8; ++i) {
    int fd = connect_loopback(port);
    EXPECT_LT(fd, 0) << "a new connection was accepted during the drain";
    if (fd >= 0) ::close(fd);
  }
  stopper.join();
  const auto stop_took = Clock::now() - stop_started;
  client.join();

  ASSERT_TRUE(slow.has_value());
  ASSERT_TRUE(*slow) << slow->error().describe();
  EXPECT_EQ((*slow)->status, 200);
  EXPECT_EQ((*slow)->json()["status"], "ready");
  EXPECT_GE(stop_took, 400ms);  // it waited for the handler
  EXPECT_LT(stop_took, 3000ms);
  EXPECT_EQ(server_->port(), 0);
}

TEST_F(TrafficTest, StopDoesNotWaitPastTheShutdownTimeoutForIdleConnections) {
  start({.shutdown_timeout_ms = 5000});
  int idle = connect_loopback(port_);
  ASSERT_GE(idle, 0);
  const auto started = Clock::now();
  server_->stop();
  EXPECT_LT(Clock::now() - started, 1000ms);  // nothing in flight: no reason to wait
  ::close(idle);
}

TEST_F(TrafficTest, LargeResponsesComeBackGzippedWithVary) {
  start({.compress_min_bytes = 128});
  const std::string target = "/" + std::string(190, 'n');  // a 404 whose JSON is ~250 bytes
  auto plain = request("GET", target);
  ASSERT_EQ(plain.status, 404);
  ASSERT_GE(plain.body.size(), 128u);
  EXPECT_FALSE(plain.header("Content-Encoding"));
  EXPECT_EQ(plain.header("Vary"), "Accept-Encoding");

  auto zipped = request("GET", target, {.headers = {{"Accept-Encoding", "br;q=1, gzip;q=0.8"}}});
  ASSERT_EQ(zipped.status, 404);
  EXPECT_EQ(zipped.header("Content-Encoding"), "gzip");
  EXPECT_EQ(zipped.header("Vary"), "Accept-Encoding");
  EXPECT_LT(zipped.body.size(), plain.body.size());
  EXPECT_EQ(zipped.header("Content-Length"), std::to_string(zipped.body.size()));
  auto unpacked = gunzip(zipped.body);
  ASSERT_TRUE(unpacked);
  EXPECT_EQ(*unpacked, plain.body);

  // Small responses stay as they are.
  auto small = request("GET", "/healthz", {.headers = {{"Accept-Encoding", "gzip"}}});
  EXPECT_FALSE(small.header("Content-Encoding"));
  EXPECT_EQ(small.json()["status"], "ok");
}

}  // namespace
}  // namespace snai::api
