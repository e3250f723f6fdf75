// The one place that turns a snai::Error into an HTTP status and the error JSON body
// {"error":{"code","message","field"?}}, the API's one error shape (docs/architecture.md).
//
//   if (!project) return error_response(project.error());   // not_found -> 404
//
// Mapping: invalid_argument 400, unauthenticated 401, permission_denied 403, not_found 404,
// conflict 409, failed_precondition 409 (the resource or system is in the wrong state for
// this request; 412 stays reserved for If-Match/ETag preconditions, 400 would blame a
// well-formed request), unavailable 503, data_corrupt and internal 500. The body's "code"
// keeps the ErrorCode name, so clients can tell conflict from failed_precondition.
// data_corrupt and internal messages are replaced by a generic text: they may describe
// server internals; log the original with the request id instead.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "api/server/response.hpp"
#include "core/result.hpp"

namespace snai::api {

int http_status(ErrorCode code);

// {"error":{"code":"not_found","message":"...","field":"..."}}; "field" only when set.
nlohmann::json error_json(std::string_view code, std::string_view message, std::string_view field = {});

Response error_response(const Error& error);

// Errors of the HTTP layer itself that have no ErrorCode: 405 "method_not_allowed",
// 413 "payload_too_large" ...
Response error_response(int status, std::string_view code, std::string_view message);

}  // namespace snai::api
