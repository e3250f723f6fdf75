// The PostgreSQL Storage class, split by repository over user_repository.cpp,
// project_repository.cpp and event_repository.cpp; postgres_storage.cpp opens it and owns
// the schema. Only the PostgreSQL backend includes this header.
#pragma once

#include <fmt/format.h>
#include <string>
#include <type_traits>

#include "storage/backend_overrides.hpp"
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
  PoolStats pool_stats() override { return pool_.stats(); }

  SNAI_STORAGE_BACKEND_OVERRIDES

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

}  // namespace snai::storage::pg
