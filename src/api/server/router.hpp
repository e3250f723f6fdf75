// The route table: (method, express-style path) -> handler. Handlers return a Response
// (use error_response() for failures); they run on an event-loop thread and must not block
// for long. The table is turned into RESTinio's express router once per event loop by
// internal/express_router.cpp, which also answers 404 (no route) and 405 (path known,
// method not) and wraps every handler in the request pipeline (request id, body limit,
// standard headers, exception -> 500).
//
//   Router router;
//   router.get("/v1/projects/:id", [&](const Request& r) { return get_project(deps, r); });
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "api/server/caller.hpp"
#include "api/server/request.hpp"
#include "api/server/response.hpp"

namespace snai::api {

enum class Method { get, head, post, put, patch, del, options };

std::string_view to_string(Method method);  // "GET"

using Handler = std::function<Response(const Request&)>;

struct Route {
  Method method = Method::get;
  std::string path;  // express syntax: "/v1/projects/:id", "/v1/names/:id/feedback"
  Handler handler;
  Access access = Access::key_optional;
};

class Router {
 public:
  // Routes match in the order they were added.
  // access: who may call (caller.hpp); the pipeline answers 401 before the handler runs.
  void add(Method method, std::string path, Handler handler, Access access = Access::key_optional);
  void get(std::string path, Handler handler, Access access = Access::key_optional) {
    add(Method::get, std::move(path), std::move(handler), access);
  }
  void post(std::string path, Handler handler, Access access = Access::key_optional) {
    add(Method::post, std::move(path), std::move(handler), access);
  }
  void put(std::string path, Handler handler, Access access = Access::key_optional) {
    add(Method::put, std::move(path), std::move(handler), access);
  }
  void patch(std::string path, Handler handler, Access access = Access::key_optional) {
    add(Method::patch, std::move(path), std::move(handler), access);
  }
  void del(std::string path, Handler handler, Access access = Access::key_optional) {
    add(Method::del, std::move(path), std::move(handler), access);
  }

  const std::vector<Route>& routes() const { return routes_; }

  // The methods registered for exactly this path string, in order ("GET, POST"), for Allow.
  std::vector<Method> methods_for(std::string_view path) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace snai::api
