#include "api/server/error_response.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace snai::api {
namespace {

TEST(ErrorResponse, MapsEveryErrorCode) {
  EXPECT_EQ(http_status(ErrorCode::invalid_argument), 400);
  EXPECT_EQ(http_status(ErrorCode::unauthenticated), 401);
  EXPECT_EQ(http_status(ErrorCode::permission_denied), 403);
  EXPECT_EQ(http_status(ErrorCode::not_found), 404);
  EXPECT_EQ(http_status(ErrorCode::conflict), 409);
  EXPECT_EQ(http_status(ErrorCode::failed_precondition), 409);
  EXPECT_EQ(http_status(ErrorCode::unavailable), 503);
  EXPECT_EQ(http_status(ErrorCode::data_corrupt), 500);
  EXPECT_EQ(http_status(ErrorCode::internal), 500);

  auto bad = error_response(Error{ErrorCode::invalid_argument, "count must be 1-500", "count"});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(nlohmann::json::parse(bad.body),
            nlohmann::json({{"error", {{"code", "invalid_argument"}, {"message", "count must be 1-500"},
                                       {"field", "count"}}}}));
  auto missing = error_response(Error{ErrorCode::not_found, "project 42 does not exist", ""});
  EXPECT_FALSE(nlohmann::json::parse(missing.body)["error"].contains("field"));
  auto corrupt = error_response(Error{ErrorCode::data_corrupt, "row 7 of /var/snai.db", ""});
  EXPECT_EQ(corrupt.status, 500);
  EXPECT_EQ(nlohmann::json::parse(corrupt.body)["error"]["message"], "internal error");
  EXPECT_EQ(nlohmann::json::parse(corrupt.body)["error"]["code"], "data_corrupt");
}

}  // namespace
}  // namespace snai::api
