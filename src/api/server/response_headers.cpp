#include "api/server/response_headers.hpp"

#include <algorithm>
#include <strings.h>

#include "core/text.hpp"

namespace snai::api {
namespace {

bool has_header(const Response& response, std::string_view name) {
  return std::any_of(response.headers.begin(), response.headers.end(), [&](const auto& header) {
    return header.first.size() == name.size() && strncasecmp(header.first.data(), name.data(), name.size()) == 0;
  });
}

void set_default(Response& response, std::string_view name, std::string_view value) {
  if (!has_header(response, name)) response.headers.emplace_back(name, value);
}

std::string join_methods(const std::vector<Method>& methods, bool with_options) {
  std::string out;
  for (Method method : methods) {
    if (!out.empty()) out += ", ";
    out += to_string(method);
  }
  if (with_options && std::find(methods.begin(), methods.end(), Method::options) == methods.end()) {
    out += out.empty() ? "OPTIONS" : ", OPTIONS";
  }
  return out;
}

}  // namespace

CorsPolicy CorsPolicy::parse(std::string_view origins) {
  CorsPolicy policy;
  for (std::string& origin : split_list(origins)) {
    if (origin == "*") {
      policy.any_ = true;
      continue;
    }
    while (!origin.empty() && origin.back() == '/') origin.pop_back();  // "https://a.example/" as written in configs
    policy.origins_.push_back(std::move(origin));
  }
  return policy;
}

std::optional<std::string> CorsPolicy::allow_origin(std::optional<std::string_view> origin) const {
  if (!origin || origin->empty()) return std::nullopt;
  if (any_) return std::string("*");
  // Browsers send the serialised origin (scheme://host[:port], lower case): compare exactly.
  if (std::find(origins_.begin(), origins_.end(), *origin) != origins_.end()) return std::string(*origin);
  return std::nullopt;
}

void add_response_headers(Response& response, std::optional<std::string_view> origin, const CorsPolicy& cors) {
  set_default(response, "X-Content-Type-Options", "nosniff");
  set_default(response, "X-Frame-Options", "DENY");
  set_default(response, "Referrer-Policy", "no-referrer");
  set_default(response, "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

  const std::optional<std::string> allowed = cors.allow_origin(origin);
  if (cors.varies_by_origin()) set_default(response, "Vary", "Origin");
  if (allowed) {
    set_default(response, "Access-Control-Allow-Origin", *allowed);
    set_default(response, "Access-Control-Expose-Headers", kCorsExposeHeaders);
  }
  // An allowed origin may read the answer from its own page; anyone else only same-origin.
  set_default(response, "Cross-Origin-Resource-Policy", allowed ? "cross-origin" : "same-origin");
}

Response preflight_response(const std::vector<Method>& methods, std::optional<std::string_view> origin,
                            std::optional<std::string_view> request_method, const CorsPolicy& cors) {
  Response response;
  response.status = 204;
  response.content_type.clear();
  response.headers.emplace_back("Allow", join_methods(methods, true));
  if (request_method && cors.allow_origin(origin)) {
    response.headers.emplace_back("Access-Control-Allow-Methods", join_methods(methods, false));
    response.headers.emplace_back("Access-Control-Allow-Headers", kCorsAllowHeaders);
    response.headers.emplace_back("Access-Control-Max-Age", std::to_string(kCorsMaxAgeSeconds));
  }
  return response;
}

}  // namespace snai::api
