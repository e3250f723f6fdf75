// GET /metrics (Access::open): the registry in the Prometheus text format, plus the metrics the
// HTTP layer itself records and the process figures read at scrape time:
//   snai_http_requests_total{route,method,status}        counter
//   snai_http_request_duration_seconds{route,method}     histogram (kLatencyBuckets)
//   snai_http_open_connections                           gauge (internal::ConnectionCounter)
//   process_resident_memory_bytes, process_open_fds, process_start_time_seconds, snai_uptime_seconds
// `route` is the route pattern ("/v1/projects/:id", "unmatched" for 404s), never the raw path,
// so the number of series stays bounded.
//
//   add_metrics_routes(router, deps);
//   HttpMetrics http(metrics_registry(deps));
//   http.record("/v1/generate", "POST", 200, 0.012);
#pragma once

#include <string_view>

#include "api/middleware/metrics.hpp"
#include "api/server/router.hpp"
#include "api/server/server_deps.hpp"

namespace snai::api {

// deps.metrics, else metrics::default_registry().
metrics::Registry& metrics_registry(const ServerDeps& deps);

void add_metrics_routes(Router& router, const ServerDeps& deps);

// The families the request pipeline records into, registered once per server.
class HttpMetrics {
 public:
  explicit HttpMetrics(metrics::Registry& registry);

  void record(std::string_view route, std::string_view method, int status, double seconds);

 private:
  metrics::Family<metrics::Counter>& requests_;
  metrics::Family<metrics::Histogram>& duration_;
};

}  // namespace snai::api
