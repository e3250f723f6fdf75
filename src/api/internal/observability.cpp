#include "api/internal/observability.hpp"

namespace snai::api::internal {

Observability make_observability(const ServerConfig& config, const ServerDeps& deps) {
  return Observability{
      .cors = CorsPolicy::parse(config.cors_origins),
      .metrics = std::make_shared<HttpMetrics>(metrics_registry(deps)),
      .access_log = std::make_shared<const AccessLog>(access_log_format(deps.log_format)),
  };
}

std::int64_t record(const Observability& observability, std::string_view route, std::string_view method, int status,
                    std::chrono::steady_clock::time_point started) {
  const auto elapsed = std::chrono::steady_clock::now() - started;
  if (observability.metrics) {
    observability.metrics->record(route, method, status, std::chrono::duration<double>(elapsed).count());
  }
  return std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count();
}

void log_access(const Observability& observability, const AccessEntry& entry) {
  if (observability.access_log) observability.access_log->write(entry);
}

ConnectionCounter::ConnectionCounter(metrics::Registry& registry)
    : open_(registry.gauge("snai_http_open_connections", "HTTP connections currently open.").with({})) {}

void ConnectionCounter::state_changed(const restinio::connection_state::notice_t& notice) noexcept {
  const auto cause = notice.cause();
  if (restinio::holds_alternative<restinio::connection_state::accepted_t>(cause)) {
    open_.inc();
  } else {
    open_.dec();  // closed, or upgraded to a websocket (no longer an HTTP connection)
  }
}

}  // namespace snai::api::internal
