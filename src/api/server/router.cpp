#include "api/server/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace snai::api {

std::string_view to_string(Method method) {
  switch (method) {
    case Method::get: return "GET";
    case Method::head: return "HEAD";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::patch: return "PATCH";
    case Method::del: return "DELETE";
    case Method::options: return "OPTIONS";
  }
  return "GET";
}

void Router::add(Method method, std::string path, Handler handler, Access access) {
  // A programming error in the route table, found at start-up, not a request failure.
  if (path.empty() || path.front() != '/') throw std::invalid_argument("route path must start with '/': " + path);
  if (!handler) throw std::invalid_argument("route without handler: " + path);
  for (const Route& route : routes_) {
    if (route.method == method && route.path == path) {
      throw std::invalid_argument("duplicate route: " + std::string(to_string(method)) + " " + path);
    }
  }
  routes_.push_back(Route{method, std::move(path), std::move(handler), access});
}

std::vector<Method> Router::methods_for(std::string_view path) const {
  std::vector<Method> methods;
  for (const Route& route : routes_) {
    if (route.path == path && std::find(methods.begin(), methods.end(), route.method) == methods.end()) {
      methods.push_back(route.method);
    }
  }
  return methods;
}

}  // namespace snai::api
