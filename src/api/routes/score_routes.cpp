#include "api/routes/score_routes.hpp"

#include "api/routes/json_body.hpp"
#include "api/routes/metrics_routes.hpp"
#include "api/server/error_response.hpp"
#include "naming/name_scoring.hpp"
#include "naming/naming_json.hpp"

namespace snai::api {
namespace {

constexpr std::size_t kMaxDescriptionBytes = 10'000;

struct ScoreRequest {
  std::vector<std::string> names;
  std::string description;
};

Result<ScoreRequest> parse_score_request(const Request& http) {
  auto body = parse_json_body(http);
  if (!body) return fail(body.error());
  ScoreRequest r;
  auto names = body->strings("names", naming::kMaxScoredNames, naming::kMaxNameBytes);
  if (!names) return fail(names.error());
  if (!*names) return fail(ErrorCode::invalid_argument, "names is required", "names");
  r.names = std::move(**names);
  auto description = body->string("description", kMaxDescriptionBytes);
  if (!description) return fail(description.error());
  if (*description) r.description = std::move(**description);
  if (auto unknown = body->reject_unknown(); !unknown) return fail(unknown.error());
  return r;
}

}  // namespace

void add_score_routes(Router& router, const ServerDeps& deps) {
  const naming::Knowledge* knowledge = deps.knowledge;
  metrics::Histogram* seconds =
      &metrics_registry(deps).histogram("snai_score_seconds", "Time to score one call's names, reasons included.", {}).with({});
  router.post("/v1/score", [knowledge, seconds](const Request& http) {
    auto request = parse_score_request(http);
    if (!request) return json_body_error_response(request.error());
    if (!knowledge)
      return error_response({ErrorCode::unavailable, "naming data is not built: run `snai data build`", ""});
    auto scored = [&] {
      metrics::ScopedTimer timer(*seconds);
      return naming::score_names(*knowledge, request->names, request->description);
    }();
    if (!scored) return error_response(scored.error());
    return json_response(200, naming::to_json(*scored));
  });
}

}  // namespace snai::api
