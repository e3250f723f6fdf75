// Tenancy for the resource routes: a caller reaches only the projects it owns and the names
// in them. Another tenant's resource is reported exactly like a missing one (not_found, same
// message and field), so a guessed or leaked id reveals nothing — never permission_denied.
//
//   router.get("/v1/projects/:id", with_caller([&](const Request& request, const Caller& caller) {
//     auto project = owned_project(storage, caller, request.param("id").value_or(""));
//     if (!project) return error_response(project.error());   // 404 for absent and foreign alike
//     ...
//   }), Access::key_required);
#pragma once

#include <string_view>
#include <utility>

#include "api/server/caller.hpp"
#include "api/server/error_response.hpp"
#include "api/server/router.hpp"
#include "storage/storage.hpp"

namespace snai::api {

// not_found (field `field`) when the project does not exist or belongs to someone else.
Result<storage::Project> owned_project(storage::Storage& storage, const Caller& caller, std::string_view id,
                                       std::string_view field = "id");

// not_found (field `field`) when the name does not exist or its project is not the caller's.
Result<storage::GeneratedName> owned_name(storage::Storage& storage, const Caller& caller, std::string_view id,
                                          std::string_view field = "name_id");

// A handler for an Access::key_required route, given the caller. The pipeline has already
// answered 401 without a valid key; the check here only guards against a route registered
// with the wrong access level.
template <class F>
Handler with_caller(F body) {
  return [body = std::move(body)](const Request& request) -> Response {
    const Caller* caller = request.caller();
    if (caller == nullptr) return error_response(Error{ErrorCode::unauthenticated, "this route needs an API key", ""});
    return body(request, *caller);
  };
}

}  // namespace snai::api
