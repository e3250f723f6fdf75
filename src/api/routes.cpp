#include "api/routes.hpp"

#include "api/health_routes.hpp"

namespace snai::api {

Router build_routes(const ServerDeps& deps) {
  Router router;
  add_health_routes(router, deps);  // /healthz, /readyz
  // Next: /metrics, /openapi.json, /v1/... and the dashboard at /.
  return router;
}

}  // namespace snai::api
