#include "storage/api_key_secret.hpp"

#include <gtest/gtest.h>
#include <set>

#include "core/id.hpp"

namespace snai::storage {
namespace {

TEST(ApiKeySecret, IsPrefixedHexOf192RandomBits) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string secret = new_api_key_secret();
    ASSERT_EQ(secret.size(), 5u + 48u) << secret;
    EXPECT_TRUE(secret.starts_with("snai_"));
    EXPECT_EQ(secret.find_first_not_of("0123456789abcdef", 5), std::string::npos) << secret;
    seen.insert(secret);
  }
  EXPECT_EQ(seen.size(), 200u);
}

TEST(ApiKeySecret, HashIsSha256HexAndNotTheSecret) {
  // FIPS 180-2 test vector, and the same value core's own SHA-256 gives (keys issued before
  // the switch to libsodium still authenticate).
  EXPECT_EQ(api_key_hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  std::string secret = new_api_key_secret();
  EXPECT_EQ(api_key_hash(secret), sha256_hex(secret));
  EXPECT_EQ(api_key_hash(secret).size(), 64u);
  EXPECT_EQ(api_key_hash(secret).find(secret.substr(5)), std::string::npos);
  EXPECT_NE(api_key_hash(secret), api_key_hash(secret + "x"));
}

}  // namespace
}  // namespace snai::storage
