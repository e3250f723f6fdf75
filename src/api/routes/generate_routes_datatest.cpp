// POST /v1/generate through a real server on loopback with the real naming data (label data;
// SNAI_TEST_DATA_DIR is built by scripts/test.sh): the fixed JSON shape (naming/naming_json.hpp), and strict
// validation — every bad body a 4xx naming the field, never a 5xx.
#include <gtest/gtest.h>

#include "api/server/http_server.hpp"
#include "api/testing/fake_storage.hpp"
#include "api/testing/http_client.hpp"
#include "naming/namer.hpp"
#include "naming/testing/test_knowledge.hpp"

namespace snai::api {
namespace {

class GenerateRoute : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = naming::testing::test_knowledge();
    ASSERT_TRUE(loaded) << loaded.error().describe();
    namer_ = new naming::Namer(**loaded);
  }

  void SetUp() override {
    ServerConfig config{.host = "127.0.0.1", .port = testing::find_free_port(), .threads = 2};
    server_ = std::make_unique<HttpServer>(config, ServerDeps{.storage = storage_, .namer = namer_});
    ASSERT_TRUE(server_->start());
  }

  testing::HttpResponse post(std::string_view body, std::string content_type = "application/json") {
    testing::RequestOptions options{.headers = {{"Content-Type", std::move(content_type)}},
                                    .timeout = std::chrono::seconds(10)};
    auto response = testing::http_request(server_->port(), "POST", "/v1/generate", body, options);
    EXPECT_TRUE(response) << response.error().describe();
    return response ? *response : testing::HttpResponse{};
  }

  static inline naming::Namer* namer_ = nullptr;
  testing::FakeStorage storage_;
  std::unique_ptr<HttpServer> server_;
};

TEST_F(GenerateRoute, AnswersTheDesignShape) {
  auto response = post(R"({"description":"AI note-taking for doctors","count":12,"seed":4,"max_length":12})");
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = response.json();
  ASSERT_TRUE(body["names"].is_array());
  EXPECT_EQ(body["names"].size(), 12u);
  EXPECT_TRUE(body["took_ms"].is_number());
  for (const auto& n : body["names"]) {
    EXPECT_TRUE(n["name"].is_string());
    EXPECT_LE(generate::name_length(n["name"].get<std::string>()), 12);
    EXPECT_TRUE(generate::parse_style(n["style"].get<std::string>()).has_value());
    EXPECT_GE(n["score"].get<double>(), 0);
    EXPECT_LE(n["score"].get<double>(), 100);
    EXPECT_TRUE(n["explanation"].is_object());
    EXPECT_FALSE(n["explanation"]["reasons"].empty());
    EXPECT_TRUE(n["parts"].is_array());
  }
  // Same body, same names.
  EXPECT_EQ(post(R"({"description":"AI note-taking for doctors","count":12,"seed":4,"max_length":12})").json()["names"],
            body["names"]);
}

TEST_F(GenerateRoute, BadBodiesAre4xxNamingTheField) {
  struct Case {
    std::string body;
    int status;
    std::string field;
  };
  std::vector<Case> cases = {
      {R"({"description":"dogs","count":0})", 400, "count"},
      {R"({"description":"dogs","count":100000})", 400, "count"},
      {R"({"description":"dogs","count":"5"})", 400, "count"},
      {R"({"description":"dogs","count":5.5})", 400, "count"},
      {R"({"description":"dogs","min_length":9,"max_length":3})", 400, "min_length"},
      {R"({"description":"dogs","styles":["poetry"]})", 400, "styles"},
      {R"({"description":"dogs","colour":"blue"})", 400, "colour"},
      {R"({"count":5})", 400, "description"},
      {R"({"description":""})", 400, "description"},
      {R"({"description":"dogs\u0007"})", 400, "description"},
      {R"({"description":"dogs","seed":-1})", 400, "seed"},
      {R"({"description":"dogs","seed":18446744073709551615})", 400, "seed"},
      {R"({"description":"dogs","starts_with":"a.b"})", 400, "starts_with"},
      {R"({"description":"dogs",)", 400, "body"},
      {"[1,2]", 400, "body"},
      {"\"just a string\"", 400, "body"},
      {std::string("{\"description\":\"bad \xff utf8\"}"), 400, "body"},
      {std::string(40, '[') + std::string(40, ']'), 400, "body"},
  };
  for (const auto& c : cases) {
    auto response = post(c.body);
    EXPECT_EQ(response.status, c.status) << c.body << " → " << response.body;
    EXPECT_EQ(response.json()["error"]["field"], c.field) << c.body << " → " << response.body;
  }
  auto wrong_type = post(R"({"description":"dogs"})", "text/plain");
  EXPECT_EQ(wrong_type.status, 415);
}

TEST_F(GenerateRoute, ImpossibleFiltersGiveAnEmptyListWithAReason) {
  auto response = post(R"({"description":"dog walking app","starts_with":"zqx","max_length":3})");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_TRUE(response.json()["names"].empty());
  EXPECT_FALSE(response.json()["notes"].empty());
}

}  // namespace
}  // namespace snai::api
