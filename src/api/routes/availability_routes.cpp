#include "api/routes/availability_routes.hpp"

#include "api/routes/json_body.hpp"
#include "api/routes/metrics_routes.hpp"
#include "api/server/error_response.hpp"
#include "availability/checker_setup.hpp"
#include "conflicts/conflict_json.hpp"

namespace snai::api {

namespace {

constexpr std::size_t kMaxNames = 1000, kMaxNameBytes = 253, kMaxTlds = 20;

struct NamesBody {
  std::vector<std::string> names;
  std::vector<std::string> tlds;
  std::size_t limit = 5;
};

Result<NamesBody> parse_names_body(const Request& http, bool with_tlds) {
  auto body = parse_json_body(http);
  if (!body) return fail(body.error());
  NamesBody out;
  auto names = body->strings("names", kMaxNames, kMaxNameBytes);
  if (!names) return fail(names.error());
  if (!*names || (*names)->empty()) return fail(ErrorCode::invalid_argument, "names is required: 1-1000 names", "names");
  out.names = std::move(**names);
  if (with_tlds) {
    auto tlds = body->strings("tlds", kMaxTlds, 63);
    if (!tlds) return fail(tlds.error());
    if (*tlds) out.tlds = std::move(**tlds);
  } else {
    auto limit = body->integer("limit", 1, 20);
    if (!limit) return fail(limit.error());
    if (*limit) out.limit = std::size_t(**limit);
  }
  if (auto unknown = body->reject_unknown(); !unknown) return fail(unknown.error());
  return out;
}

Response unavailable(std::string_view what) { return error_response({ErrorCode::unavailable, std::string(what), ""}); }

}  // namespace

void add_availability_routes(Router& router, const ServerDeps& deps) {
  metrics::Registry& registry = metrics_registry(deps);
  metrics::Histogram* check_seconds =
      &registry.histogram("snai_domain_check_seconds", "Time to check the domains of one request.", {}).with({});
  metrics::Histogram* conflict_seconds =
      &registry.histogram("snai_conflicts_check_seconds", "Time to find brand conflicts for one request.", {}).with({});

  const availability::DomainChecker* domains = deps.domains;
  router.post("/v1/domains/check", [domains, check_seconds](const Request& http) {
    auto body = parse_names_body(http, true);
    if (!body) return json_body_error_response(body.error());
    if (!domains) return unavailable("domain checks are not set up on this server (see the [availability] settings)");
    std::vector<std::string> tlds = body->tlds;
    if (!tlds.empty()) {
      auto parsed = availability::parse_tlds(tlds, *domains, "tlds");
      if (!parsed) return error_response(parsed.error());
      tlds = std::move(*parsed);
    }
    auto answers = [&] {
      metrics::ScopedTimer timer(*check_seconds);
      return domains->check(body->names, tlds);
    }();
    if (!answers) return error_response(answers.error());
    return json_response(200, availability::to_json(*answers));
  });

  const conflicts::ConflictIndex* index = deps.conflicts;
  router.post("/v1/conflicts", [index, conflict_seconds](const Request& http) {
    auto body = parse_names_body(http, false);
    if (!body) return json_body_error_response(body.error());
    if (!index) return unavailable("the brand registry is not built: run `snai data build`");
    auto results = [&] {
      metrics::ScopedTimer timer(*conflict_seconds);
      return index->check(body->names, body->limit);
    }();
    if (!results) {
      auto error = results.error();
      if (error.code == ErrorCode::invalid_argument) error.field = "names";  // the body field at fault
      return error_response(error);
    }
    return json_response(200, conflicts::to_json(*results));
  });
}

}  // namespace snai::api
