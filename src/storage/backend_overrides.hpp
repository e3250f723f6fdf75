// The methods of Storage (storage.hpp) that each backend's class declares alike: ping, the
// schema, and every repository method. One list, so the backends cannot drift apart; each
// backend defines them in its *_storage.cpp (ping, schema) and per repository (user_,
// project_ and event_repository.cpp). backend() and pool_stats() stay in the classes.
// Only the backends include this header.
//
//   class SqliteStorage final : public Storage {
//    public:
//     SNAI_STORAGE_BACKEND_OVERRIDES
//     ...
#pragma once

#include "storage/storage.hpp"

#define SNAI_STORAGE_BACKEND_OVERRIDES                                                                                   \
  Status ping() override;                                                                                                \
  Result<int> schema_version() override;                                                                                 \
  Result<int> migrate() override;                                                                                        \
  Result<User> create_user(const NewUser& user) override;                                                                \
  Result<User> get_user(std::string_view id) override;                                                                   \
  Result<User> find_user_by_email(std::string_view email) override;                                                      \
  Result<IssuedApiKey> issue_api_key(std::string_view user_id, std::string_view label) override;                         \
  Result<std::vector<ApiKey>> list_api_keys(std::string_view user_id) override;                                          \
  Result<std::vector<ApiKey>> list_all_api_keys() override;                                                              \
  Status revoke_api_key(std::string_view key_id) override;                                                               \
  Result<User> authenticate(std::string_view secret) override;                                                           \
  Result<Project> create_project(const NewProject& project) override;                                                    \
  Result<Project> get_project(std::string_view id) override;                                                             \
  Result<Page<Project>> list_projects(std::string_view owner_id, const PageRequest& page) override;                      \
  Result<Project> update_project(std::string_view id, const ProjectPatch& patch) override;                               \
  Status delete_project(std::string_view id) override;                                                                   \
  Result<std::vector<GeneratedName>> add_names(std::string_view project_id, const std::vector<NewName>& names) override; \
  Result<GeneratedName> get_name(std::string_view id) override;                                                          \
  Result<Page<GeneratedName>> list_names(std::string_view project_id, const PageRequest& page) override;                 \
  Result<Page<ReviewedName>> list_reviewed_names(std::string_view project_id, std::string_view user_id,                  \
                                                 const PageRequest& page) override;                                      \
  Result<Page<GeneratedName>> list_shortlist(std::string_view project_id, std::string_view user_id,                      \
                                             const PageRequest& page) override;                                          \
  Result<NameCounts> count_names(std::string_view project_id, std::string_view user_id) override;                        \
  Result<Feedback> set_feedback(std::string_view user_id, std::string_view name_id, FeedbackKind kind) override;         \
  Status clear_feedback(std::string_view user_id, std::string_view name_id) override;                                    \
  Result<Page<Feedback>> list_feedback(std::string_view user_id, const PageRequest& page) override;                      \
  Result<std::vector<std::int64_t>> append_events(const std::vector<NewEvent>& events) override;                         \
  Result<Page<Event>> list_events(const EventFilter& filter, const PageRequest& page) override;                          \
  Result<std::int64_t> count_events(const EventFilter& filter) override;
