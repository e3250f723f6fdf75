#include "api/server/http_server.hpp"

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <csignal>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include "api/testing/fake_storage.hpp"
#include "api/testing/http_client.hpp"

namespace snai::api {
namespace {

using testing::http_request;
using testing::RequestOptions;
using testing::send_raw;

constexpr std::size_t kMaxBody = 1024;

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.host = "127.0.0.1";
    config_.port = testing::find_free_port();
    config_.threads = 2;
    config_.max_body_bytes = kMaxBody;
    server_ = std::make_unique<HttpServer>(config_, ServerDeps{.storage = storage_});
    auto started = server_->start();
    ASSERT_TRUE(started) << started.error().describe();
    port_ = server_->port();
    ASSERT_EQ(port_, config_.port);
  }

  testing::HttpResponse get(std::string_view target, const RequestOptions& options = {}) {
    auto response = http_request(port_, "GET", target, {}, options);
    EXPECT_TRUE(response) << response.error().describe();
    return response ? *response : testing::HttpResponse{};
  }

  static void expect_standard_headers(const testing::HttpResponse& response) {
    EXPECT_EQ(response.header("Content-Type"), "application/json");
    EXPECT_EQ(response.header("Cache-Control"), "no-store");
    EXPECT_TRUE(response.header("X-Request-Id").has_value());
  }

  testing::FakeStorage storage_;
  ServerConfig config_;
  std::unique_ptr<HttpServer> server_;
  int port_ = 0;
};

TEST_F(HttpServerTest, HealthzAnswersOk) {
  auto response = get("/healthz");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.json(), nlohmann::json({{"status", "ok"}}));
  expect_standard_headers(response);
}

