// A thin RAII layer over the SQLite C API: connections with a statement cache, statements
// with typed bind/column access, SQLite result codes mapped to snai::Error, a connection
// pool (one connection per concurrent user) and an all-or-nothing transaction helper.
// Only the SQLite backend uses this header.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "storage/storage.hpp"

namespace snai::storage::sqlite {

// Maps a SQLite result code to an Error; `what` says what was being done.
Error sqlite_error(sqlite3* db, int rc, std::string_view what);

// A prepared statement borrowed from a Connection's cache; reset and unbound when destroyed.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind_null(int index);
  // Binds in order from index 1.
  template <class... Args>
  Statement& bind_all(const Args&... args) {
    int i = 0;
    (bind(++i, args), ...);
    return *this;
  }

  Result<bool> step();  // true: a row is ready; false: done
  Status run();         // steps to completion, for statements without rows

  std::string text(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;
  bool is_null(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  // Opens (creating when absent) and verifies that the file is a SQLite database.
  static Result<std::unique_ptr<Connection>> open(const std::string& path, int busy_timeout_ms);
  ~Connection();

  Result<Statement> prepare(std::string_view sql);  // cached per connection
  Status exec(std::string_view sql);                // one or more statements, no results
  std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

// Hands out connections to one thread at a time; waits when all are in use.
class ConnectionPool {
 public:
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&&) noexcept = default;
    ~Lease() {
      if (conn_) pool_->give_back(std::move(conn_));
    }
    Connection& operator*() const { return *conn_; }
    Connection* operator->() const { return conn_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  ConnectionPool(std::string path, int busy_timeout_ms, int size)
      : path_(std::move(path)), busy_timeout_ms_(busy_timeout_ms), size_(size) {}
  Result<Lease> lease();
  PoolStats stats();

 private:
  void give_back(std::unique_ptr<Connection> conn);

  std::string path_;
  int busy_timeout_ms_;
  int size_;
  int open_ = 0;
  std::uint64_t waits_ = 0;
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

// Runs `body` inside BEGIN IMMEDIATE ... COMMIT; rolls back when it returns an error or throws.
// IMMEDIATE takes the write lock up front, so concurrent writers wait (busy timeout) instead
// of failing on a lock upgrade.
template <class F>
auto in_transaction(Connection& conn, F&& body) -> decltype(body()) {
  if (auto st = conn.exec("BEGIN IMMEDIATE"); !st) return fail(st.error());
  try {
    auto result = body();
    if (!result) {
      (void)conn.exec("ROLLBACK");
      return result;
    }
    if (auto st = conn.exec("COMMIT"); !st) {
      (void)conn.exec("ROLLBACK");
      return fail(st.error());
    }
    return result;
  } catch (...) {
    (void)conn.exec("ROLLBACK");
    throw;
  }
}

}  // namespace snai::storage::sqlite
