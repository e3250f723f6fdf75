// HTTP caching of GET responses, applied in one place after the handler: a strong
// ETag (a hash of the body as sent) on cacheable GET/HEAD 200 answers, and `304 Not Modified`
// without a body when If-None-Match names it, so a browser, a CDN or Varnish can revalidate
// cheaply. A response is cacheable when its handler set a Cache-Control other than the default
// "no-store" (e.g. /openapi.json: "public, max-age=300"), or when its route is per-user
// project data (/v1/projects...), which gets "private, no-cache": stored by the user's browser
// only, revalidated every time.
//
//   apply_http_caching("GET", "/openapi.json", request.header("If-None-Match"), response);
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "api/server/response.hpp"

namespace snai::api {

// "\"<32 hex digits>\"": a strong validator of these exact bytes.
std::string strong_etag(std::string_view body);

// If-None-Match against a strong ETag: "*", or any listed tag (W/ tags compare weakly, as
// RFC 9110 §13.1.2 asks for If-None-Match).
bool etag_matches(std::string_view if_none_match, std::string_view etag);

void apply_http_caching(std::string_view method, std::string_view route, std::optional<std::string_view> if_none_match,
                        Response& response);

}  // namespace snai::api
