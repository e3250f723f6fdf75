#include "api/server/error_response.hpp"

namespace snai::api {

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_argument: return 400;
    case ErrorCode::unauthenticated: return 401;
    case ErrorCode::permission_denied: return 403;
    case ErrorCode::not_found: return 404;
    case ErrorCode::conflict: return 409;
    case ErrorCode::failed_precondition: return 409;
    case ErrorCode::unavailable: return 503;
    case ErrorCode::data_corrupt: return 500;
    case ErrorCode::internal: return 500;
  }
  return 500;
}

nlohmann::json error_json(std::string_view code, std::string_view message, std::string_view field) {
  nlohmann::json error = {{"code", code}, {"message", message}};
  if (!field.empty()) error["field"] = field;
  return {{"error", std::move(error)}};
}

Response error_response(const Error& error) {
  const int status = http_status(error.code);
  std::string_view message = error.message;
  if (status == 500) message = "internal error";
  return json_response(status, error_json(to_string(error.code), message, error.field));
}

Response error_response(int status, std::string_view code, std::string_view message) {
  return json_response(status, error_json(code, message));
}

}  // namespace snai::api
