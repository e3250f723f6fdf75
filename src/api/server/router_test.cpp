#include "api/server/router.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace snai::api {
namespace {

TEST(Router, RejectsDuplicateAndRelativeRoutes) {
  Router router;
  router.get("/a", [](const Request&) { return json_response(200, {}); });
  router.post("/a", [](const Request&) { return json_response(200, {}); });
  EXPECT_THROW(router.get("/a", [](const Request&) { return json_response(200, {}); }), std::invalid_argument);
  EXPECT_THROW(router.get("a", [](const Request&) { return json_response(200, {}); }), std::invalid_argument);
  EXPECT_EQ(router.methods_for("/a"), (std::vector<Method>{Method::get, Method::post}));
}

}  // namespace
}  // namespace snai::api
