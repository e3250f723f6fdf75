// A thin RAII layer over libpq for the PostgreSQL backend: one connection with its prepared
// statements, query results with typed column access, and SQLSTATE codes mapped to snai::Error.
// Only the PostgreSQL backend uses this header.
//
//   auto conn = Connection::open(target);
//   auto rows = (*conn)->exec(kGetUser, {Param(id)});      // prepared on first use, by name
//   if (rows && rows->size() == 1) std::string email = rows->text(0, 1);
#pragma once

#include <cstdint>
#include <initializer_list>
#include <libpq-fe.h>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/result.hpp"

namespace snai::storage::pg {

// Where to connect and how to talk about it without leaking the password.
struct ConnectTarget {
  std::string url;            // libpq URI or key=value string
  int connect_timeout_s = 5;
  std::string password;       // scrubbed from every message
  std::string label;          // "host:port", for messages

  // Parses the URL (invalid_argument, field "database_url", when libpq cannot read it).
  static Result<ConnectTarget> parse(std::string_view url, int connect_timeout_s);
  // The message with every occurrence of the password replaced by "***".
  std::string scrub(std::string message) const;
};

// A named statement, prepared once per connection (PQprepare) and then executed by name.
struct Statement {
  std::string_view name;
  std::string_view sql;
};

// One text-format parameter; nullopt is SQL NULL.
class Param {
 public:
  Param(std::nullopt_t) {}
  Param(std::string_view text) : value_(text) {}
  Param(const std::string& text) : value_(text) {}
  Param(const char* text) : value_(text) {}
  Param(std::int64_t value) : value_(std::to_string(value)) {}
  Param(int value) : value_(std::to_string(value)) {}
  Param(double value);

  const char* c_str() const { return value_ ? value_->c_str() : nullptr; }
  bool has_nul() const { return value_ && value_->find('\0') != std::string::npos; }

 private:
  std::optional<std::string> value_;
};

// The rows of one successful command.
class Rows {
 public:
  explicit Rows(PGresult* result) : result_(result, &PQclear) {}

  int size() const { return PQntuples(result_.get()); }
  std::int64_t affected() const;  // rows changed by INSERT/UPDATE/DELETE
  bool is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  std::string text(int row, int column) const;
  std::int64_t integer(int row, int column) const;
  double real(int row, int column) const;
  const PGresult* result() const { return result_.get(); }

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

class Connection {
 public:
  // unavailable, with a message naming host:port and libpq's reason, when it cannot connect.
  static Result<std::unique_ptr<Connection>> open(const ConnectTarget& target);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs a prepared statement (preparing it on this connection the first time).
  Result<Rows> exec(const Statement& statement, std::span<const Param> params);
  Result<Rows> exec(const Statement& statement, std::initializer_list<Param> params = {}) {
    return exec(statement, std::span<const Param>(params.begin(), params.size()));
  }
  // Runs one or more statements without parameters (simple query protocol).
  Status exec_script(std::string_view sql);

  // False once the connection is lost; checked without blocking, so a server-side disconnect
  // of an idle connection (restart, pg_terminate_backend) is noticed before it is reused.
  bool healthy();
  // True once a command found the connection gone.
  bool lost() const { return PQstatus(conn_) != CONNECTION_OK; }
  bool in_transaction() const;
  // Whether any command succeeded on this connection since the last mark_leased().
  bool any_succeeded() const { return succeeded_; }
  void mark_leased() { succeeded_ = false; }

 private:
  Connection(PGconn* conn, const ConnectTarget& target) : conn_(conn), target_(&target) {}
  Error error_from(const PGresult* result, std::string_view what) const;

  PGconn* conn_;
  const ConnectTarget* target_;
  std::unordered_set<std::string> prepared_;
  bool succeeded_ = false;
};

// Maps a SQLSTATE (e.g. "23505") to the ErrorCode callers act on.
ErrorCode error_code_for_sqlstate(std::string_view sqlstate);

// Runs `body` between BEGIN and COMMIT; rolls back when it fails or throws.
template <class F>
auto in_transaction(Connection& conn, F&& body) -> decltype(body()) {
  if (auto st = conn.exec_script("BEGIN"); !st) return fail(st.error());
  try {
    auto result = body();
    if (!result) {
      (void)conn.exec_script("ROLLBACK");
      return result;
    }
    if (auto st = conn.exec_script("COMMIT"); !st) return fail(st.error());
    return result;
  } catch (...) {
    (void)conn.exec_script("ROLLBACK");
    throw;
  }
}

}  // namespace snai::storage::pg
