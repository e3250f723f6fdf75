// What the HTTP layer needs from the rest of the system, passed in by whoever builds the
// server (`snai serve`, tests). Everything is borrowed: the caller keeps it alive for the
// server's lifetime, and it is used from several event-loop threads at once.
//
//   snai::api::ServerDeps deps{.storage = *storage};
#pragma once

#include <string>

#include "api/middleware/metrics.hpp"
#include "api/middleware/rate_limiter.hpp"
#include "availability/domain_checker.hpp"
#include "cache/response_cache.hpp"
#include "conflicts/conflict_index.hpp"
#include "name_index/stored_name_index.hpp"
#include "naming/namer.hpp"
#include "preference/preference_book.hpp"
#include "storage/storage.hpp"

namespace snai::api {

class GenerateDemand;  // generate_demand.hpp

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
  // The two-level response cache for POST /v1/generate. Null: no caching. `snai
  // serve` builds it from config.cache; data_version (a fingerprint of the naming artifacts)
  // goes into every key, so answers cached before a data rebuild are never served after it.
  cache::ResponseCache* response_cache = nullptr;
  std::string data_version;
  // Learned tastes (preference_book.hpp): POST /v1/feedback records verdicts into it, and POST /v1/generate
  // re-orders a keyed caller's answer with their model (after the shared cache). Null: off.
  preference::PreferenceBook* preferences = nullptr;
  // Counts the generate requests answered (generate_demand.hpp), for warming the cache of the
  // next instance to start. Null: not counted.
  GenerateDemand* demand = nullptr;
  // Saved names like a given one (GET /v1/projects/:id/names/similar); DELETE /v1/projects/:id
  // drops the project's index. Null (no embeddings): that route answers 503.
  name_index::StoredNameIndex* name_index = nullptr;
};

}  // namespace snai::api
