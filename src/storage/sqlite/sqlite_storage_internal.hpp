// The SQLite Storage class, split by repository over user_repository.cpp,
// project_repository.cpp and event_repository.cpp, like the PostgreSQL backend;
// sqlite_storage.cpp opens it and owns the schema. Only the SQLite backend includes this header.
#pragma once

#include <string>
#include <type_traits>

#include "storage/backend_overrides.hpp"
#include "storage/sqlite/database.hpp"
#include "storage/sqlite/sqlite_storage.hpp"

namespace snai::storage::sqlite {

// Collects up to `limit` rows read by `read`; the statement fetches one more to know whether a
// next page exists, and then `next` is the cursor of the last kept item.
template <class T, class Read, class CursorOf>
Result<Page<T>> collect_page(Statement& s, int limit, Read read, CursorOf cursor_of) {
  Page<T> page;
  while (true) {
    auto row = s.step();
    if (!row) return fail(row.error());
    if (!*row) break;
    if (static_cast<int>(page.items.size()) == limit) {
      page.next = cursor_of(page.items.back());
      break;
    }
    if constexpr (std::is_same_v<decltype(read(s)), T>) {
      page.items.push_back(read(s));
    } else {
      auto item = read(s);
      if (!item) return fail(item.error());
      page.items.push_back(std::move(*item));
    }
  }
  return page;
}

// The statement's first row read by `read`; `missing()` (an error) when there is none. Runs the
// statement to completion afterwards, so an UPDATE or DELETE ... RETURNING finishes.
template <class T, class Read, class Missing>
Result<T> read_one(Statement& s, Read read, Missing missing) {
  auto row = s.step();
  if (!row) return fail(row.error());
  if (!*row) return missing();
  Result<T> item = read(s);
  if (auto done = s.run(); !done) return fail(done.error());
  return item;
}

class SqliteStorage final : public Storage {
 public:
  SqliteStorage(std::string path, const SqliteOptions& options)
      : path_(std::move(path)), pool_(path_, options.busy_timeout_ms, options.pool_size) {}

  std::string_view backend() const override { return "sqlite"; }
  PoolStats pool_stats() override { return pool_.stats(); }

  SNAI_STORAGE_BACKEND_OVERRIDES

 private:
  // Runs body(statement) on `sql`, prepared on a leased connection, with `args` bound from 1.
  template <class F, class... Args>
  auto with_statement(std::string_view sql, F&& body, const Args&... args)
      -> decltype(body(std::declval<Statement&>())) {
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare(sql);
    if (!s) return fail(s.error());
    s->bind_all(args...);
    return body(*s);
  }

  // Runs a statement without rows (an INSERT, UPDATE or DELETE) to completion.
  template <class... Args>
  Status execute(std::string_view sql, const Args&... args) {
    return with_statement(sql, [](Statement& s) { return s.run(); }, args...);
  }

  // The first row of `sql` read by `read`; `missing()` (an error) when there is none.
  template <class T, class Read, class Missing, class... Args>
  Result<T> one_row(std::string_view sql, Read read, Missing missing, const Args&... args) {
    return with_statement(sql, [&](Statement& s) { return read_one<T>(s, read, missing); }, args...);
  }

  // A statement ending in RETURNING 1 (an UPDATE or DELETE); `missing()` when it touched no row.
  template <class Missing, class... Args>
  Status touch_one(std::string_view sql, Missing missing, const Args&... args) {
    auto touched = one_row<bool>(sql, [](const Statement&) { return true; }, missing, args...);
    if (!touched) return fail(touched.error());
    return ok();
  }

  // One page of `sql`, which selects at most limit + 1 rows (see collect_page).
  template <class T, class Read, class CursorOf, class... Args>
  Result<Page<T>> page_of(std::string_view sql, int limit, Read read, CursorOf cursor_of, const Args&... args) {
    return with_statement(sql, [&](Statement& s) { return collect_page<T>(s, limit, read, cursor_of); }, args...);
  }

  // One user's keys, or every key when user_id is absent.
  Result<std::vector<ApiKey>> read_api_keys(std::optional<std::string_view> user_id);

  std::string path_;
  ConnectionPool pool_;
};

// Fails with failed_precondition when the database at `path` has a newer schema than this binary.
Status check_not_newer(std::int64_t version, const std::string& path);

}  // namespace snai::storage::sqlite
