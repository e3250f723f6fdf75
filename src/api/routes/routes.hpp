// The full route table of the HTTP API: one line per group of routes, so this file is the
// index of what the server answers.
//
//   Router router = build_routes(deps);
#pragma once

#include "api/server/router.hpp"
#include "api/server/server_deps.hpp"

namespace snai::api {

Router build_routes(const ServerDeps& deps);

}  // namespace snai::api
