// Caching in the API: the generate cache key (normalisation), and HTTP caching of GETs (ETag,
// 304) through a real server.
#include <gtest/gtest.h>

#include "api/middleware/http_caching.hpp"
#include "api/routes/generate_routes.hpp"
#include "api/server/http_server.hpp"
#include "api/testing/fake_storage.hpp"
#include "api/testing/http_client.hpp"

namespace snai::api {
namespace {

using generate::GenerateRequest;
using generate::Style;

std::string key_of(GenerateRequest r, std::string_view version = "v1") {
  return generate_cache_key(normalise_generate_request(std::move(r)), version);
}

TEST(GenerateCacheKey, FoldsOrderCaseWhitespaceAndDefaults) {
  GenerateRequest a{.description = "AI note-taking   for Doctors ", .keywords = {"Notes", "clinic", "notes"},
                    .styles = {Style::compound, Style::blend}, .exclude = {"Med", "x"}, .seed = 7};
  GenerateRequest b{.description = "\tai  note-taking for doctors", .keywords = {"clinic", " NOTES"},
                    .styles = {Style::blend, Style::compound, Style::blend}, .exclude = {"x", "med"}, .seed = 7};
  EXPECT_EQ(key_of(a), key_of(b));
  EXPECT_EQ(key_of({.description = "x", .styles = {}}),
            key_of({.description = "x", .styles = {generate::kAllStyles.begin(), generate::kAllStyles.end()}}));
  EXPECT_EQ(key_of({.description = "x"}), key_of({.description = "x", .count = 20, .seed = kCachedDefaultSeed}));
  EXPECT_EQ(normalise_generate_request({.description = "x"}).seed, kCachedDefaultSeed);
  EXPECT_EQ(key_of({.description = "x", .starts_with = "No-te"}), key_of({.description = "x", .starts_with = "note"}));
}

TEST(GenerateCacheKey, EveryAnswerChangingFieldAndTheDataVersionChangeIt) {
  const GenerateRequest base{.description = "ai notes", .keywords = {"clinic"}};
  const std::string k = key_of(base);
  auto with = [&](auto change) {
    GenerateRequest r = base;
    change(r);
    return key_of(r);
  };
  EXPECT_NE(k, key_of(base, "v2"));
  EXPECT_NE(k, with([](auto& r) { r.description = "ai note"; }));
  EXPECT_NE(k, with([](auto& r) { r.keywords.push_back("health"); }));
  EXPECT_NE(k, with([](auto& r) { r.styles = {Style::rhyme}; }));
  EXPECT_NE(k, with([](auto& r) { r.count = 5; }));
  EXPECT_NE(k, with([](auto& r) { r.min_length = 4; }));
  EXPECT_NE(k, with([](auto& r) { r.max_length = 9; }));
  EXPECT_NE(k, with([](auto& r) { r.contains = "ai"; }));
  EXPECT_NE(k, with([](auto& r) { r.ends_with = "ly"; }));
  EXPECT_NE(k, with([](auto& r) { r.exclude = {"med"}; }));
  EXPECT_NE(k, with([](auto& r) { r.seed = 2; }));
  EXPECT_NE(k, with([](auto& r) { r.allow_shared_roots = true; }));
  EXPECT_NE(k, with([](auto& r) { r.allow_similar_brands = true; }));
  EXPECT_TRUE(k.starts_with("generate:v1:"));
}

TEST(HttpCaching, EtagComparison) {
  const std::string etag = strong_etag("body");
  EXPECT_EQ(etag, strong_etag("body"));
  EXPECT_NE(etag, strong_etag("body!"));
  EXPECT_TRUE(etag.starts_with("\"") && etag.ends_with("\""));
  EXPECT_TRUE(etag_matches(etag, etag));
  EXPECT_TRUE(etag_matches("\"other\", " + etag, etag));
  EXPECT_TRUE(etag_matches("W/" + etag, etag));
  EXPECT_TRUE(etag_matches("*", etag));
  EXPECT_FALSE(etag_matches("\"other\"", etag));
  EXPECT_FALSE(etag_matches("", etag));
}

TEST(HttpCaching, OnlyCacheableGetAnswersGetValidators) {
  Response open{.body = "{}", .cache_control = "public, max-age=300"};
  apply_http_caching("GET", "/openapi.json", std::nullopt, open);
  EXPECT_EQ(open.status, 200);
  ASSERT_EQ(open.headers.size(), 1u);
  EXPECT_EQ(open.headers[0].first, "ETag");

  Response project{.body = "{\"id\":1}"};
  apply_http_caching("GET", "/v1/projects/:id", std::nullopt, project);
  EXPECT_EQ(project.cache_control, "private, no-cache");

  Response health{.body = "{}"};
  apply_http_caching("GET", "/healthz", std::nullopt, health);
  EXPECT_EQ(health.cache_control, "no-store");
  EXPECT_TRUE(health.headers.empty());

  Response post{.body = "{}"};
  apply_http_caching("POST", "/v1/projects", strong_etag("{}"), post);
  EXPECT_EQ(post.status, 200);
  EXPECT_TRUE(post.headers.empty());

  Response missing{.status = 404, .body = "{}"};
  apply_http_caching("GET", "/v1/projects/:id", std::nullopt, missing);
  EXPECT_TRUE(missing.headers.empty());
}

TEST(HttpCaching, ConditionalGetOverHttpAnswers304WithoutABody) {
  testing::FakeStorage storage;
  HttpServer server({.host = "127.0.0.1", .port = testing::find_free_port(), .threads = 1}, ServerDeps{.storage = storage});
  ASSERT_TRUE(server.start());
  auto first = testing::http_request(server.port(), "GET", "/openapi.json", "", {});
  ASSERT_TRUE(first) << first.error().describe();
  ASSERT_EQ(first->status, 200);
  auto etag = first->header("ETag");
  ASSERT_TRUE(etag);
  EXPECT_EQ(*etag, strong_etag(first->body));
  EXPECT_EQ(first->header("Cache-Control").value_or(""), "public, max-age=300");

  auto again = testing::http_request(server.port(), "GET", "/openapi.json", "", {.headers = {{"If-None-Match", *etag}}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(again->header("ETag").value_or(""), *etag);

  auto changed = testing::http_request(server.port(), "GET", "/openapi.json", "",
                                       {.headers = {{"If-None-Match", "\"stale\""}}});
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->status, 200);
  EXPECT_EQ(changed->body, first->body);
  server.stop();
}

}  // namespace
}  // namespace snai::api
