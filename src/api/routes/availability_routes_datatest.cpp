// POST /v1/domains/check and POST /v1/conflicts through a real server on loopback (label data:
// the brand registry and lexicon come from SNAI_TEST_DATA_DIR). Domain answers against a real
// DNS server are tested in check_cli_dnstest and availability_dnstest; here the resolver is a
// closed loopback port, so every answer must be `unknown` — never `available` without evidence.
#include <gtest/gtest.h>

#include "api/server/http_server.hpp"
#include "api/testing/fake_storage.hpp"
#include "api/testing/http_client.hpp"
#include "naming/testing/test_knowledge.hpp"

namespace snai::api {
namespace {

class AvailabilityRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = naming::testing::test_knowledge();
    ASSERT_TRUE(loaded) << loaded.error().describe();
    const naming::Knowledge& knowledge = **loaded;
    ASSERT_TRUE(knowledge.brands);
    auto index = conflicts::ConflictIndex::build(*knowledge.brands, {.pronouncer = &knowledge.pronouncer,
                                                                    .embeddings = &knowledge.embeddings});
    ASSERT_TRUE(index) << index.error().describe();
    conflicts_ = new conflicts::ConflictIndex(std::move(*index));
    int closed_port = testing::find_free_port();  // nothing listens there
    auto checker = availability::DomainChecker::create(
        {.dns = {.servers = {"127.0.0.1:" + std::to_string(closed_port)}, .timeout_ms = 100, .tries = 1},
         .budget = std::chrono::milliseconds(1500)});
    ASSERT_TRUE(checker) << checker.error().describe();
    domains_ = new availability::DomainChecker(std::move(*checker));
  }

  void SetUp() override {
    ServerConfig config{.host = "127.0.0.1", .port = testing::find_free_port(), .threads = 2};
    server_ = std::make_unique<HttpServer>(config, ServerDeps{.storage = storage_, .domains = domains_, .conflicts = conflicts_});
    ASSERT_TRUE(server_->start());
  }

  testing::HttpResponse post(std::string_view target, std::string_view body) {
    testing::RequestOptions options{.headers = {{"Content-Type", "application/json"}}, .timeout = std::chrono::seconds(10)};
    auto response = testing::http_request(server_->port(), "POST", target, body, options);
    EXPECT_TRUE(response) << response.error().describe();
    return response ? *response : testing::HttpResponse{};
  }

  static inline conflicts::ConflictIndex* conflicts_ = nullptr;
  static inline availability::DomainChecker* domains_ = nullptr;
  testing::FakeStorage storage_;
  std::unique_ptr<HttpServer> server_;
};

TEST_F(AvailabilityRoutes, ConflictsAnswerInInputOrderWithRiskAndReason) {
  auto response = post("/v1/conflicts", R"({"names":["Stripy","Zorblatix"],"limit":3})");
  ASSERT_EQ(response.status, 200) << response.body;
  auto results = response.json()["results"];
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0]["name"], "Stripy");
  EXPECT_EQ(results[1]["name"], "Zorblatix");
  bool stripe_high = false;
  for (const auto& m : results[0]["matches"]) {
    for (auto key : {"brand", "risk", "spelling", "sound", "meaning", "reason"}) EXPECT_TRUE(m.contains(key)) << key;
    stripe_high |= m["brand"] == "Stripe" && m["risk"] == "high";
  }
  EXPECT_TRUE(stripe_high) << results[0].dump();
  for (const auto& m : results[1]["matches"]) EXPECT_NE(m["risk"], "high") << m.dump();
}

TEST_F(AvailabilityRoutes, UnreachableDnsGivesUnknownNeverAvailable) {
  auto response = post("/v1/domains/check", R"({"names":["zorblatix","notely"],"tlds":["com","io"]})");
  ASSERT_EQ(response.status, 200) << response.body;
  auto results = response.json()["results"];
  ASSERT_EQ(results.size(), 4u);
  for (const auto& r : results) {
    EXPECT_EQ(r["state"], "unknown") << r.dump();
    EXPECT_FALSE(r["reason"].get<std::string>().empty());
  }
}

TEST_F(AvailabilityRoutes, BadBodiesAre400NamingTheField) {
  struct Case {
    std::string_view target, body, field;
  };
  for (const auto& c : std::vector<Case>{
           {"/v1/domains/check", R"({"names":["a.b"]})", "names"},
           {"/v1/domains/check", R"({"names":["ok"],"tlds":["zzzz"]})", "tlds"},
           {"/v1/domains/check", R"({"names":[]})", "names"},
           {"/v1/domains/check", R"({"names":["ok"],"colour":1})", "colour"},
           {"/v1/conflicts", R"({"names":["!!!"]})", "names"},
           {"/v1/conflicts", R"({"names":["ok"],"limit":0})", "limit"},
           {"/v1/conflicts", R"({"names":"Stripe"})", "names"},
       }) {
    auto response = post(c.target, c.body);
    EXPECT_EQ(response.status, 400) << c.body << " → " << response.body;
    EXPECT_EQ(response.json()["error"]["field"], c.field) << c.body << " → " << response.body;
  }
  std::string many = R"({"names":[)";
  for (int i = 0; i < 1001; ++i) many += std::string(i ? "," : "") + "\"n" + std::to_string(i) + "\"";
  many += "]}";
  EXPECT_EQ(post("/v1/conflicts", many).status, 400);
}

}  // namespace
}  // namespace snai::api
