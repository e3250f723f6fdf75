// The pipeline step around the handler for traffic (issue 7), after authentication:
//   - rate limit: one token per request on every route but Access::open ones, from the bucket
//     of the caller's API key or, anonymous, of the client address (client_address.hpp);
//     refused -> 429 with Retry-After; RateLimit-Limit/-Remaining on limited routes;
//   - in-flight count: HttpServer's graceful stop waits for it to reach zero;
//   - gzip of large responses (compression.hpp).
//
//   Response response = with_traffic_control(options.traffic, *raw, access, request.caller(),
//                                            [&] { return run_handler(...); });
#pragma once

#include <atomic>
#include <cstddef>
#include <optional>
#include <restinio/all.hpp>
#include <string>
#include <utility>
#include <vector>

#include "api/caller.hpp"
#include "api/rate_limiter.hpp"
#include "api/response.hpp"
#include "api/router.hpp"

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

template <class Run>
Response with_traffic_control(TrafficControl* traffic, const restinio::request_t& raw, Access access,
                              const Caller* caller, Run&& run) {
  if (traffic == nullptr) return run();
  traffic->in_flight.fetch_add(1);
  struct Leave {
    std::atomic<int>& count;
    ~Leave() { count.fetch_sub(1); }
  } leave{traffic->in_flight};
  std::vector<std::pair<std::string, std::string>> headers;
  auto refused = admit(*traffic, raw, access, caller, headers);
  Response response = refused ? std::move(*refused) : run();
  finish(*traffic, raw, response, std::move(headers));
  return response;
}

}  // namespace snai::api::internal
