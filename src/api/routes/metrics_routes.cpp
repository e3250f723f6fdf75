#include "api/routes/metrics_routes.hpp"

#include <charconv>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace snai::api {
namespace {

const auto kStartedSteady = std::chrono::steady_clock::now();
const auto kStartedUnix = std::chrono::system_clock::now();

// The second field of /proc/self/statm is the resident set in pages.
double resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  long long size = 0, resident = 0;
  if (!(statm >> size >> resident)) return 0;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE));
}

double open_fds() {
  std::error_code ec;
  double count = 0;
  for (std::filesystem::directory_iterator it("/proc/self/fd", ec), end; !ec && it != end; it.increment(ec)) ++count;
  return count;
}

void register_process_metrics(metrics::Registry& registry) {
  registry.gauge_function("process_resident_memory_bytes", "Resident memory size in bytes.", resident_bytes);
  registry.gauge_function("process_open_fds", "Number of open file descriptors.", open_fds);
  registry.gauge_function("process_start_time_seconds", "Start time of the process since the Unix epoch in seconds.",
                          [] { return std::chrono::duration<double>(kStartedUnix.time_since_epoch()).count(); });
  registry.gauge_function("snai_uptime_seconds", "Seconds since the process started.", [] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - kStartedSteady).count();
  });
}

// The database connection pool, read at each scrape. Waits and timeouts only grow.
void register_storage_metrics(metrics::Registry& registry, storage::Storage& storage) {
  auto stat = [&storage](auto field) { return [&storage, field] { return double(storage.pool_stats().*field); }; };
  registry.gauge_function("snai_db_pool_size", "The most database connections the pool opens.",
                          stat(&storage::PoolStats::size));
  registry.gauge_function("snai_db_pool_open_connections", "Database connections open now, idle or in use.",
                          stat(&storage::PoolStats::open));
  registry.gauge_function("snai_db_pool_in_use_connections", "Database connections leased to a request now.",
                          stat(&storage::PoolStats::in_use));
  registry.gauge_function("snai_db_pool_waits", "Leases that waited for a free connection since start.",
                          stat(&storage::PoolStats::waits));
  registry.gauge_function("snai_db_pool_timeouts", "Leases that gave up waiting since start.",
                          stat(&storage::PoolStats::timeouts));
}

}  // namespace

metrics::Registry& metrics_registry(const ServerDeps& deps) {
  return deps.metrics ? *deps.metrics : metrics::default_registry();
}

void add_metrics_routes(Router& router, const ServerDeps& deps) {
  metrics::Registry* registry = &metrics_registry(deps);
  register_process_metrics(*registry);
  register_storage_metrics(*registry, deps.storage);
  router.get("/metrics", [registry](const Request&) {
    Response response;
    response.body = registry->expose();
    response.content_type = std::string(metrics::kExpositionContentType);
    return response;
  }, Access::open);
}

HttpMetrics::HttpMetrics(metrics::Registry& registry)
    : requests_(registry.counter("snai_http_requests_total", "HTTP requests answered, by route pattern, method and status.",
                                 {"route", "method", "status"})),
      duration_(registry.histogram("snai_http_request_duration_seconds",
                                   "Time from routing a request to handing its response to the connection.",
                                   {"route", "method"})) {}

void HttpMetrics::record(std::string_view route, std::string_view method, int status, double seconds) {
  char digits[8];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, status);
  const std::string_view status_text(digits, ec == std::errc{} ? static_cast<std::size_t>(end - digits) : 0);
  requests_.with({route, method, status_text}).inc();
  duration_.with({route, method}).observe(seconds);
}

}  // namespace snai::api
