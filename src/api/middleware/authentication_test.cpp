#include "api/middleware/authentication.hpp"

#include <gtest/gtest.h>

#include "api/testing/fake_storage.hpp"

namespace snai::api {
namespace {

// One valid key, one whose lookup fails because the database is down.
class KeyStore : public testing::FakeStorage {
 public:
  Result<storage::User> authenticate(std::string_view secret) override {
    if (secret == "snai_good") return storage::User{.id = "u1", .email = "ada@example.com"};
    if (secret == "snai_outage") return fail(ErrorCode::unavailable, "connection refused to db.internal:5432");
    return fail(ErrorCode::unauthenticated, "unknown key");
  }
};

TEST(Authentication, OpenRoutesIgnoreTheHeader) {
  KeyStore keys;
  auto caller = authenticate_request("Bearer snai_wrong", Access::open, keys);
  ASSERT_TRUE(caller);
  EXPECT_FALSE(caller->has_value());
}

TEST(Authentication, AnonymousCallersOnlyWhereTheRouteAllowsThem) {
  KeyStore keys;
  auto optional = authenticate_request(std::nullopt, Access::key_optional, keys);
  ASSERT_TRUE(optional);
  EXPECT_FALSE(optional->has_value());

  auto required = authenticate_request(std::nullopt, Access::key_required, keys);
  ASSERT_FALSE(required);
  EXPECT_EQ(required.error().code, ErrorCode::unauthenticated);
}

TEST(Authentication, AValidKeyNamesTheCaller) {
  KeyStore keys;
  for (std::string_view header : {"Bearer snai_good", "bearer snai_good", "Bearer   snai_good  "}) {
    auto caller = authenticate_request(header, Access::key_required, keys);
    ASSERT_TRUE(caller) << header;
    ASSERT_TRUE(caller->has_value());
    EXPECT_EQ((*caller)->user_id, "u1");
  }
}

TEST(Authentication, ABadKeyIsRefusedEvenWhereAnonymousCallsAreAllowed) {
  KeyStore keys;
  for (std::string_view header : {"Bearer snai_wrong", "Basic dXNlcjpwYXNz", "Bearer", "Bearer a b", "snai_good"}) {
    auto caller = authenticate_request(header, Access::key_optional, keys);
    ASSERT_FALSE(caller) << header;
    EXPECT_EQ(caller.error().code, ErrorCode::unauthenticated) << header;
  }
}

TEST(Authentication, AnOutageIsUnavailableWithoutItsDetails) {
  KeyStore keys;
  auto caller = authenticate_request("Bearer snai_outage", Access::key_required, keys);
  ASSERT_FALSE(caller);
  EXPECT_EQ(caller.error().code, ErrorCode::unavailable);
  EXPECT_EQ(caller.error().message.find("db.internal"), std::string::npos);
}

}  // namespace
}  // namespace snai::api
