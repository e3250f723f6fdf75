#include "api/generate_routes.hpp"

#include <limits>

#include "api/error_response.hpp"
#include "api/json_body.hpp"
#include "api/metrics_routes.hpp"
#include "naming/naming_json.hpp"

namespace snai::api {

namespace {
constexpr std::size_t kMaxDescriptionBytes = 10'000, kMaxWordBytes = generate::GenerateRequest::kMaxFilterChars;
}  // namespace

Result<generate::GenerateRequest> parse_generate_request(const Request& http) {
  auto body = parse_json_body(http);
  if (!body) return fail(body.error());
  generate::GenerateRequest r;
  auto description = body->string("description", kMaxDescriptionBytes);
  if (!description) return fail(description.error());
  if (!*description) return fail(ErrorCode::invalid_argument, "description is required", "description");
  r.description = std::move(**description);

  auto keywords = body->strings("keywords", generate::GenerateRequest::kMaxKeywords, kMaxWordBytes);
  if (!keywords) return fail(keywords.error());
  if (*keywords) r.keywords = std::move(**keywords);
  auto styles = body->strings("styles", generate::kAllStyles.size(), 16);
  if (!styles) return fail(styles.error());
  for (const auto& name : styles->value_or(std::vector<std::string>{})) {
    auto style = generate::parse_style(name);
    if (!style) return fail(ErrorCode::invalid_argument, "unknown style \"" + name + "\"", "styles");
    r.styles.push_back(*style);
  }
  auto exclude = body->strings("exclude", 50, kMaxWordBytes);
  if (!exclude) return fail(exclude.error());
  if (*exclude) r.exclude = std::move(**exclude);

  for (auto [key, target] : {std::pair{"count", &r.count}, std::pair{"min_length", &r.min_length},
                             std::pair{"max_length", &r.max_length}}) {
    std::int64_t min = std::string_view(key) == "count" ? 1 : 0;
    std::int64_t max = std::string_view(key) == "count" ? generate::GenerateRequest::kMaxCount
                                                        : generate::GenerateRequest::kMaxLength;
    auto value = body->integer(key, min, max);
    if (!value) return fail(value.error());
    if (*value) *target = static_cast<int>(**value);
  }
  for (auto [key, target] : {std::pair{"contains", &r.contains}, std::pair{"starts_with", &r.starts_with},
                             std::pair{"ends_with", &r.ends_with}}) {
    auto value = body->string(key, kMaxWordBytes);
    if (!value) return fail(value.error());
    if (*value) *target = std::move(**value);
  }
  auto seed = body->integer("seed", 0, std::numeric_limits<std::int64_t>::max());
  if (!seed) return fail(seed.error());
  if (*seed) r.seed = static_cast<std::uint64_t>(**seed);
  auto shared = body->boolean("shared_roots");
  if (!shared) return fail(shared.error());
  r.allow_shared_roots = shared->value_or(false);
  auto similar = body->boolean("allow_similar_brands");
  if (!similar) return fail(similar.error());
  r.allow_similar_brands = similar->value_or(false);

  if (auto unknown = body->reject_unknown(); !unknown) return fail(unknown.error());
  if (auto valid = generate::validate(r); !valid) return fail(valid.error());
  return r;
}

void add_generate_routes(Router& router, const ServerDeps& deps) {
  const naming::Namer* namer = deps.namer;
  metrics::Histogram* seconds = &metrics_registry(deps)
                                     .histogram("snai_generate_seconds", "Time to generate, score and rank names.", {})
                                     .with({});
  router.post("/v1/generate", [namer, seconds](const Request& http) {
    auto request = parse_generate_request(http);
    if (!request) return json_body_error_response(request.error());
    if (!namer)
      return error_response({ErrorCode::unavailable, "naming data is not built: run `snai data build`", ""});
    auto result = [&] {
      metrics::ScopedTimer timer(*seconds);
      return namer->generate(*request);
    }();
    if (!result) return error_response(result.error());
    return json_response(200, naming::to_json(*result));
  });
}

}  // namespace snai::api
