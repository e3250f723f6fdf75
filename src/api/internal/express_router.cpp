#include "api/internal/express_router.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <expected>
#include <optional>
#include <fmt/format.h>
#include <set>
#include <spdlog/spdlog.h>
#include <string>

#include "api/internal/observability.hpp"
#include "api/internal/raw_request.hpp"
#include "api/middleware/authentication.hpp"
#include "api/middleware/http_caching.hpp"
#include "api/server/error_response.hpp"
#include "api/server/request_id.hpp"

namespace snai::api::internal {
namespace {

restinio::http_method_id_t to_restinio(Method method) {
  switch (method) {
    case Method::get: return restinio::http_method_get();
    case Method::head: return restinio::http_method_head();
    case Method::post: return restinio::http_method_post();
    case Method::put: return restinio::http_method_put();
    case Method::patch: return restinio::http_method_patch();
    case Method::del: return restinio::http_method_delete();
    case Method::options: return restinio::http_method_options();
  }
  return restinio::http_method_get();
}

// Paths are echoed into error messages: keep them short.
std::string clip(std::string_view text) {
  constexpr std::size_t kMax = 200;
  if (text.size() <= kMax) return std::string(text);
  return std::string(text.substr(0, kMax)) + "...";
}

// Runs `make` (a handler call or its later part); an exception becomes the generic 500.
template <class Make>
Response guarded(Make&& make, std::string_view method, std::string_view path, std::string_view request_id) {
  try {
    return make();
  } catch (const std::exception& e) {
    spdlog::error("{} {} failed (request {}): {}", method, clip(path), request_id, e.what());
  } catch (...) {
    spdlog::error("{} {} failed (request {}): unknown exception", method, clip(path), request_id);
  }
  return error_response(Error{ErrorCode::internal, "internal error"});
}

Response run_handler(const Handler& handler, const Request& request, const PipelineOptions& options) {
  if (request.body().size() > options.max_body_bytes) {
    return error_response(413, "payload_too_large",
                          fmt::format("request body of {} bytes exceeds the limit of {} bytes", request.body().size(),
                                      options.max_body_bytes));
  }
  return guarded([&] { return handler(request); }, request.method(), request.path(), request.request_id());
}

void send(const restinio::request_handle_t& raw, Response response, std::string_view request_id) {
  auto builder = raw->create_response(restinio::http_status_line_t{
      restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
      std::string(reason_phrase(response.status))});
  if (!response.content_type.empty()) {  // empty for 204
    builder.append_header(restinio::http_field::content_type, std::move(response.content_type));
  }
  builder.append_header(std::string(kRequestIdHeader), std::string(request_id));
  if (!response.cache_control.empty()) {
    builder.append_header(restinio::http_field::cache_control, std::move(response.cache_control));
  }
  for (auto& [name, value] : response.headers) builder.append_header(std::move(name), std::move(value));
  builder.set_body(std::move(response.body));
  builder.done();
}

// The caller for the route's access level, or the 401/503 to send instead of running it.
std::expected<std::optional<Caller>, Response> caller_for(const restinio::request_t& raw, Access access,
                                                          const PipelineOptions& options) {
  std::optional<std::string_view> authorization;
  if (auto field = raw.header().try_get_field(restinio::http_field::authorization)) {
    authorization = std::string_view(field->data(), field->size());
  }
  if (options.users == nullptr) {
    if (access == Access::open || (!authorization && access == Access::key_optional)) return std::optional<Caller>{};
    return std::unexpected(error_response(Error{ErrorCode::unauthenticated, "API keys are not enabled on this server"}));
  }
  auto caller = authenticate_request(authorization, access, *options.users);
  if (caller) return std::move(*caller);
  Response refused = error_response(caller.error());
  if (refused.status == 401) refused.headers.emplace_back("WWW-Authenticate", "Bearer");
  return std::unexpected(std::move(refused));
}

std::optional<std::string_view> header_of(const restinio::request_t& raw, std::string_view name) {
  if (auto field = raw.header().try_get_field(restinio::string_view_t(name.data(), name.size())))
    return std::string_view(field->data(), field->size());
  return std::nullopt;
}

// One request on its way through the pipeline after its handler: what finishing needs. The
// route and the options belong to the router, which outlives every answer finished on a worker
// (HttpServer stops its worker pool before it closes the loops and their routers).
struct Exchange {
  restinio::request_handle_t raw;
  std::string request_id;
  std::string caller_id;  // "anonymous" when none
  std::string_view route;
  const PipelineOptions* options;
  std::chrono::steady_clock::time_point started;
  InFlight in_flight;
  std::vector<std::pair<std::string, std::string>> rate_headers;
};

// The steps after the handler: traffic headers and gzip, HTTP caching, security and CORS
// headers, metrics, the write, the access log.
void complete(Exchange& exchange, Response response) {
  const restinio::request_t& raw = *exchange.raw;
  const PipelineOptions& options = *exchange.options;
  const std::string_view method = std::string_view(raw.header().method().c_str());
  if (options.traffic) finish(*options.traffic, raw, response, std::move(exchange.rate_headers));
  // HTTP caching (http_caching.hpp): ETag on cacheable GETs, 304 for a matching If-None-Match.
  apply_http_caching(method, exchange.route, header_of(raw, "If-None-Match"), response);
  // Observability (internal/observability.hpp): security and CORS headers, metrics by route
  // pattern before sending (a client that has its answer sees it counted), the access log after.
  const int status = response.status;
  const std::uint64_t bytes = response.body.size();
  add_response_headers(response, header_of(raw, "Origin"), options.observability.cors);
  const std::int64_t duration_us = record(options.observability, exchange.route, method, status, exchange.started);
  send(exchange.raw, std::move(response), exchange.request_id);
  const std::string_view target(raw.header().path().data(), raw.header().path().size());
  log_access(options.observability,
             {.request_id = exchange.request_id, .method = method, .route = exchange.route, .path = clip(target),
              .status = status, .bytes = bytes, .duration_us = duration_us, .caller = exchange.caller_id});
}

// Finishes the exchange with the later part of its answer, made on a worker thread; with 503
// "busy" at once when the workers' queue is full.
void finish_on_worker(Exchange exchange, std::function<Response()> work) {
  auto shared = std::make_shared<Exchange>(std::move(exchange));
  const bool queued = shared->options->workers->submit([shared, work = std::move(work)] {
    const restinio::request_t& raw = *shared->raw;
    const std::string_view path(raw.header().path().data(), raw.header().path().size());
    complete(*shared, guarded(work, raw.header().method().c_str(), path, shared->request_id));
  });
  if (queued) return;
  Response busy = error_response(503, "busy", "the server has too much work queued: retry in a moment");
  busy.headers.emplace_back("Retry-After", "1");
  complete(*shared, std::move(busy));
}

restinio::request_handling_status_t serve(const restinio::request_handle_t& raw,
                                          const restinio::router::route_params_t* params, const Handler& handler,
                                          Access access, std::string_view route, const PipelineOptions& options) {
  Exchange exchange{.raw = raw, .route = route, .options = &options, .started = std::chrono::steady_clock::now(),
                    .in_flight = InFlight(options.traffic)};
  exchange.request_id = request_id_for(header_of(*raw, kRequestIdHeader));
  const RawRequest raw_request{*raw, params};
  auto caller = caller_for(*raw, access, options);
  const Request request(raw_request, exchange.request_id, caller && *caller ? &**caller : nullptr);
  exchange.caller_id = request.caller() ? request.caller()->user_id : "anonymous";

  // Traffic control (internal/traffic_control.hpp) around the handler only: rate limit -> 429,
  // the in-flight count a graceful stop waits for (held until the answer is sent), gzip.
  std::optional<Response> refused;
  if (!caller) refused = std::move(caller.error());
  else if (options.traffic) refused = admit(*options.traffic, *raw, access, request.caller(), exchange.rate_headers);
  Response response = refused ? std::move(*refused) : run_handler(handler, request, options);

  if (response.later && options.workers) {
    finish_on_worker(std::move(exchange), std::move(response.later));
    return restinio::request_accepted();
  }
  if (response.later) response = guarded(response.later, request.method(), request.path(), exchange.request_id);
  complete(exchange, std::move(response));
  return restinio::request_accepted();
}

Handler method_not_allowed(std::vector<Method> allowed) {
  std::string allow;
  for (Method method : allowed) {
    if (!allow.empty()) allow += ", ";
    allow += to_string(method);
  }
  return [allow](const Request& request) {
    Response response = error_response(
        405, "method_not_allowed", fmt::format("{} is not allowed on {} (allowed: {})", request.method(),
                                               clip(request.path()), allow));
    response.headers.emplace_back("Allow", allow);
    return response;
  };
}

// OPTIONS on a known path: 204 with Allow, and a CORS preflight answer for an allowed origin.
Handler preflight(std::vector<Method> allowed, CorsPolicy cors) {
  return [allowed = std::move(allowed), cors = std::move(cors)](const Request& request) {
    return preflight_response(allowed, request.header("Origin"), request.header("Access-Control-Request-Method"), cors);
  };
}

Response no_route(const Request& request) {
  return error_response(404, "not_found", fmt::format("no route for {} {}", request.method(), clip(request.path())));
}

}  // namespace

std::unique_ptr<ExpressRouter> make_express_router(const Router& router, const PipelineOptions& options) {
  // Express's default is case-insensitive; URLs here are case-sensitive (ids are). A trailing
  // slash still matches ("/healthz/").
  const auto path_options = restinio::path2regex::options_t{}.sensitive(true);
  auto express = std::make_unique<ExpressRouter>();
  for (const Route& route : router.routes()) {
    express->add_handler(to_restinio(route.method), route.path, path_options,
                         [handler = route.handler, access = route.access, path = route.path, options](
                             const restinio::request_handle_t& raw, restinio::router::route_params_t params) {
                           return serve(raw, &params, handler, access, path, options);
                         });
  }
  // After every real route, so a method-specific route always wins: OPTIONS on a known path
  // is answered (CORS preflight), any other method is 405, listing what is allowed.
  std::set<std::string> done;
  for (const Route& route : router.routes()) {
    if (!done.insert(route.path).second) continue;
    const std::vector<Method> allowed = router.methods_for(route.path);
    if (std::find(allowed.begin(), allowed.end(), Method::options) == allowed.end()) {
      express->add_handler(restinio::http_method_options(), route.path, path_options,
                           [handler = preflight(allowed, options.observability.cors), path = route.path, options](
                               const restinio::request_handle_t& raw, restinio::router::route_params_t params) {
                             return serve(raw, &params, handler, Access::open, path, options);
                           });
    }
    restinio::router::dynamic_none_of_methods_matcher_t others;
    for (Method method : allowed) others.add(to_restinio(method));
    express->add_handler(std::move(others), route.path, path_options,
                         [handler = method_not_allowed(allowed), path = route.path, options](
                             const restinio::request_handle_t& raw, restinio::router::route_params_t params) {
                           return serve(raw, &params, handler, Access::open, path, options);
                         });
  }
  express->non_matched_request_handler([handler = Handler(no_route), options](const restinio::request_handle_t& raw) {
    return serve(raw, nullptr, handler, Access::open, kUnmatchedRoute, options);
  });
  return express;
}

}  // namespace snai::api::internal
