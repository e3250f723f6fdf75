// Headers the pipeline puts on every response: the security headers (no sniffing, no
// framing, no referrer, a Content-Security-Policy that lets a JSON answer load nothing) and
// CORS from `server.cors_origins` — an allowed Origin is echoed in
// Access-Control-Allow-Origin (with Vary: Origin), a disallowed one gets no CORS headers, and
// OPTIONS on a known path is answered by preflight_response(). Pure: no server needed.
//
//   CorsPolicy cors = CorsPolicy::parse(config.cors_origins);   // "https://app.example, https://x.io" or "*"
//   Response preflight = preflight_response({Method::get, Method::post}, request.header("Origin"),
//                                           request.header("Access-Control-Request-Method"), cors);
//   add_response_headers(response, request.header("Origin"), cors);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/server/response.hpp"
#include "api/server/router.hpp"

namespace snai::api {

inline constexpr std::string_view kCorsAllowHeaders = "Authorization, Content-Type, X-Request-Id";
inline constexpr std::string_view kCorsExposeHeaders = "X-Request-Id, Retry-After";
inline constexpr int kCorsMaxAgeSeconds = 600;

class CorsPolicy {
 public:
  // A comma-separated list of origins ("https://app.example.com"), "*" for any, empty for none.
  static CorsPolicy parse(std::string_view origins);

  bool enabled() const { return any_ || !origins_.empty(); }
  // The Access-Control-Allow-Origin value for this Origin: "*", the origin itself, or nullopt
  // when CORS is off or the origin is not allowed.
  std::optional<std::string> allow_origin(std::optional<std::string_view> origin) const;
  // Whether answers depend on the Origin header (a list of origins, not "*"): Vary: Origin.
  bool varies_by_origin() const { return !any_ && !origins_.empty(); }

 private:
  bool any_ = false;
  std::vector<std::string> origins_;
};

// Security headers, then CORS. A header the handler already set is left alone (a future HTML
// page sets its own Content-Security-Policy).
void add_response_headers(Response& response, std::optional<std::string_view> origin, const CorsPolicy& cors);

// OPTIONS on a known path: 204 with Allow (methods + OPTIONS); for a CORS preflight from an
// allowed origin also Access-Control-Allow-Methods/-Headers/-Max-Age (add_response_headers
// adds Allow-Origin).
Response preflight_response(const std::vector<Method>& methods, std::optional<std::string_view> origin,
                            std::optional<std::string_view> request_method, const CorsPolicy& cors);

}  // namespace snai::api
