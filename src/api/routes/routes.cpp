#include "api/routes/routes.hpp"

#include "api/routes/availability_routes.hpp"
#include "api/routes/event_routes.hpp"
#include "api/routes/feedback_routes.hpp"
#include "api/routes/generate_routes.hpp"
#include "api/routes/health_routes.hpp"
#include "api/routes/metrics_routes.hpp"
#include "api/routes/openapi_routes.hpp"
#include "api/routes/project_routes.hpp"
#include "api/routes/score_routes.hpp"
#include "api/routes/similar_names_routes.hpp"

namespace snai::api {

Router build_routes(const ServerDeps& deps) {
  Router router;
  add_health_routes(router, deps);    // /healthz, /readyz
  add_generate_routes(router, deps);      // POST /v1/generate
  add_score_routes(router, deps);         // POST /v1/score
  add_availability_routes(router, deps);  // POST /v1/domains/check, POST /v1/conflicts
  add_metrics_routes(router, deps);       // GET /metrics
  add_project_routes(router, deps);       // /v1/projects[/:id[/names|/export]] (key required)
  add_similar_names_routes(router, deps); // GET /v1/projects/:id/names/similar (key required)
  add_feedback_routes(router, deps);      // POST /v1/feedback (key required)
  add_event_routes(router, deps);         // POST /v1/events (key required)
  add_openapi_routes(router);             // GET /openapi.json (describes every route here)
  // Next: the other /v1/... routes and the dashboard at /.
  return router;
}

}  // namespace snai::api
