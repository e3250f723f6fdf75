// POST /v1/events (API key required): a batch of analytics events from a client, stored
// as-is for the caller, all or nothing.
//   {"events":[{"type","project_id"?,"properties"?,"ts_ms"?}]}  1-1000 events
//   -> 202 {"accepted": n, "seqs": [...]}   (seqs in the order sent)
// type: 1-100 characters of [a-z0-9._-]; properties: an object of at most 8 KiB as JSON;
// ts_ms: Unix milliseconds, 0 to year 9999 (now when absent); project_id: one of the caller's
// projects (another tenant's is a 404, as if it did not exist). Errors name the item:
// "events[3].type".
//
//   add_event_routes(router, deps);
#pragma once

#include "api/server/router.hpp"
#include "api/server/server_deps.hpp"

namespace snai::api {

void add_event_routes(Router& router, const ServerDeps& deps);

}  // namespace snai::api
