// GET /v1/projects/:id/names/similar over real HTTP: a real server on a real SQLite storage with
// the real embeddings (SNAI_TEST_DATA_DIR) — ranking, names saved after the first query, the
// query itself left out, 400s naming their field, tenancy, deletion, and 503 without an index.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "api/server/http_server.hpp"
#include "api/testing/http_client.hpp"
#include "core/id.hpp"
#include "name_index/stored_name_index.hpp"
#include "storage/factory/factory.hpp"

namespace snai::api {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class SimilarNamesHttp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* dir = std::getenv("SNAI_TEST_DATA_DIR");
    if (!dir) return;
    auto loaded = semantic::Embeddings::load(fs::path(dir) / "data" / "embeddings.bin");
    if (loaded) embeddings_ = new semantic::Embeddings(std::move(*loaded));
  }

  void SetUp() override {
    ASSERT_NE(embeddings_, nullptr) << "SNAI_TEST_DATA_DIR is not set or has no data/embeddings.bin";
    dir_ = fs::temp_directory_path() / ("snai_similar_http_" + random_token(6));
    auto opened = storage::open_storage("sqlite:" + (dir_ / "snai.db").string(), {.pool_size = 4});
    ASSERT_TRUE(opened) << opened.error().describe();
    storage_ = std::move(*opened);
    ASSERT_TRUE(storage_->migrate());
    alice_ = key_for("alice@example.com");
    bob_ = key_for("bob@example.com");
    index_ = std::make_unique<name_index::StoredNameIndex>(*storage_, *embeddings_,
                                                           name_index::StoredNameIndexOptions{.dir = dir_ / "indexes"});
    server_ = start(index_.get());
  }

  void TearDown() override {
    server_.reset();
    index_.reset();
    storage_.reset();
    fs::remove_all(dir_);
  }

  std::unique_ptr<HttpServer> start(name_index::StoredNameIndex* index) {
    ServerConfig config;
    config.port = testing::find_free_port();
    config.threads = 2;
    config.workers = 2;
    auto server = std::make_unique<HttpServer>(config, ServerDeps{.storage = *storage_, .name_index = index});
    auto started = server->start();
    EXPECT_TRUE(started) << started.error().describe();
    return server;
  }

  std::string key_for(const std::string& email) {
    auto user = storage_->create_user({.email = email});
    EXPECT_TRUE(user);
    auto key = storage_->issue_api_key(user->id, "test");
    EXPECT_TRUE(key);
    return key ? key->secret : "";
  }

  testing::HttpResponse call(std::string_view method, std::string_view target, std::string_view body = {},
                             std::string_view key = {}, const HttpServer* server = nullptr) {
    testing::RequestOptions options;
    if (!body.empty()) options.headers.emplace_back("Content-Type", "application/json");
    if (!key.empty()) options.headers.emplace_back("Authorization", "Bearer " + std::string(key));
    auto response = testing::http_request((server ? server : server_.get())->port(), method, target, body, options);
    EXPECT_TRUE(response) << method << " " << target << ": " << response.error().describe();
    return response ? *response : testing::HttpResponse{};
  }

  std::string project_with(const std::string& key, const std::vector<std::string>& names) {
    auto created = call("POST", "/v1/projects", R"({"description":"AI notes for doctors"})", key);
    EXPECT_EQ(created.status, 201) << created.body;
    const std::string id = created.json().value("id", "");
    if (!names.empty()) save(key, id, names);
    return id;
  }

  void save(const std::string& key, const std::string& id, const std::vector<std::string>& names) {
    json items = json::array();
    for (const auto& n : names) items.push_back({{"name", n}, {"style", "invented"}, {"score", 60}});
    auto saved = call("POST", "/v1/projects/" + id + "/names", json({{"names", items}}).dump(), key);
    EXPECT_EQ(saved.status, 201) << saved.body;
  }

  static std::vector<std::string> names_in(const json& body) {
    std::vector<std::string> out;
    for (const auto& s : body["similar"]) out.push_back(s["name"]);
    return out;
  }

  static inline semantic::Embeddings* embeddings_ = nullptr;
  fs::path dir_;
  std::unique_ptr<storage::Storage> storage_;
  std::unique_ptr<name_index::StoredNameIndex> index_;
  std::unique_ptr<HttpServer> server_;
  std::string alice_, bob_;
};

std::ptrdiff_t position(const std::vector<std::string>& names, std::string_view name) {
  auto it = std::ranges::find(names, name);
  return it == names.end() ? -1 : it - names.begin();
}

