// POST /v1/score through a real server on loopback with the real naming data (label data):
// scores with reasons in input order, and strict validation — every bad body a 4xx naming the
// field, never a 5xx.
#include <gtest/gtest.h>

#include "api/server/http_server.hpp"
#include "api/testing/fake_storage.hpp"
#include "api/testing/http_client.hpp"
#include "naming/name_scoring.hpp"
#include "naming/testing/test_knowledge.hpp"

namespace snai::api {
namespace {

class ScoreRoute : public ::testing::Test {
 protected:
  void SetUp() override {
    auto loaded = naming::testing::test_knowledge();
    ASSERT_TRUE(loaded) << loaded.error().describe();
    ServerConfig config{.host = "127.0.0.1", .port = testing::find_free_port(), .threads = 2};
    config.max_body_bytes = 4 << 20;
    server_ = std::make_unique<HttpServer>(config, ServerDeps{.storage = storage_, .knowledge = *loaded});
    ASSERT_TRUE(server_->start());
  }

  testing::HttpResponse post(std::string_view body) {
    testing::RequestOptions options{.headers = {{"Content-Type", "application/json"}},
                                    .timeout = std::chrono::seconds(30)};
    auto response = testing::http_request(server_->port(), "POST", "/v1/score", body, options);
    EXPECT_TRUE(response) << response.error().describe();
    return response ? *response : testing::HttpResponse{};
  }

  testing::FakeStorage storage_;
  std::unique_ptr<HttpServer> server_;
};

TEST_F(ScoreRoute, ScoresInInputOrderWithReasons) {
  auto response = post(R"({"names":["xkqzvbnw","Notion","K-Scale Labs"],"description":"robot hardware"})");
  ASSERT_EQ(response.status, 200) << response.body;
  auto names = response.json()["names"];
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[0]["name"], "xkqzvbnw");
  EXPECT_EQ(names[1]["name"], "Notion");
  EXPECT_EQ(names[2]["name"], "K-Scale Labs");
  EXPECT_LT(names[0]["score"].get<double>(), 10);  // mash, at the bottom of real startup names
  EXPECT_GE(names[1]["score"].get<double>(), 20);  // a real name
  for (const auto& n : names) {
    EXPECT_EQ(n["explanation"]["model"], "taste");
    EXPECT_TRUE(n["distinctiveness"].is_string());
    EXPECT_EQ(n["explanation"]["scale"], "percentile among real startup names");
    ASSERT_FALSE(n["explanation"]["reasons"].empty());
    EXPECT_TRUE(n["explanation"]["reasons"][0]["text"].is_string());
  }
}

TEST_F(ScoreRoute, TenThousandNamesInOneCall) {
  nlohmann::json names = nlohmann::json::array();
  for (std::size_t i = 0; i < naming::kMaxScoredNames; ++i) names.push_back("Name" + std::to_string(i));
  auto response = post(nlohmann::json{{"names", names}}.dump());
  ASSERT_EQ(response.status, 200) << response.body.substr(0, 200);
  auto body = response.json();
  ASSERT_EQ(body["names"].size(), naming::kMaxScoredNames);
  EXPECT_EQ(body["names"][9999]["name"], "Name9999");

  names.push_back("OneTooMany");
  auto refused = post(nlohmann::json{{"names", names}}.dump());
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.json()["error"]["field"], "names");
}

TEST_F(ScoreRoute, BadBodiesNameTheField) {
  struct Case {
    std::string body;
    std::string field;
  };
  const std::vector<Case> cases = {
      {R"({})", "names"},
      {R"({"names":"Stripe"})", "names"},
      {R"({"names":[1,2]})", "names"},
      {R"({"names":[]})", "names"},
      {R"({"names":["ok",""]})", "names[1]"},
      {R"({"names":["ok"],"colour":"red"})", "colour"},
      {R"({"names":["ok"],"description":5})", "description"},
      {"{\"names\":[\"ok\", \"\xff\"]}", ""},
      {R"({"names":["ok")", ""},
  };
  for (const auto& c : cases) {
    auto response = post(c.body);
    EXPECT_EQ(response.status, 400) << c.body << " -> " << response.body;
    if (!c.field.empty()) {
      EXPECT_EQ(response.json()["error"]["field"], c.field) << c.body;
    }
  }
}

}  // namespace
}  // namespace snai::api
