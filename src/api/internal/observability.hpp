// The request pipeline's observability part, kept out of express_router.cpp:
// per-request metrics (record()) and the access log (log_access()), the settings for the
// security and CORS headers (response_headers.hpp), and a RESTinio connection-state listener
// that keeps the snai_http_open_connections gauge.
//
//   PipelineOptions options{..., .observability = make_observability(config, deps)};
//   add_response_headers(response, origin, options.observability.cors);   // before sending
//   auto us = record(options.observability, "/v1/projects/:id", "GET", 200, started);   // before sending
//   log_access(options.observability, {.route = "/v1/projects/:id", ..., .duration_us = us});  // after
#pragma once

#include <chrono>
#include <memory>
#include <restinio/all.hpp>
#include <string_view>

#include "api/middleware/access_log.hpp"
#include "api/routes/metrics_routes.hpp"
#include "api/server/response_headers.hpp"
#include "api/server/server_deps.hpp"
#include "core/config.hpp"

namespace snai::api::internal {

// The route label for requests no route matched.
inline constexpr std::string_view kUnmatchedRoute = "unmatched";

struct Observability {
  CorsPolicy cors;                             // from server.cors_origins
  std::shared_ptr<HttpMetrics> metrics;        // null: nothing recorded
  std::shared_ptr<const AccessLog> access_log; // null: no access log
};

// Metrics into metrics_registry(deps), the access log in deps.log_format, CORS from config.
Observability make_observability(const ServerConfig& config, const ServerDeps& deps);

// Records one answered request in the metrics (route pattern, method, status, duration), before
// the response is sent so a client that has its answer also sees it counted. Returns the
// duration in microseconds.
std::int64_t record(const Observability& observability, std::string_view route, std::string_view method, int status,
                    std::chrono::steady_clock::time_point started);

// Writes the access log line, after sending so the log write adds no latency.
void log_access(const Observability& observability, const AccessEntry& entry);

// Counts open connections into snai_http_open_connections. For RESTinio's traits
// (connection_state_listener_t) and settings.connection_state_listener(); called on the
// event-loop threads.
class ConnectionCounter {
 public:
  explicit ConnectionCounter(metrics::Registry& registry);
  void state_changed(const restinio::connection_state::notice_t& notice) noexcept;

 private:
  metrics::Gauge& open_;
};

}  // namespace snai::api::internal
