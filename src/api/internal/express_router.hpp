// Turns the Router's table into a RESTinio express router for one event loop, with the
// request pipeline around every handler:
//   1. request id: the sane incoming X-Request-Id, else a new UUIDv7;
//   2. authentication: the route's Access against `Authorization: Bearer` (401 before the handler);
//   3. body limit: a body over max_body_bytes gets 413 before any handler runs;
//      traffic control around it (traffic_control.hpp): rate limit (429), in-flight count, gzip;
//   4. the handler (or 404 "no route for GET /x", 204 for OPTIONS on a known path — the CORS
//      preflight — or 405 with Allow for another method on it);
//   5. exceptions out of a handler become 500 with the generic error JSON (and a log line);
//      a handler's slow part (Response::later) runs on a worker thread, and steps 6-7 with it
//      (503 "busy" when the workers' queue is full);
//   6. Content-Type (none on a 204), X-Request-Id and Cache-Control on every response, and the
//      security and CORS headers (response_headers.hpp);
//   7. metrics by route pattern, then an info-level access log line (internal/observability.hpp).
#pragma once

#include <cstddef>
#include <memory>
#include <restinio/all.hpp>

#include "api/internal/observability.hpp"
#include "api/internal/traffic_control.hpp"
#include "api/internal/worker_pool.hpp"
#include "api/server/router.hpp"
#include "storage/storage.hpp"

namespace snai::api::internal {

using ExpressRouter = restinio::router::express_router_t<>;

struct PipelineOptions {
  std::size_t max_body_bytes = 1 << 20;
  storage::UserRepository* users = nullptr;  // the API-key store; null: every key is refused
  TrafficControl* traffic = nullptr;  // rate limits, in-flight count, gzip (traffic_control.hpp); null: none
  Observability observability;  // metrics, access log, CORS (observability.hpp); default: none, no CORS
  // Where a Response::later runs (worker_pool.hpp); null: on the event loop, at once.
  WorkerPool* workers = nullptr;
};

std::unique_ptr<ExpressRouter> make_express_router(const Router& router, const PipelineOptions& options);

}  // namespace snai::api::internal
