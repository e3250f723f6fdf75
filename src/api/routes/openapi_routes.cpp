#include "api/routes/openapi_routes.hpp"

namespace snai::api {

std::string openapi_path(std::string_view express_path) {
  std::string out;
  out.reserve(express_path.size() + 2);
  for (std::size_t i = 0; i < express_path.size();) {
    if (express_path[i] == ':' && (i == 0 || express_path[i - 1] == '/')) {
      std::size_t end = i + 1;
      while (end < express_path.size() && express_path[end] != '/') ++end;
      out += '{';
      out += express_path.substr(i + 1, end - i - 1);
      out += '}';
      i = end;
    } else {
      out += express_path[i++];
    }
  }
  return out;
}

void add_openapi_routes(Router& router) {
  router.get("/openapi.json", [](const Request&) {
    Response response;
    response.body = std::string(openapi_document());
    // The document changes only with the binary: let clients and CDNs keep it a while.
    response.cache_control = "public, max-age=300";
    return response;
  }, Access::open);
}

}  // namespace snai::api
