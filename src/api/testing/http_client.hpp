// A tiny blocking HTTP/1.1 client over POSIX sockets, for tests that talk to a real server
// on loopback. One request per connection ("Connection: close"); every call times out.
//
//   int port = snai::api::testing::find_free_port();
//   auto response = snai::api::testing::http_request(port, "GET", "/healthz");
//   EXPECT_EQ(response->status, 200);
//   EXPECT_EQ(response->json()["status"], "ok");
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace snai::api::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  int status = 0;
  Headers headers;
  std::string body;

  // Case-insensitive; the first value.
  std::optional<std::string> header(std::string_view name) const;
  // The body parsed as JSON; a discarded value when it is not JSON.
  nlohmann::json json() const;
};

struct RequestOptions {
  Headers headers;
  std::string host = "127.0.0.1";
  std::chrono::milliseconds timeout{2000};
};

// A loopback port that was free a moment ago (bind port 0, read it, close).
int find_free_port();

// Sends one request (Content-Length set when there is a body) and reads the response up to
// the server's close. unavailable when the connection fails or closes without a response.
Result<HttpResponse> http_request(int port, std::string_view method, std::string_view target,
                                  std::string_view body = {}, const RequestOptions& options = {});

// Writes raw bytes and returns everything the server sends back until it closes the
// connection (possibly nothing), or until the timeout.
Result<std::string> send_raw(int port, std::string_view bytes, const RequestOptions& options = {});

// Parses "HTTP/1.1 200 OK\r\n...\r\n\r\nbody"; invalid_argument when it is not a response.
Result<HttpResponse> parse_response(std::string_view raw);

}  // namespace snai::api::testing
