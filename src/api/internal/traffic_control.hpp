// The pipeline step around the handler for traffic, after authentication:
//   - rate limit: one token per request on every route but Access::open ones, from the bucket
//     of the caller's API key or, anonymous, of the client address (client_address.hpp);
//     refused -> 429 with Retry-After; RateLimit-Limit/-Remaining on limited routes;
//   - in-flight count: HttpServer's graceful stop waits for it to reach zero;
//   - gzip of large responses (compression.hpp).
//
//   InFlight counted(traffic);
//   std::vector<std::pair<std::string, std::string>> headers;
//   Response response = admit(*traffic, raw, access, caller, headers).value_or(run_handler(...));
//   finish(*traffic, raw, response, std::move(headers));
#pragma once

#include <atomic>
#include <cstddef>
#include <optional>
#include <restinio/all.hpp>
#include <string>
#include <utility>
#include <vector>

#include "api/middleware/rate_limiter.hpp"
#include "api/server/caller.hpp"
#include "api/server/response.hpp"
#include "api/server/router.hpp"

namespace snai::api::internal {

struct TrafficControl {
  RateLimiter* limiter = nullptr;  // null: no rate limits
  Rate anonymous;
  Rate keyed;
  std::size_t compress_min_bytes = 2048;
  std::atomic<int> in_flight{0};  // requests inside with_traffic_control, over every event loop
};

// The response to send instead of running the handler (429), or nullopt to run it; `headers`
// receives the RateLimit-* headers for the response either way.
std::optional<Response> admit(TrafficControl& traffic, const restinio::request_t& raw, Access access,
                              const Caller* caller, std::vector<std::pair<std::string, std::string>>& headers);

// Headers and gzip on the way out.
void finish(const TrafficControl& traffic, const restinio::request_t& raw, Response& response,
            std::vector<std::pair<std::string, std::string>>&& headers);

// Counts a request in TrafficControl::in_flight from construction until destruction; moves
// with the request when its answer is finished on a worker thread.
class InFlight {
 public:
  explicit InFlight(TrafficControl* traffic) : count_(traffic ? &traffic->in_flight : nullptr) {
    if (count_) count_->fetch_add(1);
  }
  InFlight(InFlight&& other) noexcept : count_(std::exchange(other.count_, nullptr)) {}
  InFlight& operator=(InFlight&&) = delete;
  ~InFlight() {
    if (count_) count_->fetch_sub(1);
  }

 private:
  std::atomic<int>* count_;
};

}  // namespace snai::api::internal
