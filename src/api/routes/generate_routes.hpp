// POST /v1/generate: a description in, ranked names out (shape fixed: docs/architecture.md):
//   {"description","keywords"?,"styles"?,"count"?,"min_length"?,"max_length"?,"contains"?,
//    "starts_with"?,"ends_with"?,"exclude"?,"seed"?,"shared_roots"?,"allow_similar_brands"?}
//   → 200 {"names":[{"name","style","score","explanation","parts"}],"took_ms","notes"}
// Unknown fields, wrong types and out-of-range values are 400 naming the field; without the
// naming data (`snai data build` not run) the route answers 503.
// With ServerDeps::response_cache set, answers are cached (L1 → L2 → compute, cache/response_cache.hpp) under the
// normalised request and the data version, and carry `X-Cache: hit-l1|hit-l2|miss`; a cached
// answer is byte-for-byte the computed one. L1 hits are answered on the event loop; a miss (Redis,
// generating) on a worker thread (Response::later). With ServerDeps::demand set, answered requests
// are counted for the next instance's cache warming (generate_demand.hpp).
//
//   add_generate_routes(router, deps);
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "api/server/router.hpp"
#include "api/server/server_deps.hpp"
#include "core/result.hpp"
#include "generate/request.hpp"

namespace snai::api {

void add_generate_routes(Router& router, const ServerDeps& deps);

// The request body as a GenerateRequest (validated), or the error naming the field.
Result<generate::GenerateRequest> parse_generate_request(const Request& request);
// The same from a body's text (no Content-Type to check).
Result<generate::GenerateRequest> parse_generate_body(std::string_view body);

// The answer's JSON text for a (normalised, when cached) request, and whether it may be cached:
// not when the time budget cut it short, since then it depends on load, not on the request.
Result<cache::Computed> compute_generate_answer(const naming::Namer& namer, const generate::GenerateRequest& request);

// The seed an unseeded request gets when answers are cached: the generator draws a random seed
// otherwise, and a random answer cannot be cached.
inline constexpr std::uint64_t kCachedDefaultSeed = 1;

// The request as the cache sees it: description and keywords lower-cased (ASCII) with
// whitespace folded, keywords/styles/exclude sorted and de-duplicated (all nine styles listed
// = none listed), the filters folded as the constraints fold them, the seed filled in.
// Requests equal after this get the same answer; the cached path computes from it.
generate::GenerateRequest normalise_generate_request(generate::GenerateRequest request);
// A normalised request as JSON with every field present (keys ordered): its text is what the cache
// key hashes, and it is itself a valid request body that asks the same.
nlohmann::json canonical_generate_request(const generate::GenerateRequest& normalised);
// "generate:<data version>:<sha256 of the canonical request>"; a data rebuild changes the version.
std::string generate_cache_key(const generate::GenerateRequest& normalised, std::string_view data_version);

}  // namespace snai::api
