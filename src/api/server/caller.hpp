// Who is calling, as the request pipeline established it from `Authorization: Bearer <key>`,
// and what a route demands. Handlers read request.caller(): null for anonymous callers.
//
//   router.get("/v1/projects", handler, Access::key_required);   // 401 without a valid key
//   if (const Caller* caller = request.caller()) owner = caller->user_id;
#pragma once

#include <string>

namespace snai::api {

enum class Access {
  open,          // no authentication at all: /healthz, /readyz, /metrics, /openapi.json
  key_optional,  // anonymous callers allowed (under a stricter rate limit); a bad key is still 401
  key_required,  // 401 without a valid key: projects, feedback, events
};

struct Caller {
  std::string user_id;
  std::string email;
};

}  // namespace snai::api