TEST_F(HttpServerTest, ReadyzFollowsStoragePing) {
  auto ready = get("/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.json(), nlohmann::json({{"status", "ready"}, {"storage", "fake"}}));
  expect_standard_headers(ready);

  storage_.ping_mode = testing::FakeStorage::Ping::fail;
  auto not_ready = get("/readyz");
  EXPECT_EQ(not_ready.status, 503);
  expect_standard_headers(not_ready);
  auto body = not_ready.json();
  EXPECT_EQ(body["error"]["code"], "unavailable");
  EXPECT_TRUE(body["error"]["message"].is_string());
  EXPECT_EQ(body["error"]["message"].get<std::string>().find("/secret/path"), std::string::npos);
}

TEST_F(HttpServerTest, HandlerExceptionBecomes500AndServerGoesOn) {
  storage_.ping_mode = testing::FakeStorage::Ping::throw_;
  auto response = get("/readyz");
  EXPECT_EQ(response.status, 500);
  expect_standard_headers(response);
  EXPECT_EQ(response.json(), nlohmann::json({{"error", {{"code", "internal"}, {"message", "internal error"}}}}));
  EXPECT_EQ(get("/healthz").status, 200);
}

TEST_F(HttpServerTest, UnknownPathIs404WithErrorJson) {
  EXPECT_EQ(get("/HEALTHZ").status, 404);  // routes are case-sensitive
  auto response = get("/x?y=1");
  EXPECT_EQ(response.status, 404);
  expect_standard_headers(response);
  EXPECT_EQ(response.json(),
            nlohmann::json({{"error", {{"code", "not_found"}, {"message", "no route for GET /x"}}}}));
}

TEST_F(HttpServerTest, KnownPathWrongMethodIs405) {
  auto response = http_request(port_, "POST", "/healthz", "{}");
  ASSERT_TRUE(response) << response.error().describe();
  EXPECT_EQ(response->status, 405);
  expect_standard_headers(*response);
  EXPECT_EQ(response->header("Allow"), "GET");
  EXPECT_EQ(response->json()["error"]["code"], "method_not_allowed");

  auto del = http_request(port_, "DELETE", "/readyz");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
}

TEST_F(HttpServerTest, RequestIdIsEchoedWhenSaneElseGenerated) {
  auto echoed = get("/healthz", {.headers = {{"X-Request-Id", "lb-7f3a.42:abc"}}});
  EXPECT_EQ(echoed.header("X-Request-Id"), "lb-7f3a.42:abc");

  auto generated = get("/healthz");
  auto first = generated.header("X-Request-Id").value_or("");
  EXPECT_EQ(first.size(), 36u) << first;  // a UUIDv7
  auto again = get("/healthz").header("X-Request-Id").value_or("");
  EXPECT_NE(first, again);

  auto replaced = get("/nope", {.headers = {{"X-Request-Id", "bad id <script>"}}});
  EXPECT_EQ(replaced.status, 404);
  EXPECT_EQ(replaced.header("X-Request-Id").value_or("").size(), 36u);

  auto too_long = get("/healthz", {.headers = {{"X-Request-Id", std::string(129, 'a')}}});
  EXPECT_EQ(too_long.header("X-Request-Id").value_or("").size(), 36u);
}

TEST_F(HttpServerTest, OversizeBodyIs413) {
  auto at_limit = http_request(port_, "POST", "/nope", std::string(kMaxBody, 'x'));
  ASSERT_TRUE(at_limit);
  EXPECT_EQ(at_limit->status, 404);

  auto over = http_request(port_, "POST", "/healthz", std::string(kMaxBody + 1, 'x'));
  ASSERT_TRUE(over) << over.error().describe();
  EXPECT_EQ(over->status, 413);
  expect_standard_headers(*over);
  EXPECT_EQ(over->json()["error"]["code"], "payload_too_large");

  // Chunked bodies are counted too.
  std::string chunked = "POST /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n";
  chunked += "800\r\n" + std::string(0x800, 'y') + "\r\n0\r\n\r\n";
  auto raw = send_raw(port_, chunked);
  ASSERT_TRUE(raw);
  auto parsed = testing::parse_response(*raw);
  ASSERT_TRUE(parsed) << parsed.error().describe();
  EXPECT_EQ(parsed->status, 413);
}

TEST_F(HttpServerTest, HugeDeclaredBodyClosesConnectionWithoutReadingIt) {
  // Far past the limit RESTinio stops at the headers and closes; the server goes on.
  auto raw = send_raw(port_, "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\nabc");
  ASSERT_TRUE(raw);
  EXPECT_TRUE(raw->empty() || raw->starts_with("HTTP/1.1 413")) << *raw;
  EXPECT_EQ(get("/healthz").status, 200);
}

TEST_F(HttpServerTest, GarbageGets400OrCloseAndServerGoesOn) {
  for (std::string_view garbage : {std::string_view("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 garbage\r\n\r\n", 24),
                                   std::string_view("GET / HTTP/9.9 nonsense\r\n\r\n"),
                                   std::string_view("GET /healthz HTTP/1.1\r\nBad Header Line\r\n\r\n"),
                                   std::string_view("\r\n\r\n\r\n\r\n")}) {
    auto raw = send_raw(port_, garbage);
    ASSERT_TRUE(raw);
    EXPECT_TRUE(raw->empty() || raw->starts_with("HTTP/1.1 400")) << *raw;
  }
  auto long_url = http_request(port_, "GET", "/" + std::string(20000, 'a'));  // over the URL limit
  EXPECT_TRUE(!long_url || long_url->status == 400);
  EXPECT_EQ(get("/healthz").status, 200);
}

TEST_F(HttpServerTest, InvalidUtf8InPathStillGivesJson) {
  auto raw = send_raw(port_, "GET /\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  ASSERT_TRUE(raw);
  if (!raw->empty()) {
    auto parsed = testing::parse_response(*raw);
    ASSERT_TRUE(parsed);
    EXPECT_FALSE(parsed->json().is_discarded()) << parsed->body;
  }
  EXPECT_EQ(get("/healthz").status, 200);
}

TEST_F(HttpServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  auto raw = send_raw(port_,
                      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                      "GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  ASSERT_TRUE(raw);
  EXPECT_TRUE(raw->starts_with("HTTP/1.1 200")) << *raw;
  EXPECT_NE(raw->find("\"storage\":\"fake\""), std::string::npos) << *raw;
}

TEST_F(HttpServerTest, ConcurrentClientsAllGetAnswers) {
  std::atomic<int> ok_count{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        auto response = http_request(port_, "GET", i % 2 ? "/healthz" : "/readyz");
        if (response && response->status == 200) ++ok_count;
      }
    });
  }
  for (auto& client : clients) client.join();
  EXPECT_EQ(ok_count.load(), 100);
}

