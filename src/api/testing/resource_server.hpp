// A real HttpServer on a real, freshly migrated Storage, with two tenants (users with API
// keys issued through storage), for tests of the resource routes over HTTP. The backend comes
// from SNAI_TEST_BACKEND: "sqlite" (a file in a fresh temp dir, the default) or "postgres" (a
// fresh database on SNAI_TEST_DATABASE_URL, which scripts/services.sh starts).
//
//   class ProjectsHttp : public snai::api::testing::ResourceServer {};
//   TEST_F(ProjectsHttp, Creates) {
//     auto created = call("POST", "/v1/projects", R"({"description":"x"})", alice_key);
//     EXPECT_EQ(created.status, 201);
//   }
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "api/server/http_server.hpp"
#include "api/testing/http_client.hpp"
#include "core/id.hpp"
#include "storage/factory/factory.hpp"
#include "support/scratch_postgres.hpp"

namespace snai::api::testing {

class ResourceServer : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* backend = std::getenv("SNAI_TEST_BACKEND");
    std::string url;
    if (backend && std::string_view(backend) == "postgres") {
      ASSERT_FALSE(snai::testing::ScratchPostgres::admin_url().empty())
          << "SNAI_TEST_DATABASE_URL is not set: run through `make test` (scripts/services.sh starts PostgreSQL)";
      pg_ = std::make_unique<snai::testing::ScratchPostgres>();
      url = pg_->url();
    } else {
      dir_ = std::filesystem::temp_directory_path() / ("snai_routes_" + random_token(6));
      url = "sqlite:" + (dir_ / "snai.db").string();
    }
    auto opened = storage::open_storage(url, {.pool_size = 4});
    ASSERT_TRUE(opened) << opened.error().message;
    storage_ = std::move(*opened);
    auto migrated = storage_->migrate();
    ASSERT_TRUE(migrated) << migrated.error().message;

    alice_key = make_tenant("alice@example.com", alice_id);
    bob_key = make_tenant("bob@example.com", bob_id);

    ServerConfig config;
    config.host = "127.0.0.1";
    config.port = find_free_port();
    config.threads = 2;
    server_ = std::make_unique<HttpServer>(config, ServerDeps{.storage = *storage_});
    auto started = server_->start();
    ASSERT_TRUE(started) << started.error().describe();
    port_ = server_->port();
  }

  void TearDown() override {
    server_.reset();
    storage_.reset();
    pg_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // One request; a JSON Content-Type when there is a body; the key as a Bearer token when given.
  HttpResponse call(std::string_view method, std::string_view target, std::string_view body = {},
                    std::string_view key = {}, Headers extra = {}) {
    RequestOptions options;
    if (!body.empty()) options.headers.emplace_back("Content-Type", "application/json");
    if (!key.empty()) options.headers.emplace_back("Authorization", "Bearer " + std::string(key));
    for (auto& h : extra) options.headers.push_back(std::move(h));
    auto response = http_request(port_, method, target, body, options);
    EXPECT_TRUE(response) << method << " " << target << ": " << response.error().describe();
    return response ? *response : HttpResponse{};
  }

  // Creates a project for the key's owner over HTTP and returns its id.
  std::string create_project(std::string_view key, std::string_view description = "AI notes for doctors") {
    auto response = call("POST", "/v1/projects", nlohmann::json({{"description", description}}).dump(), key);
    EXPECT_EQ(response.status, 201) << response.body;
    return response.json().value("id", "");
  }

  // Saves names in a project over HTTP; returns their ids in order.
  std::vector<std::string> save_names(std::string_view key, const std::string& project_id, const nlohmann::json& names) {
    auto response = call("POST", "/v1/projects/" + project_id + "/names", nlohmann::json({{"names", names}}).dump(), key);
    EXPECT_EQ(response.status, 201) << response.body;
    std::vector<std::string> ids;
    for (const auto& n : response.json().value("names", nlohmann::json::array())) ids.push_back(n.value("id", ""));
    return ids;
  }

  storage::Storage& db() { return *storage_; }
  int server_port() const { return port_; }

  std::string alice_id, bob_id, alice_key, bob_key;

 private:
  std::string make_tenant(const std::string& email, std::string& id) {
    auto user = storage_->create_user({.email = email});
    EXPECT_TRUE(user) << user.error().message;
    if (!user) return {};
    id = user->id;
    auto key = storage_->issue_api_key(user->id, "test");
    EXPECT_TRUE(key) << key.error().message;
    return key ? key->secret : std::string{};
  }

  std::filesystem::path dir_;
  std::unique_ptr<snai::testing::ScratchPostgres> pg_;
  std::unique_ptr<storage::Storage> storage_;
  std::unique_ptr<HttpServer> server_;
  int port_ = 0;
};

}  // namespace snai::api::testing
