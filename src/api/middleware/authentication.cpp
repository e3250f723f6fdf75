#include "api/middleware/authentication.hpp"

#include <cctype>

namespace snai::api {
namespace {

constexpr std::string_view kScheme = "bearer";

// "Bearer <token>": the scheme is case-insensitive (RFC 9110 §11.1), one or more spaces.
std::optional<std::string_view> bearer_token(std::string_view value) {
  if (value.size() <= kScheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (static_cast<char>(std::tolower(static_cast<unsigned char>(value[i]))) != kScheme[i]) return std::nullopt;
  }
  std::string_view rest = value.substr(kScheme.size());
  if (rest.front() != ' ') return std::nullopt;
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  if (rest.empty() || rest.find(' ') != std::string_view::npos) return std::nullopt;
  return rest;
}

}  // namespace

Result<std::optional<Caller>> authenticate_request(std::optional<std::string_view> authorization, Access access,
                                                   storage::UserRepository& users) {
  if (access == Access::open) return std::optional<Caller>{};
  if (!authorization) {
    if (access == Access::key_required) {
      return fail(ErrorCode::unauthenticated, "this route needs an API key: send Authorization: Bearer <key>");
    }
    return std::optional<Caller>{};
  }
  const auto token = bearer_token(*authorization);
  if (!token) return fail(ErrorCode::unauthenticated, "the Authorization header must be \"Bearer <key>\"");
  auto user = users.authenticate(*token);
  if (!user) {
    // Unknown and revoked keys read the same to the caller; a database outage is not their fault.
    if (user.error().code == ErrorCode::unavailable) return fail(ErrorCode::unavailable, "the key store is not reachable");
    return fail(ErrorCode::unauthenticated, "the API key is not valid");
  }
  return std::optional<Caller>{Caller{.user_id = user->id, .email = user->email}};
}

}  // namespace snai::api
