// POST /v1/feedback {name_id, kind: "favorite"|"dismiss"|"clear"} (API key required): the
// caller's verdict on a name in one of its projects. Answers the verdict now stored,
// {"name_id","project_id","kind","updated_ms"} with kind null after "clear" (clearing a name
// without a verdict is fine), and appends the event name.favorited / name.dismissed /
// name.cleared. A favorite puts the name on the project's shortlist; dismiss or clear takes
// it off. A name in another tenant's project is a 404, as if it did not exist.
//
//   add_feedback_routes(router, deps);
#pragma once

#include "api/server/router.hpp"
#include "api/server/server_deps.hpp"

namespace snai::api {

void add_feedback_routes(Router& router, const ServerDeps& deps);

}  // namespace snai::api
