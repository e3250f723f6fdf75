// POST /v1/generate with the response cache on a real server and the real naming data (label
// data): miss then hit-l1 with the same bytes; an equivalent body (order, case, spacing) is a
// hit; unseeded requests are cached under the fixed seed; /metrics counts it. A body seen before
// skips parsing (its key is remembered by its bytes): it still answers when its answer has left
// the cache, and a bad body is never remembered.
#include <gtest/gtest.h>

#include "api/routes/generate_routes.hpp"
#include "api/server/http_server.hpp"
#include "api/testing/fake_storage.hpp"
#include "api/testing/http_client.hpp"
#include "naming/namer.hpp"
#include "naming/testing/test_knowledge.hpp"

namespace snai::api {
namespace {

class CachedGenerate : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto namer = naming::testing::test_namer_without_deadline();
    ASSERT_TRUE(namer) << namer.error().describe();
    namer_ = *namer;
  }
  void SetUp() override {
    cache_ = cache::ResponseCache::create({}).value();
    ServerConfig config{.host = "127.0.0.1", .port = testing::find_free_port(), .threads = 2};
    server_ = std::make_unique<HttpServer>(config, ServerDeps{.storage = storage_, .namer = namer_, .metrics = &registry_,
                                                              .response_cache = cache_.get(), .data_version = "test"});
    ASSERT_TRUE(server_->start());
  }
  testing::HttpResponse post(std::string_view body) {
    auto response = testing::http_request(server_->port(), "POST", "/v1/generate", body,
                                          {.headers = {{"Content-Type", "application/json"}},
                                           .timeout = std::chrono::seconds(60)});
    EXPECT_TRUE(response) << response.error().describe();
    return response ? *response : testing::HttpResponse{};
  }

  static inline const naming::Namer* namer_ = nullptr;
  testing::FakeStorage storage_;
  metrics::Registry registry_;
  std::unique_ptr<cache::ResponseCache> cache_;
  std::unique_ptr<HttpServer> server_;
};

TEST_F(CachedGenerate, SecondAskIsAnL1HitWithTheSameBytes) {
  auto first = post(R"({"description":"AI note-taking for doctors","keywords":["notes","clinic"],"count":8,"seed":3})");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.header("X-Cache").value_or(""), "miss");
  auto second = post(R"({"seed":3,"count":8,"keywords":["Clinic","NOTES","notes"],"description":"  ai NOTE-TAKING for   doctors"})");
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(second.header("X-Cache").value_or(""), "hit-l1");
  EXPECT_EQ(second.body, first.body);
  auto other_seed = post(R"({"description":"AI note-taking for doctors","keywords":["notes","clinic"],"count":8,"seed":4})");
  EXPECT_EQ(other_seed.header("X-Cache").value_or(""), "miss");

  // Unseeded: cached under kCachedDefaultSeed, i.e. the same answer as asking for that seed.
  auto unseeded = post(R"({"description":"AI note-taking for doctors","keywords":["notes","clinic"],"count":8})");
  EXPECT_EQ(unseeded.header("X-Cache").value_or(""), "miss");
  auto seeded = post(R"({"description":"AI note-taking for doctors","keywords":["notes","clinic"],"count":8,"seed":1})");
  EXPECT_EQ(seeded.header("X-Cache").value_or(""), "hit-l1");
  EXPECT_EQ(seeded.body, unseeded.body);

  // Errors are answered, not cached.
  auto bad = post(R"({"description":"x","count":0})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_FALSE(bad.header("X-Cache"));

  const std::string text = registry_.expose();
  EXPECT_NE(text.find("snai_cache_hits_total{level=\"l1\"} 2"), std::string::npos) << text;
  EXPECT_NE(text.find("snai_cache_misses_total{level=\"l1\"} 3"), std::string::npos);
  EXPECT_NE(text.find("snai_cache_l1_entries 3"), std::string::npos);
}

TEST_F(CachedGenerate, ABodySeenBeforeIsAnsweredAfterItsAnswerLeftTheCache) {
  const std::string body = R"({"description":"Marketplace for second-hand bicycles","count":5,"seed":9})";
  auto first = post(body);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(post(body).header("X-Cache").value_or(""), "hit-l1");

  ASSERT_TRUE(cache_->invalidate_all());  // the answer is gone; the body's key is still remembered
  auto again = post(body);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.header("X-Cache").value_or(""), "miss");
  EXPECT_EQ(naming::testing::without_took_ms(again.body), naming::testing::without_took_ms(first.body));
  EXPECT_EQ(post(body).header("X-Cache").value_or(""), "hit-l1");
}

TEST_F(CachedGenerate, TheSameBadBytesAreRefusedEveryTime) {
  for (int i = 0; i < 2; ++i) {
    auto bad = post(R"({"description":"x","colour":"red"})");
    EXPECT_EQ(bad.status, 400);
    EXPECT_NE(bad.body.find("\"field\":\"colour\""), std::string::npos) << bad.body;
  }
  // The right bytes with the wrong Content-Type: 415, although the body was seen before.
  const std::string body = R"({"description":"Marketplace for second-hand bicycles","count":5,"seed":9})";
  ASSERT_EQ(post(body).status, 200);
  auto typed = testing::http_request(server_->port(), "POST", "/v1/generate", body,
                                     {.headers = {{"Content-Type", "text/plain"}}});
  ASSERT_TRUE(typed);
  EXPECT_EQ(typed->status, 415);
}

}  // namespace
}  // namespace snai::api
