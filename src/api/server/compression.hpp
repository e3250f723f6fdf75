// gzip for large responses: a response body of at least server.compress_min_bytes is gzipped
// when the request's Accept-Encoding allows it, and carries `Vary: Accept-Encoding` either way
// (caches must keep the two representations apart). Small bodies are left alone: below a couple
// of KB gzip saves less than it costs.
//
//   compress_response(response, request.header("Accept-Encoding"), config.compress_min_bytes);
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "api/server/response.hpp"

namespace snai::api {

// RFC 9110 §12.5.3: "gzip" or "x-gzip" with q > 0, or "*" with q > 0 when gzip is not named.
bool accepts_gzip(std::string_view accept_encoding);

// gzip (RFC 1952) of `data`, zlib's default level.
std::string gzip(std::string_view data);
// The inverse, for tests and clients; nullopt when `data` is not a complete gzip stream.
std::optional<std::string> gunzip(std::string_view data);

// Gzips response.body in place and sets Content-Encoding when the rules above say so and it
// makes the body smaller; leaves a response that already has a Content-Encoding alone.
void compress_response(Response& response, std::optional<std::string_view> accept_encoding, std::size_t min_bytes);

}  // namespace snai::api
