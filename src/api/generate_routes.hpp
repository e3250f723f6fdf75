// POST /v1/generate: a description in, ranked names out (DESIGN.md §2):
//   {"description","keywords"?,"styles"?,"count"?,"min_length"?,"max_length"?,"contains"?,
//    "starts_with"?,"ends_with"?,"exclude"?,"seed"?,"shared_roots"?,"allow_similar_brands"?}
//   → 200 {"names":[{"name","style","score","explanation","parts"}],"took_ms","notes"}
// Unknown fields, wrong types and out-of-range values are 400 naming the field; without the
// naming data (`snai data build` not run) the route answers 503.
//
//   add_generate_routes(router, deps);
#pragma once

#include "api/router.hpp"
#include "api/server_deps.hpp"
#include "core/result.hpp"
#include "generate/request.hpp"

namespace snai::api {

void add_generate_routes(Router& router, const ServerDeps& deps);

// The request body as a GenerateRequest (validated), or the error naming the field.
Result<generate::GenerateRequest> parse_generate_request(const Request& request);

}  // namespace snai::api
