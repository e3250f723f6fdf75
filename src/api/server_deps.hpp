// What the HTTP layer needs from the rest of the system, passed in by whoever builds the
// server (`snai serve`, tests). Everything is borrowed: the caller keeps it alive for the
// server's lifetime, and it is used from several event-loop threads at once.
//
//   snai::api::ServerDeps deps{.storage = *storage};
#pragma once

#include <string>

#include "api/metrics.hpp"
#include "api/rate_limiter.hpp"
#include "availability/domain_checker.hpp"
#include "conflicts/conflict_index.hpp"
#include "naming/namer.hpp"
#include "storage/storage.hpp"

namespace snai::api {

struct ServerDeps {
  storage::Storage& storage;
  const naming::Namer* namer = nullptr;  // null: the naming data is not built, /v1/generate answers 503
  const naming::Knowledge* knowledge = nullptr;  // null: /v1/score answers 503
  const availability::DomainChecker* domains = nullptr;  // null: /v1/domains/check answers 503
  const conflicts::ConflictIndex* conflicts = nullptr;   // null: /v1/conflicts answers 503
  // Where the server and the handlers record metrics (GET /metrics). Null: the process-wide
  // metrics::default_registry(), which is what `snai serve` uses; tests pass their own.
  metrics::Registry* metrics = nullptr;
  // log.format: "json" writes the access log as one JSON object per line (access_log.hpp).
  std::string log_format = "plain";
  // Rate limits (rate_limiter.hpp), taken per API key or, anonymous, per client address on
  // every route but the open ones. Null: no rate limits. `snai serve` passes
  // make_rate_limiter(config.cache) (Redis-backed when cache.redis_url is set).
  RateLimiter* rate_limiter = nullptr;
  LimitsConfig limits;
  // Grows with the API: caches ...
};

}  // namespace snai::api
