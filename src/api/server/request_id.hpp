// Request ids: every response carries X-Request-Id, echoing the client's (or the load
// balancer's) when it is sane, else a fresh UUIDv7, so one id follows a request through
// logs across instances.
//
//   std::string id = request_id_for(request.header("X-Request-Id"));
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace snai::api {

inline constexpr std::string_view kRequestIdHeader = "X-Request-Id";

// 1-128 characters from [A-Za-z0-9._:/+=-]: safe to echo into a header and a log line.
bool is_sane_request_id(std::string_view id);

// The incoming id when sane, else snai::new_id().
std::string request_id_for(std::optional<std::string_view> incoming);

}  // namespace snai::api
