// POST /v1/score: names in, scores with reasons out, in input order (shape fixed: docs/architecture.md):
//   {"names":["Stripe","xkqzvbn"],"description"?} (1..10,000 names of ≤100 bytes)
//   → 200 {"names":[{"name","score","explanation":{"model","reasons":[...]}}]}
// Unknown fields, wrong types and bad names are 400 naming the field; without the naming data
// (`snai data build` not run) the route answers 503.
//
//   add_score_routes(router, deps);
#pragma once

#include "api/server/router.hpp"
#include "api/server/server_deps.hpp"

namespace snai::api {

void add_score_routes(Router& router, const ServerDeps& deps);

}  // namespace snai::api
