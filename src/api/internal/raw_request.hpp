// RESTinio's request behind snai::api::Request. Only for the api's own .cpp files.
#pragma once

#include <restinio/all.hpp>

namespace snai::api::internal {

struct RawRequest {
  const restinio::request_t& request;
  const restinio::router::route_params_t* params = nullptr;  // null for unmatched requests
};

}  // namespace snai::api::internal
