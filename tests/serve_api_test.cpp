// The HTTP API as a user meets it: a real `snai serve` process on the real naming data
// (SNAI_TEST_DATA_DIR; label data), keys made with `snai keys create`, every kind of route over
// HTTP — anonymous calls, the auth matrix, two tenants that never see each other, metrics and
// the OpenAPI document — and a clean exit on SIGTERM.
#include <csignal>
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <thread>

#include "api/testing/http_client.hpp"
#include "support/process.hpp"

namespace snai::testing {
namespace {

namespace fs = std::filesystem;
using api::testing::HttpResponse;
using Json = nlohmann::json;

class ServeApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* data = std::getenv("SNAI_TEST_DATA_DIR");
    ASSERT_TRUE(data) << "SNAI_TEST_DATA_DIR is not set: run through `make test`";
    dir_ = fs::temp_directory_path() / ("snai_serve_api_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    env_ = {{"SNAI_DATA_DIR", data}, {"SNAI_DATABASE_URL", "sqlite:" + (dir_ / "snai.db").string()}};
    alice_ = create_key("alice");
    bob_ = create_key("bob");
    ASSERT_FALSE(alice_.empty() || bob_.empty());
    port_ = free_port();
    server_ = std::make_unique<BackgroundProcess>(
        Invocation{.args = {SNAI_BINARY, "serve", "--port", std::to_string(port_)}, .env = env_, .cwd = dir_.string()});
    for (int i = 0; i < 600 && http_status(port_, "/readyz") != "200"; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    ASSERT_EQ(http_status(port_, "/readyz"), "200") << server_->log();
  }

  void TearDown() override {
    if (server_) EXPECT_EQ(server_->stop(SIGTERM, 15000), 0) << server_->log();
    fs::remove_all(dir_);
  }

  std::string create_key(const std::string& name) {
    auto out = run({.args = {SNAI_BINARY, "keys", "create", "--name", name, "--json"}, .env = env_, .cwd = dir_.string()});
    EXPECT_EQ(out.exit_code, 0) << out.err;
    auto json = Json::parse(out.out, nullptr, false);
    return json.is_object() ? json.value("key", "") : "";
  }

  HttpResponse call(std::string_view method, std::string_view target, const std::string& key = "",
                    std::string_view body = {}) {
    api::testing::RequestOptions options{.timeout = std::chrono::seconds(20)};
    if (!body.empty()) options.headers.emplace_back("Content-Type", "application/json");
    if (!key.empty()) options.headers.emplace_back("Authorization", "Bearer " + key);
    auto response = api::testing::http_request(port_, method, target, body, options);
    EXPECT_TRUE(response) << method << " " << target << ": " << response.error().describe();
    return response ? *response : HttpResponse{};
  }

  fs::path dir_;
  std::map<std::string, std::string> env_;
  std::string alice_, bob_;
  int port_ = 0;
  std::unique_ptr<BackgroundProcess> server_;
};

TEST_F(ServeApiTest, AFounderGeneratesKeepsRatesAndExportsNames) {
  // Anonymous callers may generate and score.
  auto generated = call("POST", "/v1/generate", "", R"({"description":"AI note-taking for doctors","count":5,"seed":2})");
  ASSERT_EQ(generated.status, 200) << generated.body;
  auto names = generated.json()["names"];
  ASSERT_EQ(names.size(), 5u);
  auto scored = call("POST", "/v1/score", "", Json{{"names", {names[0]["name"], "xkqzvbnw"}}}.dump());
  ASSERT_EQ(scored.status, 200) << scored.body;
  EXPECT_GT(scored.json()["names"][0]["score"].get<double>(), scored.json()["names"][1]["score"].get<double>());

  // A keyed founder keeps them in a project, favorites one and exports the shortlist.
  auto project = call("POST", "/v1/projects", alice_, R"({"description":"AI note-taking for doctors"})");
  ASSERT_EQ(project.status, 201) << project.body;
  const std::string id = project.json()["id"];
  Json keep = Json::array();
  for (const auto& n : names) keep.push_back({{"name", n["name"]}, {"style", n["style"]}, {"score", n["score"]}, {"parts", n["parts"]}});
  auto saved = call("POST", "/v1/projects/" + id + "/names", alice_, Json{{"names", keep}}.dump());
  ASSERT_EQ(saved.status, 201) << saved.body;
  const std::string name_id = saved.json()["names"][0]["id"];
  auto favorite = call("POST", "/v1/feedback", alice_, Json{{"name_id", name_id}, {"kind", "favorite"}}.dump());
  ASSERT_EQ(favorite.status, 200) << favorite.body;
  auto got = call("GET", "/v1/projects/" + id, alice_);
  ASSERT_EQ(got.status, 200);
  ASSERT_EQ(got.json()["shortlist"].size(), 1u);
  EXPECT_EQ(got.json()["shortlist"][0]["id"], name_id);
  auto csv = call("GET", "/v1/projects/" + id + "/export?format=csv", alice_);
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find(names[0]["name"].get<std::string>()), std::string::npos);
  EXPECT_NE(csv.body.find("favorite"), std::string::npos);

  // Another tenant sees nothing of it, exactly as if it did not exist.
  const std::string missing = "01900000-0000-7000-8000-000000000000";
  for (const std::string& target : {"/v1/projects/" + id, "/v1/projects/" + id + "/names", "/v1/projects/" + id + "/export"}) {
    auto other = call("GET", target, bob_);
    auto absent = call("GET", std::string(target).replace(target.find(id), id.size(), missing), bob_);
    EXPECT_EQ(other.status, 404) << target;
    EXPECT_EQ(other.json()["error"]["code"], absent.json()["error"]["code"]) << target;
    EXPECT_EQ(other.json()["error"]["field"], absent.json()["error"]["field"]) << target;
  }
  EXPECT_EQ(call("DELETE", "/v1/projects/" + id, bob_).status, 404);
  EXPECT_EQ(call("POST", "/v1/feedback", bob_, Json{{"name_id", name_id}, {"kind", "dismiss"}}.dump()).status, 404);
  EXPECT_EQ(call("GET", "/v1/projects/" + id, alice_).status, 200) << "the owner's project is untouched";

