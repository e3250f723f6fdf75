#include "api/server/request_id.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace snai::api {
namespace {

TEST(RequestId, SanityRules) {
  EXPECT_TRUE(is_sane_request_id("0192e4c1-7a3b-7c4d-8e5f-0123456789ab"));
  EXPECT_TRUE(is_sane_request_id("Root=1-67891233-abcdef012345678912345678"));
  EXPECT_FALSE(is_sane_request_id(""));
  EXPECT_FALSE(is_sane_request_id("a b"));
  EXPECT_FALSE(is_sane_request_id("a\r\nX-Evil: 1"));
  EXPECT_FALSE(is_sane_request_id(std::string(129, 'a')));
  EXPECT_EQ(request_id_for("abc"), "abc");
  EXPECT_EQ(request_id_for(std::nullopt).size(), 36u);
}

}  // namespace
}  // namespace snai::api
