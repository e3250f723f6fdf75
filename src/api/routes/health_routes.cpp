#include "api/routes/health_routes.hpp"

#include <spdlog/spdlog.h>

#include "api/server/error_response.hpp"

namespace snai::api {

void add_health_routes(Router& router, const ServerDeps& deps) {
  router.get("/healthz", [](const Request&) { return json_response(200, {{"status", "ok"}}); }, Access::open);

  storage::Storage* storage = &deps.storage;
  router.get("/readyz", [storage](const Request& request) {
    if (auto pinged = storage->ping(); !pinged) {
      spdlog::warn("readyz: storage {} not ready: {} (request {})", storage->backend(), pinged.error().describe(),
                   request.request_id());
      // Not ready is 503 for a load balancer whatever the cause; the details (paths, hosts)
      // go to the log, not to the caller.
      return json_response(503, error_json(to_string(ErrorCode::unavailable),
                                           "storage (" + std::string(storage->backend()) + ") is not reachable"));
    }
    return json_response(200, {{"status", "ready"}, {"storage", storage->backend()}});
  }, Access::open);
}

}  // namespace snai::api
