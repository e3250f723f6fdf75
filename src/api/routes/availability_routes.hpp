// What is already taken, over HTTP:
//   POST /v1/domains/check {"names":[...≤1000], "tlds"?:[...]}
//     → 200 {"results":[{"name","tld","domain","state","reason","source","cached",...}]}
//   POST /v1/conflicts {"names":[...≤1000], "limit"?:1..20}
//     → 200 {"results":[{"name","matches":[{"brand","risk","spelling","sound","meaning","reason"}]}]}
// Bad names or TLDs are 400 naming the field; a part that is not set up answers 503.
//
//   add_availability_routes(router, deps);
#pragma once

#include "api/server/router.hpp"
#include "api/server/server_deps.hpp"

namespace snai::api {

void add_availability_routes(Router& router, const ServerDeps& deps);

}  // namespace snai::api
