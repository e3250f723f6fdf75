#include "availability/rdap_client.hpp"

#include <gtest/gtest.h>

namespace snai::availability {
namespace {

TEST(RdapBootstrap, ReadsTheIanaFormatPreferringHttps) {
  auto b = RdapBootstrap::parse(R"({"version":"1.0","publication":"2024-01-01T00:00:00Z","services":[
      [["com","net"],["http://rdap.verisign.com/com/v1/","https://rdap.verisign.com/com/v1/"]],
      [["IO"],["https://rdap.nic.io"]]]})");
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(b->base_url("com").value(), "https://rdap.verisign.com/com/v1/");
  EXPECT_EQ(b->base_url("net").value(), "https://rdap.verisign.com/com/v1/");
  EXPECT_EQ(b->base_url("io").value(), "https://rdap.nic.io/");  // trailing slash added
  EXPECT_FALSE(b->base_url("ai"));
  EXPECT_EQ(b->size(), 3u);
}

TEST(RdapBootstrap, RejectsOtherShapes) {
  EXPECT_FALSE(RdapBootstrap::parse("not json"));
  EXPECT_FALSE(RdapBootstrap::parse(R"({"servers":[]})"));
  EXPECT_FALSE(RdapBootstrap::parse(R"({"services":[["com","https://x/"]]})"));
  EXPECT_EQ(RdapBootstrap::load("/nonexistent/dns.json").error().code, ErrorCode::not_found);
}

TEST(RdapDomain, ParsesStatusEventsAndFlags) {
  RdapAnswer a;
  parse_rdap_domain(R"({"objectClassName":"domain","ldhName":"EXAMPLE.COM",
      "status":["client delete prohibited","Reserved"],
      "events":[{"eventAction":"registration","eventDate":"1995-08-14T04:00:00Z"},
                {"eventAction":"expiration","eventDate":"2030-08-13T04:00:00Z"},
                {"eventAction":"last changed","eventDate":"2024-01-01T00:00:00Z"}]})",
                    a);
  EXPECT_EQ(a.status, (std::vector<std::string>{"client delete prohibited", "Reserved"}));
  EXPECT_EQ(a.registered_at, "1995-08-14T04:00:00Z");
  EXPECT_EQ(a.expires_at, "2030-08-13T04:00:00Z");
  EXPECT_TRUE(a.reserved);
  EXPECT_FALSE(a.premium);
  RdapAnswer garbage;
  parse_rdap_domain("<html>", garbage);
  EXPECT_TRUE(garbage.status.empty());
}

}  // namespace
}  // namespace snai::availability
