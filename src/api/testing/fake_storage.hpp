// A Storage for HTTP tests that need no database: ping() can be switched to succeed, fail
// (unavailable) or throw; every other method fails with internal "unused". Tests of later
// routes can derive from it and override what they use.
//
//   snai::api::testing::FakeStorage storage;
//   storage.ping_mode = snai::api::testing::FakeStorage::Ping::fail;   // /readyz -> 503
#pragma once

#include <atomic>
#include <stdexcept>

#include "storage/storage.hpp"

namespace snai::api::testing {

class FakeStorage : public storage::Storage {
 public:
  enum class Ping { ok, fail, throw_ };
  std::atomic<Ping> ping_mode{Ping::ok};

  std::string_view backend() const override { return "fake"; }
  Status ping() override {
    switch (ping_mode.load()) {
      case Ping::ok: return ok();
      case Ping::fail: return fail(ErrorCode::unavailable, "database at /secret/path is gone");
      case Ping::throw_: throw std::runtime_error("driver exploded");
    }
    return ok();
  }
  storage::PoolStats pool_stats() override { return {.size = 1, .open = 1}; }
  Result<int> schema_version() override { return unused(); }
  Result<int> migrate() override { return unused(); }

  Result<storage::User> create_user(const storage::NewUser&) override { return unused(); }
  Result<storage::User> get_user(std::string_view) override { return unused(); }
  Result<storage::User> find_user_by_email(std::string_view) override { return unused(); }
  Result<storage::IssuedApiKey> issue_api_key(std::string_view, std::string_view) override { return unused(); }
  Result<std::vector<storage::ApiKey>> list_api_keys(std::string_view) override { return unused(); }
  Result<std::vector<storage::ApiKey>> list_all_api_keys() override { return unused(); }
  Status revoke_api_key(std::string_view) override { return unused(); }
  Result<storage::User> authenticate(std::string_view) override { return unused(); }
  Result<storage::Project> create_project(const storage::NewProject&) override { return unused(); }
  Result<storage::Project> get_project(std::string_view) override { return unused(); }
  Result<storage::Page<storage::Project>> list_projects(std::string_view, const storage::PageRequest&) override {
    return unused();
  }
  Result<storage::Project> update_project(std::string_view, const storage::ProjectPatch&) override { return unused(); }
  Status delete_project(std::string_view) override { return unused(); }
  Result<std::vector<storage::GeneratedName>> add_names(std::string_view,
                                                        const std::vector<storage::NewName>&) override {
    return unused();
  }
  Result<storage::GeneratedName> get_name(std::string_view) override { return unused(); }
  Result<storage::Page<storage::GeneratedName>> list_names(std::string_view, const storage::PageRequest&) override {
    return unused();
  }
  Result<storage::Page<storage::ReviewedName>> list_reviewed_names(std::string_view, std::string_view,
                                                                   const storage::PageRequest&) override {
    return unused();
  }
  Result<storage::Page<storage::GeneratedName>> list_shortlist(std::string_view, std::string_view,
                                                               const storage::PageRequest&) override {
    return unused();
  }
  Result<storage::NameCounts> count_names(std::string_view, std::string_view) override { return unused(); }
  Result<storage::Feedback> set_feedback(std::string_view, std::string_view, storage::FeedbackKind) override {
    return unused();
  }
  Status clear_feedback(std::string_view, std::string_view) override { return unused(); }
  Result<storage::Page<storage::Feedback>> list_feedback(std::string_view, const storage::PageRequest&) override {
    return unused();
  }
  Result<std::vector<std::int64_t>> append_events(const std::vector<storage::NewEvent>&) override { return unused(); }
  Result<storage::Page<storage::Event>> list_events(const storage::EventFilter&, const storage::PageRequest&) override {
    return unused();
  }
  Result<std::int64_t> count_events(const storage::EventFilter&) override { return unused(); }

 protected:
  static std::unexpected<Error> unused() { return fail(ErrorCode::internal, "unused"); }
};

}  // namespace snai::api::testing
