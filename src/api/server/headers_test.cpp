// Security headers and CORS: the pure rules, then over real HTTP.
#include "api/server/response_headers.hpp"

#include <gtest/gtest.h>

#include "api/testing/observability_fixture.hpp"

namespace snai::api {
namespace {

std::optional<std::string> header(const Response& response, std::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return std::nullopt;
}

TEST(CorsPolicy, ParsesListsAndWildcard) {
  const auto none = CorsPolicy::parse("");
  EXPECT_FALSE(none.enabled());
  EXPECT_EQ(none.allow_origin("https://a.example"), std::nullopt);

  const auto list = CorsPolicy::parse(" https://a.example , https://b.example:8443/ ");
  EXPECT_TRUE(list.enabled());
  EXPECT_TRUE(list.varies_by_origin());
  EXPECT_EQ(list.allow_origin("https://a.example"), "https://a.example");
  EXPECT_EQ(list.allow_origin("https://b.example:8443"), "https://b.example:8443");
  EXPECT_EQ(list.allow_origin("https://evil.example"), std::nullopt);
  EXPECT_EQ(list.allow_origin("https://a.example.evil.example"), std::nullopt);
  EXPECT_EQ(list.allow_origin("http://a.example"), std::nullopt);  // another scheme is another origin
  EXPECT_EQ(list.allow_origin(std::nullopt), std::nullopt);

  const auto any = CorsPolicy::parse("*");
  EXPECT_FALSE(any.varies_by_origin());
  EXPECT_EQ(any.allow_origin("https://whoever.example"), "*");
  EXPECT_EQ(any.allow_origin(std::nullopt), std::nullopt);
}

TEST(ResponseHeaders, SecurityHeadersAreAddedButNeverOverrideTheHandlers) {
  Response response;
  response.headers.emplace_back("Content-Security-Policy", "default-src 'self'");
  add_response_headers(response, std::nullopt, CorsPolicy::parse(""));
  EXPECT_EQ(header(response, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(header(response, "X-Frame-Options"), "DENY");
  EXPECT_EQ(header(response, "Referrer-Policy"), "no-referrer");
  EXPECT_EQ(header(response, "Content-Security-Policy"), "default-src 'self'");
  EXPECT_EQ(header(response, "Cross-Origin-Resource-Policy"), "same-origin");
  EXPECT_EQ(header(response, "Access-Control-Allow-Origin"), std::nullopt);
  EXPECT_EQ(header(response, "Vary"), std::nullopt);
}

TEST(ResponseHeaders, PreflightOnlyGrantsAllowedOrigins) {
  const auto cors = CorsPolicy::parse("https://app.example");
  auto granted = preflight_response({Method::get, Method::patch}, "https://app.example", "PATCH", cors);
  EXPECT_EQ(granted.status, 204);
  EXPECT_EQ(granted.body, "");
  EXPECT_EQ(header(granted, "Allow"), "GET, PATCH, OPTIONS");
  EXPECT_EQ(header(granted, "Access-Control-Allow-Methods"), "GET, PATCH");
  EXPECT_EQ(header(granted, "Access-Control-Allow-Headers"), "Authorization, Content-Type, X-Request-Id");
  EXPECT_EQ(header(granted, "Access-Control-Max-Age"), "600");

  auto refused = preflight_response({Method::get}, "https://evil.example", "GET", cors);
  EXPECT_EQ(refused.status, 204);
  EXPECT_EQ(header(refused, "Allow"), "GET, OPTIONS");
  EXPECT_EQ(header(refused, "Access-Control-Allow-Methods"), std::nullopt);
}

class HeadersHttpTest : public ObservedServerTest {
 protected:
  static void expect_security_headers(const testing::HttpResponse& r) {
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
    EXPECT_EQ(r.header("Referrer-Policy"), "no-referrer");
    EXPECT_EQ(r.header("Content-Security-Policy"), "default-src 'none'; frame-ancestors 'none'");
  }
};

TEST_F(HeadersHttpTest, EveryResponseCarriesTheSecurityHeaders) {
  start();
  for (auto [method, target] : {std::pair{"GET", "/healthz"}, {"GET", "/nowhere"}, {"DELETE", "/healthz"},
                                {"GET", "/metrics"}, {"GET", "/v1/projects"}, {"POST", "/v1/generate"}}) {
    auto response = request(method, target, {{"Origin", "https://app.example"}});
    SCOPED_TRACE(std::string(method) + " " + target + " -> " + std::to_string(response.status));
    EXPECT_NE(response.status, 0);
    expect_security_headers(response);
    EXPECT_EQ(response.header("Cross-Origin-Resource-Policy"), "same-origin");
    EXPECT_EQ(response.header("Access-Control-Allow-Origin"), std::nullopt);  // CORS is off by default
  }
}

TEST_F(HeadersHttpTest, AllowedOriginIsEchoedAndOthersGetNoCorsHeaders) {
  start("https://app.example, https://admin.example");
  auto allowed = get("/healthz", {{"Origin", "https://admin.example"}});
  EXPECT_EQ(allowed.status, 200);
  EXPECT_EQ(allowed.header("Access-Control-Allow-Origin"), "https://admin.example");
  EXPECT_EQ(allowed.header("Vary"), "Origin");
  EXPECT_EQ(allowed.header("Access-Control-Expose-Headers"), "X-Request-Id, Retry-After");
  EXPECT_EQ(allowed.header("Cross-Origin-Resource-Policy"), "cross-origin");
  expect_security_headers(allowed);

  auto refused = get("/healthz", {{"Origin", "https://evil.example"}});
  EXPECT_EQ(refused.status, 200);
  EXPECT_EQ(refused.header("Access-Control-Allow-Origin"), std::nullopt);
  EXPECT_EQ(refused.header("Access-Control-Expose-Headers"), std::nullopt);
  EXPECT_EQ(refused.header("Vary"), "Origin");  // caches must not reuse one origin's answer for another
  EXPECT_EQ(refused.header("Cross-Origin-Resource-Policy"), "same-origin");

  // Errors from the pipeline itself (401 before the handler) carry CORS too, so a browser app
  // can read why it was refused.
  auto unauthorised = get("/v1/projects", {{"Origin", "https://app.example"}});
  EXPECT_EQ(unauthorised.status, 401);
  EXPECT_EQ(unauthorised.header("Access-Control-Allow-Origin"), "https://app.example");
}

TEST_F(HeadersHttpTest, PreflightOnAnyKnownRouteAnswers204) {
  start("https://app.example");
  auto preflight = request("OPTIONS", "/v1/projects/p-123",
                           {{"Origin", "https://app.example"},
                            {"Access-Control-Request-Method", "PATCH"},
                            {"Access-Control-Request-Headers", "authorization, content-type"}});
  EXPECT_EQ(preflight.status, 204);
  EXPECT_EQ(preflight.body, "");
  EXPECT_EQ(preflight.header("Access-Control-Allow-Origin"), "https://app.example");
  EXPECT_EQ(preflight.header("Access-Control-Allow-Methods"), "GET, PATCH, DELETE");
  EXPECT_EQ(preflight.header("Access-Control-Allow-Headers"), "Authorization, Content-Type, X-Request-Id");
  EXPECT_EQ(preflight.header("Access-Control-Max-Age"), "600");
  EXPECT_EQ(preflight.header("Vary"), "Origin");
  EXPECT_TRUE(preflight.header("X-Request-Id").has_value());
  expect_security_headers(preflight);

  // No key needed for a preflight, even on a key-required route; a refused origin gets no grant.
  auto refused = request("OPTIONS", "/v1/generate",
                         {{"Origin", "https://evil.example"}, {"Access-Control-Request-Method", "POST"}});
  EXPECT_EQ(refused.status, 204);
  EXPECT_EQ(refused.header("Allow"), "POST, OPTIONS");
  EXPECT_EQ(refused.header("Access-Control-Allow-Origin"), std::nullopt);
  EXPECT_EQ(refused.header("Access-Control-Allow-Methods"), std::nullopt);

  EXPECT_EQ(request("OPTIONS", "/no/such/route", {{"Origin", "https://app.example"}}).status, 404);
}

TEST_F(HeadersHttpTest, WildcardAllowsAnyOriginWithoutVary) {
  start("*");
  auto response = get("/healthz", {{"Origin", "https://anyone.example"}});
  EXPECT_EQ(response.header("Access-Control-Allow-Origin"), "*");
  EXPECT_EQ(response.header("Vary"), std::nullopt);
  EXPECT_EQ(get("/healthz").header("Access-Control-Allow-Origin"), std::nullopt);  // no Origin: not a CORS request
}

}  // namespace
}  // namespace snai::api
