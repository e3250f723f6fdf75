// GET /openapi.json (Access::open): the OpenAPI 3.1 description of every route, kept in
// src/api/openapi.json — the one source of truth, compiled into the binary at build time.
// A route added to the Router must be added there too: openapi_test fails on a route missing
// from the document, a documented path the server lacks, or a security that differs from the
// route's Access (open: `security: []`; key_optional: `[{}, {"bearerAuth": []}]`;
// key_required: `[{"bearerAuth": []}]`).
//
//   add_openapi_routes(router);
//   nlohmann::json doc = nlohmann::json::parse(openapi_document());
#pragma once

#include <string>
#include <string_view>

#include "api/server/router.hpp"

namespace snai::api {

// The document's text, exactly as in src/api/openapi.json.
std::string_view openapi_document();

void add_openapi_routes(Router& router);

// "/v1/projects/:id" → "/v1/projects/{id}": a Router path as an OpenAPI path.
std::string openapi_path(std::string_view express_path);

}  // namespace snai::api
