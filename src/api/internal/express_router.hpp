// Turns the Router's table into a RESTinio express router for one event loop, with the
// request pipeline around every handler:
//   1. request id: the sane incoming X-Request-Id, else a new UUIDv7;
//   2. body limit: a body over max_body_bytes gets 413 before any handler runs;
//   3. the handler (or 404 "no route for GET /x", or 405 with Allow for a known path);
//   4. exceptions out of a handler become 500 with the generic error JSON (and a log line);
//   5. Content-Type, X-Request-Id and Cache-Control on every response; a debug access log.
#pragma once

#include <cstddef>
#include <memory>
#include <restinio/all.hpp>

#include "api/router.hpp"

namespace snai::api::internal {

using ExpressRouter = restinio::router::express_router_t<>;

struct PipelineOptions {
  std::size_t max_body_bytes = 1 << 20;
};

std::unique_ptr<ExpressRouter> make_express_router(const Router& router, const PipelineOptions& options);

}  // namespace snai::api::internal
