// GET /v1/projects/:id/names/similar?name=Notely&k=10 (API key required; the caller's own
// projects only, tenancy.hpp): the saved names most like `name`, best first, from the project's
// stored-name index (name_index/stored_name_index.hpp), answered on a worker thread because a
// project's first query builds its index.
//   200 {"query","saved","similar":[{"id","name","style","score","parts","created_ms","similarity"}]}
//   `saved`: the query itself is one of the project's names; names equal to the query (ASCII case
//   aside) are never listed. k: 1..100, default 10. 400 names the field ("name", "k"), 404 for a
//   missing or foreign project, 503 without the naming data (deps.name_index null).
//
//   add_similar_names_routes(router, deps);
#pragma once

#include "api/server/router.hpp"
#include "api/server/server_deps.hpp"

namespace snai::api {

void add_similar_names_routes(Router& router, const ServerDeps& deps);

}  // namespace snai::api
