#include "api/server/client_address.hpp"

#include <gtest/gtest.h>

namespace snai::api {
namespace {

TEST(ClientAddress, DirectPeerIsTheAddressAndItsHeaderIsIgnored) {
  EXPECT_EQ(client_address("203.0.113.9", {}), "203.0.113.9");
  EXPECT_EQ(client_address("203.0.113.9", {"198.51.100.1"}), "203.0.113.9");
  EXPECT_EQ(client_address("::ffff:203.0.113.9", {}), "203.0.113.9");
}

TEST(ClientAddress, FromALoopbackProxyTheRightMostForwardedEntryCounts) {
  EXPECT_EQ(client_address("127.0.0.1", {"203.0.113.9"}), "203.0.113.9");
  // The client sent its own header; the proxy appended the address it saw.
  EXPECT_EQ(client_address("127.0.0.1", {"1.2.3.4, 203.0.113.9"}), "203.0.113.9");
  EXPECT_EQ(client_address("127.0.0.1", {"1.2.3.4", "203.0.113.9"}), "203.0.113.9");
  EXPECT_EQ(client_address("::1", {" 203.0.113.9:51234 "}), "203.0.113.9");
  EXPECT_EQ(client_address("127.0.0.2", {"[2001:db8::1]:443"}), "2001:db8::/64");
  // Garbage from the proxy: fall back to the peer rather than trusting text.
  EXPECT_EQ(client_address("127.0.0.1", {"unknown"}), "127.0.0.1");
  EXPECT_EQ(client_address("127.0.0.1", {}), "127.0.0.1");
}

TEST(ClientAddress, Ipv6IsGroupedBySlash64) {
  EXPECT_EQ(client_address("2001:db8:1:2:aa:bb:cc:dd", {}), "2001:db8:1:2::/64");
  EXPECT_EQ(client_address("2001:db8:1:2:ff::1", {}), "2001:db8:1:2::/64");
  EXPECT_NE(client_address("2001:db8:1:3::1", {}), client_address("2001:db8:1:2::1", {}));
}

TEST(ClientAddress, Loopback) {
  EXPECT_TRUE(is_loopback_address("127.0.0.1"));
  EXPECT_TRUE(is_loopback_address("127.8.9.10"));
  EXPECT_TRUE(is_loopback_address("::1"));
  EXPECT_TRUE(is_loopback_address("::ffff:127.0.0.1"));
  EXPECT_FALSE(is_loopback_address("10.0.0.1"));
  EXPECT_FALSE(is_loopback_address("::2"));
  EXPECT_FALSE(is_loopback_address("localhost"));
}

}  // namespace
}  // namespace snai::api
