#include "api/routes/generate_routes.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <optional>

#include "api/routes/generate_demand.hpp"
#include "api/routes/json_body.hpp"
#include "api/routes/metrics_routes.hpp"
#include "api/server/error_response.hpp"
#include "cache/lru_cache.hpp"
#include "core/id.hpp"
#include "naming/naming_json.hpp"
#include "preference/rerank.hpp"

namespace snai::api {

namespace {
constexpr std::size_t kMaxDescriptionBytes = 10'000, kMaxWordBytes = generate::GenerateRequest::kMaxFilterChars;
}  // namespace

Result<generate::GenerateRequest> parse_generate_request(const Request& http) {
  if (auto type = check_json_content_type(http); !type) return fail(type.error());
  return parse_generate_body(http.body());
}

Result<generate::GenerateRequest> parse_generate_body(std::string_view text) {
  auto body = parse_json_text(text);
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

namespace {

// Lower-case ASCII, whitespace runs as one space, no leading or trailing space.
std::string fold_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (unsigned char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

template <class T>
void sort_unique(std::vector<T>& values) {
  std::ranges::sort(values);
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

// Cache bookkeeping for /metrics: hits and misses by level, L2 errors, L1 size.
struct CacheMetrics {
  metrics::Counter *l1_hits, *l1_misses, *l2_hits, *l2_misses, *l2_errors;

  CacheMetrics(metrics::Registry& registry, const cache::ResponseCache& cache) {
    auto& hits = registry.counter("snai_cache_hits_total", "Response cache hits by level (l1, l2).", {"level"});
    auto& misses = registry.counter("snai_cache_misses_total", "Response cache misses by level (l1, l2).", {"level"});
    l1_hits = &hits.with({"l1"});
    l2_hits = &hits.with({"l2"});
    l1_misses = &misses.with({"l1"});
    l2_misses = &misses.with({"l2"});
    l2_errors = &registry.counter("snai_cache_l2_errors_total", "Redis (L2) failures; answers came from L1 or compute.")
                     .with({});
    registry.gauge_function("snai_cache_l1_bytes", "Bytes (keys + values) in the in-process response cache.",
                            [&cache] { return double(cache.stats().l1.bytes); });
    registry.gauge_function("snai_cache_l1_entries", "Entries in the in-process response cache.",
                            [&cache] { return double(cache.stats().l1.entries); });
    registry.gauge_function("snai_cache_l2_up", "1 while Redis (L2) answers, 0 while it is skipped after a failure.",
                            [&cache] { return cache.stats().l2_available ? 1.0 : 0.0; });
  }

  void record(const cache::Served& served) const {
    if (served.l2_error) l2_errors->inc();
    if (served.level == cache::CacheLevel::l1) {
      l1_hits->inc();
      return;
    }
    if (served.shared) return;  // the leader counted the lookup
    l1_misses->inc();
    if (served.l2_consulted) (served.level == cache::CacheLevel::l2 ? l2_hits : l2_misses)->inc();
  }
};

}  // namespace

generate::GenerateRequest normalise_generate_request(generate::GenerateRequest r) {
  r.description = fold_text(r.description);
  for (auto& k : r.keywords) k = fold_text(k);
  std::erase(r.keywords, std::string());
  sort_unique(r.keywords);
  sort_unique(r.styles);
  if (r.styles.size() == generate::kAllStyles.size()) r.styles.clear();
  for (auto& e : r.exclude) e = generate::fold_name(e);
  std::erase(r.exclude, std::string());
  sort_unique(r.exclude);
  r.contains = generate::fold_name(r.contains);
  r.starts_with = generate::fold_name(r.starts_with);
  r.ends_with = generate::fold_name(r.ends_with);
  if (!r.seed) r.seed = kCachedDefaultSeed;
  return r;
}

nlohmann::json canonical_generate_request(const generate::GenerateRequest& n) {
  nlohmann::json styles = nlohmann::json::array();
  for (auto s : n.styles) styles.push_back(generate::to_string(s));
  // Every field that changes the answer; nlohmann orders object keys, so the text is canonical.
  return nlohmann::json{{"description", n.description}, {"keywords", n.keywords},
                        {"styles", styles},             {"count", n.count},
                        {"min_length", n.min_length},   {"max_length", n.max_length},
                        {"contains", n.contains},       {"starts_with", n.starts_with},
                        {"ends_with", n.ends_with},     {"exclude", n.exclude},
                        {"seed", n.seed.value_or(0)},   {"shared_roots", n.allow_shared_roots},
                        {"allow_similar_brands", n.allow_similar_brands}};
}

std::string generate_cache_key(const generate::GenerateRequest& n, std::string_view data_version) {
  return "generate:" + std::string(data_version) + ":" + sha256_hex(canonical_generate_request(n).dump());
}

Result<cache::Computed> compute_generate_answer(const naming::Namer& namer, const generate::GenerateRequest& request) {
  auto result = namer.generate(request);
  if (!result) return fail(result.error());
  // An answer cut short by the time budget depends on load, not on the request: serve it, keep it not.
  return cache::Computed{.value = dump_json(naming::to_json(*result)), .cacheable = !result->cut_short};
}

namespace {

// A keyed caller's answer in the order their learned taste gives (their project's, their own or,
// for a new user, the pooled model); the scores stay the quality model's. The shared cache keeps
// everyone's order, so this runs after it.
void personalise(Response& response, const std::string& user_id, const preference::PreferenceBook& preferences) {
  auto choice = preferences.model_for(user_id);
  if (choice.scope == preference::ModelScope::none) return;
  nlohmann::json answer = nlohmann::json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (!answer.is_object() || !answer.contains("names") || !answer["names"].is_array()) return;
  preference::rerank_json(answer["names"], *choice.model, preferences.describer());
  response.headers.emplace_back("X-Preference-Model", std::string(preference::to_string(choice.scope)));
  response.body = dump_json(answer);
}

// The handler of POST /v1/generate, with or without the response cache.
//
// With the cache, a body's cache key is remembered by the body's exact bytes (`body_keys`): the
// same bytes always parse to the same request, so a body seen before skips JSON parsing,
// validation, normalisation and hashing, which were most of a cached answer's own CPU time.
// Only valid bodies are remembered; a body whose key is remembered but whose answer has left
// the cache is parsed again to compute it.
//
// The event loop answers what the L1 holds; everything slower (Redis, generating) is handed to
// a worker thread with answer_later(), so one generation does not hold up the loop's other
// connections.
class GenerateEndpoint : public std::enable_shared_from_this<GenerateEndpoint> {
 public:
  explicit GenerateEndpoint(const ServerDeps& deps)
      : namer_(deps.namer),
        preferences_(deps.preferences),
        cache_(deps.namer ? deps.response_cache : nullptr),
        data_version_(deps.data_version),
        demand_(deps.demand),
        seconds_(&metrics_registry(deps)
                      .histogram("snai_generate_seconds", "Time to generate, score and rank names.", {})
                      .with({})) {
    if (cache_) {
      counts_ = std::make_shared<const CacheMetrics>(metrics_registry(deps), *cache_);
      body_keys_ = std::make_shared<cache::LruCache>(cache::LruOptions{.max_bytes = kBodyKeysBytes, .ttl = {}});
    }
  }

  Response operator()(const Request& http) const {
    if (auto type = check_json_content_type(http); !type) return json_body_error_response(type.error());
    // Whose taste orders the names: a keyed caller's, when preferences are on.
    std::optional<std::string> user;
    if (preferences_ && http.caller()) user = http.caller()->user_id;
    return cache_ ? cached(http, std::move(user)) : computed(http, std::move(user));
  }

 private:
  static constexpr std::size_t kBodyKeysBytes = 4u << 20;  // ~20,000 distinct bodies of ~100 bytes

  Result<cache::Computed> compute(const generate::GenerateRequest& request) const {
    metrics::ScopedTimer timer(*seconds_);
    return compute_generate_answer(*namer_, request);
  }

  Response answer(std::string body, const std::optional<std::string>& user, std::optional<cache::CacheLevel> level) const {
    Response response{.status = 200, .body = std::move(body)};
    if (level) response.headers.emplace_back("X-Cache", std::string(cache::to_string(*level)));
    if (user) personalise(response, *user, *preferences_);
    return response;
  }

  Response computed(const Request& http, std::optional<std::string> user) const {
    auto request = parse_generate_request(http);
    if (!request) return json_body_error_response(request.error());
    if (!namer_) return error_response({ErrorCode::unavailable, "naming data is not built: run `snai data build`", ""});
    return answer_later([self = shared_from_this(), request = std::move(*request), user = std::move(user)] {
      auto computed = self->compute(request);
      if (!computed) return error_response(computed.error());
      return self->answer(std::move(computed->value), user, std::nullopt);
    });
  }

  Response cached(const Request& http, std::optional<std::string> user) const {
    std::optional<generate::GenerateRequest> normal;
    std::optional<std::string> key = body_keys_->get(http.body());
    if (!key) {
      auto request = parse_generate_request(http);
      if (!request) return json_body_error_response(request.error());
      normal = normalise_generate_request(std::move(*request));
      key = generate_cache_key(*normal, data_version_);
      body_keys_->put(http.body(), *key);
    }
    if (auto hit = cache_->get_l1(*key)) {
      counts_->record(*hit);
      if (demand_) demand_->record(*key, http.body());
      return answer(std::move(hit->value), user, hit->level);
    }
    return answer_later([self = shared_from_this(), key = std::move(*key), normal = std::move(normal),
                         body = std::string(http.body()), user = std::move(user)]() mutable {
      return self->served(key, normal, body, user);
    });
  }

  // A request the L1 did not have, on a worker: L2, else computed once (single-flight).
  Response served(const std::string& key, std::optional<generate::GenerateRequest>& normal, const std::string& body,
                  const std::optional<std::string>& user) const {
    auto served = cache_->get_or_compute(key, [&]() -> Result<cache::Computed> {
      if (!normal) {
        auto request = parse_generate_body(body);
        if (!request) return fail(request.error());
        normal = normalise_generate_request(std::move(*request));
      }
      return compute(*normal);
    });
    if (!served) return error_response(served.error());
    counts_->record(*served);
    if (demand_) demand_->record(key, body);
    return answer(std::move(served->value), user, served->level);
  }

  const naming::Namer* namer_;
  preference::PreferenceBook* preferences_;
  cache::ResponseCache* cache_;  // null: every answer is computed
  std::string data_version_;
  GenerateDemand* demand_;  // null: requests are not counted for warming
  metrics::Histogram* seconds_;
  std::shared_ptr<const CacheMetrics> counts_;  // with the cache
  std::shared_ptr<cache::LruCache> body_keys_;  // with the cache: body bytes -> cache key
};

}  // namespace

void add_generate_routes(Router& router, const ServerDeps& deps) {
  router.post("/v1/generate", [endpoint = std::make_shared<const GenerateEndpoint>(deps)](const Request& http) {
    return (*endpoint)(http);
  });
}

}  // namespace snai::api
