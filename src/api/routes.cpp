#include "api/routes.hpp"

#include "api/availability_routes.hpp"
#include "api/generate_routes.hpp"
#include "api/health_routes.hpp"

namespace snai::api {

Router build_routes(const ServerDeps& deps) {
  Router router;
  add_health_routes(router, deps);    // /healthz, /readyz
  add_generate_routes(router, deps);      // POST /v1/generate
  add_availability_routes(router, deps);  // POST /v1/domains/check, POST /v1/conflicts
  // Next: /metrics, /openapi.json, the other /v1/... routes and the dashboard at /.
  return router;
}

}  // namespace snai::api