TEST_F(SimilarNamesHttp, RanksTheSavedNamesAndKeepsUpWithNewOnes) {
  const std::string id = project_with(alice_, {"Notely", "Noteify", "Scribeo", "Tractorly"});
  auto response = call("GET", "/v1/projects/" + id + "/names/similar?name=Notelo", {}, alice_);
  ASSERT_EQ(response.status, 200) << response.body;
  const json body = response.json();
  EXPECT_EQ(body["query"], "Notelo");
  EXPECT_EQ(body["saved"], false);
  const auto names = names_in(body);
  ASSERT_EQ(names.size(), 4u);  // k defaults to 10
  EXPECT_LT(position(names, "Notely"), position(names, "Tractorly"));
  EXPECT_LT(position(names, "Noteify"), position(names, "Tractorly"));
  for (std::size_t i = 0; i < body["similar"].size(); ++i) {
    const json& s = body["similar"][i];
    for (const char* field : {"id", "name", "style", "score", "parts", "created_ms", "similarity"})
      EXPECT_TRUE(s.contains(field)) << field;
    EXPECT_EQ(s["style"], "invented");
    if (i > 0) {
      EXPECT_GE(body["similar"][i - 1]["similarity"].get<double>(), s["similarity"].get<double>());
    }
  }

  // Saved after the first query: found by the next, the query itself left out.
  save(alice_, id, {"Notelo", "Notelino"});
  auto again = call("GET", "/v1/projects/" + id + "/names/similar?name=notelo&k=2", {}, alice_);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["saved"], true);
  const auto top = names_in(again.json());
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(position(top, "Notelo"), -1);
  EXPECT_NE(position(top, "Notelino"), -1) << again.body;
}

TEST_F(SimilarNamesHttp, BadQueriesNameTheirField) {
  const std::string id = project_with(alice_, {"Notely"});
  const std::string base = "/v1/projects/" + id + "/names/similar";
  auto field_of = [&](const std::string& query) {
    auto r = call("GET", base + query, {}, alice_);
    EXPECT_EQ(r.status, 400) << query << " " << r.body;
    return r.json()["error"].value("field", "");
  };
  EXPECT_EQ(field_of(""), "name");
  EXPECT_EQ(field_of("?name="), "name");
  EXPECT_EQ(field_of("?name=Notes&k=0"), "k");
  EXPECT_EQ(field_of("?name=Notes&k=101"), "k");
  EXPECT_EQ(field_of("?name=Notes&k=ten"), "k");
  EXPECT_EQ(field_of("?name=Notes&limit=3"), "limit");
  EXPECT_EQ(field_of("?name=" + std::string(101, 'a')), "name");
  EXPECT_EQ(field_of("?name=%FF"), "name");
  EXPECT_EQ(field_of("?name=---"), "name");
  EXPECT_EQ(call("GET", base + "?name=Notes&k=100", {}, alice_).status, 200);
}

TEST_F(SimilarNamesHttp, OnlyTheOwnerAndOnlyWhileTheProjectLives) {
  const std::string id = project_with(alice_, {"Notely", "Scribeo"});
  const std::string target = "/v1/projects/" + id + "/names/similar?name=Notes";
  EXPECT_EQ(call("GET", target, {}, {}).status, 401);
  EXPECT_EQ(call("GET", target, {}, bob_).status, 404);
  EXPECT_EQ(call("GET", "/v1/projects/" + new_id() + "/names/similar?name=Notes", {}, alice_).status, 404);
  ASSERT_EQ(call("GET", target, {}, alice_).status, 200);
  ASSERT_TRUE(fs::exists(dir_ / "indexes" / (id + ".hnsw")));

  EXPECT_EQ(call("DELETE", "/v1/projects/" + id, {}, alice_).status, 204);
  EXPECT_FALSE(fs::exists(dir_ / "indexes" / (id + ".hnsw")));
  EXPECT_EQ(index_->stats().projects_in_memory, 0u);
  EXPECT_EQ(call("GET", target, {}, alice_).status, 404);
}

TEST_F(SimilarNamesHttp, WithoutAnIndexTheRouteIsUnavailable) {
  const std::string id = project_with(alice_, {"Notely"});
  auto bare = start(nullptr);
  auto response = call("GET", "/v1/projects/" + id + "/names/similar?name=Notes", {}, alice_, bare.get());
  EXPECT_EQ(response.status, 503) << response.body;
  EXPECT_EQ(response.json()["error"]["code"], "unavailable");
}

}  // namespace
}  // namespace snai::api
