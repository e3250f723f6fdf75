#include "storage/sqlite/database.hpp"

#include <fmt/format.h>

namespace snai::storage::sqlite {

Error sqlite_error(sqlite3* db, int rc, std::string_view what) {
  std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string message = fmt::format("{}: {}", what, detail);
  switch (rc & 0xff) {
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) return {ErrorCode::not_found, message, {}};
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) return {ErrorCode::conflict, message, {}};
      return {ErrorCode::invalid_argument, message, {}};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      return {ErrorCode::unavailable, message, {}};
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return {ErrorCode::data_corrupt, message, {}};
    default:
      return {ErrorCode::internal, message, {}};
  }
}

Statement::~Statement() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  // Reset at the end so the same statement can be bound and run again (a loop of inserts).
  sqlite3_reset(stmt_);
  if (rc == SQLITE_DONE) return false;
  return fail(sqlite_error(db_, rc, "SQLite statement failed"));
}

Status Statement::run() {
  while (true) {
    auto row = step();
    if (!row) return fail(row.error());
    if (!*row) return ok();
  }
}

std::string Statement::text(int column) const {
  const auto* data = sqlite3_column_text(stmt_, column);
  return data ? std::string(reinterpret_cast<const char*>(data), sqlite3_column_bytes(stmt_, column)) : std::string();
}

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }
bool Statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

Result<std::unique_ptr<Connection>> Connection::open(const std::string& path, int busy_timeout_ms) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Error error = sqlite_error(db, rc, fmt::format("cannot open SQLite database '{}'", path));
    sqlite3_close_v2(db);
    return fail(error);
  }
  std::unique_ptr<Connection> conn(new Connection(db));
  sqlite3_busy_timeout(db, busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  // The first read of the header tells a SQLite file from anything else, before any write.
  rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    Error error = sqlite_error(db, sqlite3_extended_errcode(db), fmt::format("cannot read SQLite database '{}'", path));
    if (error.code == ErrorCode::data_corrupt)
      error.message = fmt::format("'{}' is not a SQLite database or is corrupt ({}); it was left untouched", path,
                                  sqlite3_errmsg(db));
    return fail(error);
  }
  if (auto st = conn->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"); !st)
    return fail(st.error());
  return conn;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Result<Statement> Connection::prepare(std::string_view sql) {
  auto key = std::string(sql);
  auto it = statements_.find(key);
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return fail(sqlite_error(db_, rc, "cannot prepare SQLite statement"));
    it = statements_.emplace(std::move(key), stmt).first;
  }
  return Statement(db_, it->second);
}

Status Connection::exec(std::string_view sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
  sqlite3_free(message);
  if (rc != SQLITE_OK) return fail(sqlite_error(db_, sqlite3_extended_errcode(db_), "SQLite statement failed"));
  return ok();
}

Result<ConnectionPool::Lease> ConnectionPool::lease() {
  std::unique_lock lock(mu_);
  if (idle_.empty() && open_ >= size_) ++waits_;
  available_.wait(lock, [&] { return !idle_.empty() || open_ < size_; });
  if (!idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(conn));
  }
  ++open_;
  lock.unlock();
  auto conn = Connection::open(path_, busy_timeout_ms_);
  if (!conn) {
    std::lock_guard relock(mu_);
    --open_;
    available_.notify_one();
    return fail(conn.error());
  }
  return Lease(this, std::move(*conn));
}

PoolStats ConnectionPool::stats() {
  std::lock_guard lock(mu_);
  return {.size = size_, .open = open_, .in_use = open_ - int(idle_.size()), .waits = waits_};
}

void ConnectionPool::give_back(std::unique_ptr<Connection> conn) {
  std::lock_guard lock(mu_);
  idle_.push_back(std::move(conn));
  available_.notify_one();
}

}  // namespace snai::storage::sqlite
