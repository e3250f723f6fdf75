// Test-only: a real HttpServer on a free loopback port with its own metrics registry and the
// access log captured in memory, for the observability tests (metrics, headers, access log).
//
//   class MyTest : public ObservedServerTest {};
//   TEST_F(MyTest, X) { start(); auto r = get("/healthz"); EXPECT_EQ(r.status, 200); }
#pragma once

#include <chrono>
#include <gtest/gtest.h>
#include <memory>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>
#include <string>
#include <thread>
#include <vector>

#include "api/server/http_server.hpp"
#include "api/testing/fake_storage.hpp"
#include "api/testing/http_client.hpp"

namespace snai::api {

// Accepts one API key, "snai_good", as user "user-7".
class KeyedStorage : public testing::FakeStorage {
 public:
  Result<storage::User> authenticate(std::string_view secret) override {
    if (secret == "snai_good") return storage::User{.id = "user-7", .email = "u7@example.com"};
    return fail(ErrorCode::unauthenticated, "unknown key");
  }
};

class ObservedServerTest : public ::testing::Test {
 protected:
  void TearDown() override {
    server_.reset();
    spdlog::drop("snai.access");
  }

  void start(std::string cors_origins = {}, std::string log_format = "plain") {
    access_ = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(256);
    auto logger = std::make_shared<spdlog::logger>("snai.access", access_);
    logger->set_pattern("%v");
    logger->set_level(spdlog::level::info);
    spdlog::drop("snai.access");
    spdlog::register_logger(logger);

    config_.host = "127.0.0.1";
    config_.port = testing::find_free_port();
    config_.threads = 2;
    config_.cors_origins = std::move(cors_origins);
    config_.shutdown_timeout_ms = 2000;  // nothing long runs here: do not wait 10 s on a slow stop
    server_ = std::make_unique<HttpServer>(
        config_, ServerDeps{.storage = storage_, .metrics = &registry_, .log_format = std::move(log_format)});
    auto started = server_->start();
    ASSERT_TRUE(started) << started.error().describe();
    port_ = server_->port();
  }

  testing::HttpResponse request(std::string_view method, std::string_view target, testing::Headers headers = {},
                                std::string_view body = {}) {
    auto response = testing::http_request(port_, method, target, body, {.headers = std::move(headers)});
    EXPECT_TRUE(response) << response.error().describe();
    return response ? *response : testing::HttpResponse{};
  }
  testing::HttpResponse get(std::string_view target, testing::Headers headers = {}) {
    return request("GET", target, std::move(headers));
  }

  // The access lines written so far; waits up to 2 s for at least `count` (the line is
  // written just after the response is handed to the connection).
  std::vector<std::string> access_lines(std::size_t count) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    std::vector<std::string> lines = access_->last_formatted();
    while (lines.size() < count && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      lines = access_->last_formatted();
    }
    for (auto& line : lines) {
      while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    }
    return lines;
  }

  KeyedStorage storage_;
  metrics::Registry registry_;
  ServerConfig config_;
  std::unique_ptr<HttpServer> server_;
  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> access_;
  int port_ = 0;
};

}  // namespace snai::api
