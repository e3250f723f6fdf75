// Turns the Authorization header into a Caller for the route's Access level. Pure apart from
// the key lookup, so the whole auth matrix is testable without a server.
//
//   auto caller = authenticate_request(request.header("Authorization"), route.access, &storage);
//   if (!caller) return error_response(caller.error());        // 401
//   // *caller: std::nullopt for an anonymous call on a key_optional route
#pragma once

#include <optional>
#include <string_view>

#include "api/server/caller.hpp"
#include "core/result.hpp"
#include "storage/storage.hpp"

namespace snai::api {

// unauthenticated when: the header is not "Bearer <key>", the key is unknown or revoked, or the
// route needs a key and none was sent. Open routes ignore the header. unavailable when the key
// store cannot be reached.
Result<std::optional<Caller>> authenticate_request(std::optional<std::string_view> authorization, Access access,
                                                   storage::UserRepository& users);

}  // namespace snai::api
