// Liveness and readiness probes for load balancers and orchestrators:
// GET /healthz -> 200 {"status":"ok"} while the process serves HTTP;
// GET /readyz  -> 200 {"status":"ready","storage":"sqlite"} when storage answers a ping,
//                 else the error JSON with 503.
//
//   add_health_routes(router, deps);
#pragma once

#include "api/server/router.hpp"
#include "api/server/server_deps.hpp"

namespace snai::api {

void add_health_routes(Router& router, const ServerDeps& deps);

}  // namespace snai::api