  // Without a key (or with a bad one) the keyed routes answer 401.
  for (auto [method, target] : std::vector<std::pair<std::string, std::string>>{
           {"GET", "/v1/projects"}, {"POST", "/v1/projects"}, {"GET", "/v1/projects/" + id},
           {"POST", "/v1/feedback"}, {"POST", "/v1/events"}}) {
    EXPECT_EQ(call(method, target, "", method == "POST" ? "{}" : "").status, 401) << method << " " << target;
    EXPECT_EQ(call(method, target, "snai_not_a_key", method == "POST" ? "{}" : "").status, 401) << method << " " << target;
  }
}

// Mean position (0 = first) of the names no longer than the list's median length.
double mean_position_of_short(const Json& names) {
  std::vector<std::size_t> lengths;
  for (const auto& n : names) lengths.push_back(n["name"].get<std::string>().size());
  auto sorted = lengths;
  std::ranges::sort(sorted);
  const std::size_t median = sorted[sorted.size() / 2];
  double total = 0;
  int count = 0;
  for (std::size_t i = 0; i < lengths.size(); ++i)
    if (lengths[i] <= median) {
      total += double(i);
      ++count;
    }
  return count ? total / count : 0;
}

TEST_F(ServeApiTest, FeedbackTeachesTheRankingForThatFounder) {
  const std::string body = R"({"description":"budgeting app for families","count":30,"seed":5})";
  auto shown = call("POST", "/v1/generate", alice_, body);
  ASSERT_EQ(shown.status, 200);
  EXPECT_FALSE(shown.header("X-Preference-Model")) << "no verdicts yet: nothing learned";
  auto names = shown.json()["names"];
  ASSERT_EQ(names.size(), 30u);

  auto project = call("POST", "/v1/projects", alice_, R"({"description":"budgeting app for families"})");
  const std::string id = project.json()["id"];
  Json keep = Json::array();
  for (const auto& n : names) keep.push_back({{"name", n["name"]}, {"style", n["style"]}, {"score", n["score"]}, {"parts", n["parts"]}});
  auto saved = call("POST", "/v1/projects/" + id + "/names", alice_, Json{{"names", keep}}.dump());
  ASSERT_EQ(saved.status, 201) << saved.body;
  // This founder likes short names: favorites for the 10 shortest, dismissals for the 10 longest.
  auto stored = saved.json()["names"];
  std::vector<std::pair<std::size_t, std::string>> by_length;
  for (const auto& n : stored) by_length.emplace_back(n["name"].get<std::string>().size(), n["id"].get<std::string>());
  std::ranges::sort(by_length);
  for (std::size_t i = 0; i < 10; ++i) {
    ASSERT_EQ(call("POST", "/v1/feedback", alice_, Json{{"name_id", by_length[i].second}, {"kind", "favorite"}}.dump()).status, 200);
    ASSERT_EQ(call("POST", "/v1/feedback", alice_,
                   Json{{"name_id", by_length[by_length.size() - 1 - i].second}, {"kind", "dismiss"}}.dump()).status, 200);
  }
  // Learning happens in the background; the answer changes once the model is trained.
  HttpResponse personal;
  for (int i = 0; i < 100; ++i) {
    personal = call("POST", "/v1/generate", alice_, body);
    if (personal.header("X-Preference-Model") == "user") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(personal.header("X-Preference-Model"), "user");
  auto mine = personal.json()["names"];
  auto anonymous = call("POST", "/v1/generate", "", body);
  EXPECT_FALSE(anonymous.header("X-Preference-Model"));
  EXPECT_EQ(anonymous.json()["names"], names) << "everyone else keeps the shared order";
  EXPECT_NE(mine, names);
  // The founder's taste moves short names up the whole list: their mean position falls.
  EXPECT_LT(mean_position_of_short(mine), mean_position_of_short(names));
}

TEST_F(ServeApiTest, MetricsAndTheOpenApiDocumentDescribeTheServer) {
  ASSERT_EQ(call("POST", "/v1/score", "", R"({"names":["Notion"]})").status, 200);
  auto metrics = call("GET", "/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find(R"(snai_http_requests_total{route="/v1/score",method="POST",status="200"} 1)"),
            std::string::npos)
      << metrics.body.substr(0, 2000);
  EXPECT_NE(metrics.body.find("snai_score_seconds_count 1"), std::string::npos);
  EXPECT_NE(metrics.body.find("snai_db_pool_size 8"), std::string::npos);
  EXPECT_NE(metrics.body.find("snai_db_pool_open_connections "), std::string::npos);
  // The scrape itself is on an open connection.
  EXPECT_NE(metrics.body.find("snai_http_open_connections "), std::string::npos);
  EXPECT_EQ(metrics.body.find("snai_http_open_connections 0\n"), std::string::npos);
  auto openapi = call("GET", "/openapi.json");
  ASSERT_EQ(openapi.status, 200);
  EXPECT_EQ(openapi.json()["openapi"].get<std::string>().substr(0, 3), "3.1");
  EXPECT_TRUE(openapi.json()["paths"].contains("/v1/score"));
  EXPECT_EQ(metrics.header("X-Content-Type-Options"), "nosniff");
}

}  // namespace
}  // namespace snai::testing