TEST_F(HttpServerTest, SecondServerOnSamePortIsAnErrorValue) {
  HttpServer other(config_, ServerDeps{.storage = storage_});
  auto started = other.start();
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().code, ErrorCode::unavailable);
  EXPECT_EQ(started.error().message, "cannot listen on 127.0.0.1:" + std::to_string(port_) + ": address in use");
  EXPECT_EQ(get("/healthz").status, 200);
}

TEST_F(HttpServerTest, StartTwiceIsAnErrorStopIsIdempotentAndRestartWorks) {
  auto again = server_->start();
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::failed_precondition);

  server_->stop();
  server_->stop();
  EXPECT_EQ(server_->port(), 0);
  EXPECT_FALSE(http_request(port_, "GET", "/healthz", {}, {.timeout = std::chrono::milliseconds(500)}));

  ASSERT_TRUE(server_->start());
  EXPECT_EQ(get("/healthz").status, 200);
  server_.reset();  // destructor stops
}

TEST_F(HttpServerTest, StopWithOpenConnectionsIsClean) {
  // One idle keep-alive connection and one half-sent request, still open at stop().
  std::vector<int> fds;
  for (std::string_view bytes : {std::string_view("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"),
                                 std::string_view("POST /healthz HTTP/1.1\r\nContent-Length: 100\r\n\r\nab")}) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    ASSERT_GE(fd, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port_));
    ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    ASSERT_EQ(::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL), static_cast<ssize_t>(bytes.size()));
    fds.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  const auto started = std::chrono::steady_clock::now();
  server_.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(1));
  for (int fd : fds) ::close(fd);
}

TEST_F(HttpServerTest, WaitReturnsAfterStopFromAnotherThread) {
  std::thread stopper([this] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    server_->stop();
  });
  server_->wait();
  stopper.join();
  EXPECT_EQ(server_->port(), 0);
  server_->wait();  // not running: returns at once
}

void marker_handler(int) {}

TEST_F(HttpServerTest, WaitStopsOnSigterm) {
  // Until wait() installs its asio handler, a stray SIGTERM must not kill the test.
  struct sigaction marker {};
  marker.sa_handler = marker_handler;
  sigemptyset(&marker.sa_mask);
  ASSERT_EQ(sigaction(SIGTERM, &marker, nullptr), 0);

  std::thread signaller([] {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    while (std::chrono::steady_clock::now() < deadline) {
      struct sigaction current {};
      sigaction(SIGTERM, nullptr, &current);
      if (current.sa_handler != marker_handler) {  // asio's handler is in place
        ::kill(::getpid(), SIGTERM);
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  });
  server_->wait();
  signaller.join();
  signal(SIGTERM, SIG_DFL);
  EXPECT_EQ(server_->port(), 0);
}

TEST(HttpServerStart, PortHeldByAnotherSocketIsAnErrorValue) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::listen(fd, 1), 0);
  ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  const int port = ntohs(addr.sin_port);

  testing::FakeStorage storage;
  HttpServer server({.host = "127.0.0.1", .port = port, .threads = 1}, ServerDeps{.storage = storage});
  auto started = server.start();
  ::close(fd);
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().code, ErrorCode::unavailable);
  EXPECT_EQ(started.error().message, "cannot listen on 127.0.0.1:" + std::to_string(port) + ": address in use");
  server.stop();
}

TEST(HttpServerStart, BadConfigIsInvalidArgument) {
  testing::FakeStorage storage;
  HttpServer bad_port({.host = "127.0.0.1", .port = 70000}, ServerDeps{.storage = storage});
  auto started = bad_port.start();
  ASSERT_FALSE(started);
  EXPECT_EQ(started.error().field, "server.port");

  HttpServer bad_threads({.host = "127.0.0.1", .port = 0, .threads = -1}, ServerDeps{.storage = storage});
  ASSERT_FALSE(bad_threads.start());
}

TEST(HttpServerStart, PortZeroPicksOneForAllLoops) {
  testing::FakeStorage storage;
  HttpServer server({.host = "localhost", .port = 0, .threads = 3}, ServerDeps{.storage = storage});
  ASSERT_TRUE(server.start());
  ASSERT_GT(server.port(), 0);
  for (int i = 0; i < 6; ++i) {
    auto response = http_request(server.port(), "GET", "/healthz");
    ASSERT_TRUE(response) << response.error().describe();
    EXPECT_EQ(response->status, 200);
  }
}

}  // namespace
}  // namespace snai::api
