#include "api/server/compression.hpp"

#include <gtest/gtest.h>
#include <random>

namespace snai::api {
namespace {

std::optional<std::string> header(const Response& r, std::string_view name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return std::nullopt;
}

std::string large_json() {
  nlohmann::json names = nlohmann::json::array();
  for (int i = 0; i < 500; ++i) {
    names.push_back({{"name", "Name" + std::to_string(i)}, {"style", "blend"}, {"score", i % 100}});
  }
  return dump_json({{"names", names}});
}

TEST(AcceptsGzip, ReadsCodingsAndWeights) {
  EXPECT_TRUE(accepts_gzip("gzip"));
  EXPECT_TRUE(accepts_gzip("deflate, GZIP;q=0.5, br"));
  EXPECT_TRUE(accepts_gzip("x-gzip"));
  EXPECT_TRUE(accepts_gzip("*"));
  EXPECT_FALSE(accepts_gzip(""));
  EXPECT_FALSE(accepts_gzip("identity"));
  EXPECT_FALSE(accepts_gzip("br, deflate"));
  EXPECT_FALSE(accepts_gzip("gzip;q=0"));
  EXPECT_FALSE(accepts_gzip("gzip; q=0.000"));
  EXPECT_FALSE(accepts_gzip("*, gzip;q=0"));  // named gzip wins over *
  EXPECT_FALSE(accepts_gzip("*;q=0"));
  EXPECT_TRUE(accepts_gzip("gzip;q=0.001"));
}

TEST(Gzip, RoundTripsAndShrinksJson) {
  const std::string body = large_json();
  const std::string packed = gzip(body);
  EXPECT_LT(packed.size(), body.size() / 3);
  ASSERT_GE(packed.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(packed[0]), 0x1f);  // gzip magic
  EXPECT_EQ(static_cast<unsigned char>(packed[1]), 0x8b);
  EXPECT_EQ(gunzip(packed), body);
  EXPECT_EQ(gunzip(""), std::nullopt);
  EXPECT_EQ(gunzip(packed.substr(0, packed.size() / 2)), std::nullopt);
}

TEST(CompressResponse, GzipsLargeBodiesForClientsThatAcceptIt) {
  Response response = json_response(200, nlohmann::json::parse(large_json()));
  const std::string original = response.body;
  compress_response(response, "gzip, deflate", 2048);
  EXPECT_EQ(header(response, "Content-Encoding"), "gzip");
  EXPECT_EQ(header(response, "Vary"), "Accept-Encoding");
  EXPECT_EQ(gunzip(response.body), original);
}

TEST(CompressResponse, LeavesSmallBodiesAndRefusingClientsAlone) {
  Response small = json_response(200, {{"status", "ok"}});
  compress_response(small, "gzip", 2048);
  EXPECT_FALSE(header(small, "Content-Encoding"));
  EXPECT_FALSE(header(small, "Vary"));

  Response refused = json_response(200, nlohmann::json::parse(large_json()));
  const std::string original = refused.body;
  compress_response(refused, std::nullopt, 2048);
  EXPECT_EQ(refused.body, original);
  EXPECT_FALSE(header(refused, "Content-Encoding"));
  EXPECT_EQ(header(refused, "Vary"), "Accept-Encoding");  // the same URL can come back gzipped

  Response already = json_response(200, nlohmann::json::parse(large_json()));
  already.headers.emplace_back("Content-Encoding", "br");
  const std::string br = already.body;
  compress_response(already, "gzip", 0);
  EXPECT_EQ(already.body, br);
}

TEST(CompressResponse, KeepsTheOriginalWhenGzipWouldNotHelp) {
  Response random;
  std::mt19937 bits(7);
  for (int i = 0; i < 4096; ++i) random.body += static_cast<char>(bits() & 0xff);  // incompressible
  const std::string original = random.body;
  compress_response(random, "gzip", 16);
  EXPECT_EQ(random.body, original);
  EXPECT_FALSE(header(random, "Content-Encoding"));
}

}  // namespace
}  // namespace snai::api
