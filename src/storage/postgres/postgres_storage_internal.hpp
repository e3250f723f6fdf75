// The PostgreSQL Storage class, split by repository over user_repository.cpp,
// project_repository.cpp and event_repository.cpp; postgres_storage.cpp opens it and owns
// the schema. Only the PostgreSQL backend includes this header.
#pragma once

#include <fmt/format.h>
#include <string>
#include <type_traits>

#include "storage/postgres/pool.hpp"
#include "storage/postgres/postgres_storage.hpp"
#include "storage/stored_json.hpp"

namespace snai::storage::pg {

// When an operation may run again on a fresh connection after its connection broke.
enum class Retry {
  never,        // a single autocommit write: it may have committed before the connection broke
  idempotent,   // a read, or a write that has the same effect when repeated
  transaction,  // BEGIN ... COMMIT: safe when the connection broke before anything succeeded
};

class PostgresStorage final : public Storage {
 public:
  explicit PostgresStorage(ConnectTarget target, int pool_size) : pool_(std::move(target), pool_size) {}

  std::string_view backend() const override { return "postgres"; }
  Status ping() override;
  PoolStats pool_stats() override { return pool_.stats(); }
  Result<int> schema_version() override;
  Result<int> migrate() override;

  Result<User> create_user(const NewUser& user) override;
  Result<User> get_user(std::string_view id) override;
  Result<User> find_user_by_email(std::string_view email) override;
  Result<IssuedApiKey> issue_api_key(std::string_view user_id, std::string_view label) override;
  Result<std::vector<ApiKey>> list_api_keys(std::string_view user_id) override;
  Result<std::vector<ApiKey>> list_all_api_keys() override;
  Status revoke_api_key(std::string_view key_id) override;
  Result<User> authenticate(std::string_view secret) override;

  Result<Project> create_project(const NewProject& project) override;
  Result<Project> get_project(std::string_view id) override;
  Result<Page<Project>> list_projects(std::string_view owner_id, const PageRequest& page) override;
  Result<Project> update_project(std::string_view id, const ProjectPatch& patch) override;
  Status delete_project(std::string_view id) override;

  Result<std::vector<GeneratedName>> add_names(std::string_view project_id, const std::vector<NewName>& names) override;
  Result<GeneratedName> get_name(std::string_view id) override;
  Result<Page<GeneratedName>> list_names(std::string_view project_id, const PageRequest& page) override;
  Result<Page<ReviewedName>> list_reviewed_names(std::string_view project_id, std::string_view user_id,
                                                 const PageRequest& page) override;
  Result<Page<GeneratedName>> list_shortlist(std::string_view project_id, std::string_view user_id,
                                             const PageRequest& page) override;
  Result<NameCounts> count_names(std::string_view project_id, std::string_view user_id) override;

  Result<Feedback> set_feedback(std::string_view user_id, std::string_view name_id, FeedbackKind kind) override;
  Status clear_feedback(std::string_view user_id, std::string_view name_id) override;
  Result<Page<Feedback>> list_feedback(std::string_view user_id, const PageRequest& page) override;

  Result<std::vector<std::int64_t>> append_events(const std::vector<NewEvent>& events) override;
  Result<Page<Event>> list_events(const EventFilter& filter, const PageRequest& page) override;
  Result<std::int64_t> count_events(const EventFilter& filter) override;

 private:
  // Runs body(Connection&) on a leased connection, once more on a fresh one when `retry` allows.
  template <class F>
  auto with_connection(Retry retry, F&& body) -> decltype(body(std::declval<Connection&>())) {
    for (int attempt = 0;; ++attempt) {
      auto conn = pool_.lease();
      if (!conn) return fail(conn.error());
      auto result = body(**conn);
      if (result || attempt > 0 || result.error().code != ErrorCode::unavailable || (*conn)->healthy()) return result;
      bool again = retry == Retry::idempotent || (retry == Retry::transaction && !(*conn)->any_succeeded());
      if (!again) return result;
    }
  }

  Pool pool_;
};

// JSON as stored: dumped without throwing on invalid UTF-8 inside (replaced by U+FFFD).

// Reads `rows` as one page: rows.size() may be limit + 1, in which case the extra row is
// dropped and `next` is the cursor of the last kept item.
template <class T, class Read, class CursorOf>
Result<Page<T>> collect_page(const Rows& rows, int limit, Read read, CursorOf cursor_of) {
  Page<T> page;
  int n = rows.size() < limit ? rows.size() : limit;
  page.items.reserve(static_cast<std::size_t>(n));
  for (int row = 0; row < n; ++row) {
    auto item = read(rows, row);
    if constexpr (std::is_same_v<decltype(item), T>) {
      page.items.push_back(std::move(item));
    } else {
      if (!item) return fail(item.error());
      page.items.push_back(std::move(*item));
    }
  }
  if (rows.size() > limit && !page.items.empty()) page.next = cursor_of(page.items.back());
  return page;
}

// Validation errors of batch items name their index: "names[3]: name is required".
inline Error at_index(Error error, std::string_view list, std::size_t index) {
  error.message = fmt::format("{}[{}]: {}", list, index, error.message);
  return error;
}

}  // namespace snai::storage::pg
