// Reading a JSON request body strictly: the right Content-Type (else 415), well-formed UTF-8
// JSON (else 400 saying where), nesting no deeper than a limit, an object at the top, and
// only known fields with the right types and ranges — each failure an Error naming the field,
// which error_response() turns into {"error":{"code","message","field"}}.
//
//   auto body = parse_json_body(request);                 // Result<JsonObject>
//   if (!body) return error_response(body.error());
//   auto count = body->integer("count", 1, 1000);         // optional<int64_t> or error
//   if (auto unknown = body->reject_unknown(); !unknown) return error_response(unknown.error());
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/server/request.hpp"
#include "api/server/response.hpp"
#include "core/result.hpp"

namespace snai::api {

inline constexpr int kMaxJsonDepth = 16;

class JsonObject {
 public:
  explicit JsonObject(nlohmann::json value) : value_(std::move(value)) {}

  // Each accessor marks the field known; nullopt when absent (or null), an error naming the
  // field when present with the wrong type or out of range.
  Result<std::optional<std::string>> string(std::string_view key, std::size_t max_bytes) const;
  Result<std::optional<std::int64_t>> integer(std::string_view key, std::int64_t min, std::int64_t max) const;
  Result<std::optional<bool>> boolean(std::string_view key) const;
  Result<std::optional<std::vector<std::string>>> strings(std::string_view key, std::size_t max_items,
                                                         std::size_t max_bytes) const;
  // Any JSON number (integer or not) within [min, max].
  Result<std::optional<double>> number(std::string_view key, double min, double max) const;
  // A JSON object of at most max_bytes when serialised; null when absent.
  Result<const nlohmann::json*> object(std::string_view key, std::size_t max_bytes) const;
  // A JSON array of at most max_items, its items for the caller to read; null when absent.
  Result<const nlohmann::json*> array(std::string_view key, std::size_t max_items) const;
  // invalid_argument naming the first field no accessor asked for.
  Status reject_unknown() const;

 private:
  const nlohmann::json* field(std::string_view key) const;
  nlohmann::json value_;
  mutable std::vector<std::string> known_;
};

// 415 is reported as an Error with code invalid_argument and field "Content-Type"; use
// json_body_error_response() to answer it with the right status.
Result<JsonObject> parse_json_body(const Request& request);
// The Content-Type part of parse_json_body alone, for a handler that may not need to parse.
Status check_json_content_type(const Request& request);
// The rest of it: a body's text as a JSON object (a stored request replayed, say).
Result<JsonObject> parse_json_text(std::string_view body);
Response json_body_error_response(const Error& error);

}  // namespace snai::api
