#include "core/artifact_header.hpp"

#include <gtest/gtest.h>

namespace snai {
namespace {

constexpr std::string_view kMagic = "SNAITEST";

TEST(ArtifactHeader, RoundTripsThePayload) {
  std::string payload = "some payload bytes";
  std::string file = encode_artifact_header(kMagic, 3, payload) + payload;
  EXPECT_EQ(file.size(), kArtifactHeaderBytes + payload.size());
  auto read = verify_artifact(file, kMagic, 3, "test.bin");
  ASSERT_TRUE(read) << read.error().message;
  EXPECT_EQ(*read, payload);
  EXPECT_TRUE(verify_artifact(encode_artifact_header(kMagic, 1, ""), kMagic, 1, "empty.bin"));
}

TEST(ArtifactHeader, RejectsOtherFormatsVersionsAndDamage) {
  std::string payload = "payload";
  std::string file = encode_artifact_header(kMagic, 2, payload) + payload;
  EXPECT_EQ(verify_artifact(file, "SNAIOTHR", 2, "x").error().code, ErrorCode::data_corrupt);
  auto old = verify_artifact(file, kMagic, 3, "x");
  ASSERT_FALSE(old);
  EXPECT_NE(old.error().message.find("snai data build"), std::string::npos) << old.error().message;
  EXPECT_FALSE(verify_artifact(file.substr(0, file.size() - 1), kMagic, 2, "x"));  // truncated
  EXPECT_FALSE(verify_artifact(file + "!", kMagic, 2, "x"));                       // trailing bytes
  std::string flipped = file;
  flipped.back() ^= 1;
  EXPECT_NE(verify_artifact(flipped, kMagic, 2, "x").error().message.find("checksum"), std::string::npos);
  EXPECT_FALSE(verify_artifact("short", kMagic, 2, "x"));
}

}  // namespace
}  // namespace snai
