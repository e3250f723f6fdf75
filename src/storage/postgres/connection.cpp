#include "storage/postgres/connection.hpp"

#include <charconv>
#include <fmt/format.h>
#include <poll.h>
#include <vector>

namespace snai::storage::pg {
namespace {

// libpq messages span lines ("...failed: Connection refused\n\tIs the server running...");
// errors here are one line.
std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// "connection to server at "127.0.0.1", port 1 failed: FATAL:  password authentication failed ..."
// → "password authentication failed ...": the caller already names host and port. Only the
// first line: the rest is a hint ("Is the server running on that host...").
std::string connect_reason(std::string_view libpq_message) {
  std::string text = one_line(libpq_message.substr(0, libpq_message.find('\n')));
  if (text.starts_with("connection to server")) {
    if (auto pos = text.find(" failed: "); pos != std::string::npos) text.erase(0, pos + 9);
  }
  if (text.starts_with("FATAL: ")) text.erase(0, 7);
  return text.empty() ? "unknown error" : text;
}

// The URL with the userinfo password replaced by ***, for messages about the URL itself.
std::string redact(std::string_view url) {
  auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  auto at = url.find('@', scheme + 3);
  auto colon = url.find(':', scheme + 3);
  if (at == std::string_view::npos || colon == std::string_view::npos || colon > at) return std::string(url);
  return fmt::format("{}***{}", url.substr(0, colon + 1), url.substr(at));
}

void ignore_notice(void*, const char*) {}

// "feedback_user_id_fkey" on table "feedback" → "user_id": PostgreSQL's default constraint
// names say which reference was missing.
std::string foreign_key_column(const PGresult* result) {
  const char* table = PQresultErrorField(result, PG_DIAG_TABLE_NAME);
  const char* constraint = PQresultErrorField(result, PG_DIAG_CONSTRAINT_NAME);
  if (!table || !constraint) return {};
  std::string_view name = constraint;
  std::string prefix = std::string(table) + "_";
  if (!name.starts_with(prefix) || !name.ends_with("_fkey")) return {};
  name.remove_prefix(prefix.size());
  name.remove_suffix(5);
  return std::string(name);
}

bool starts(std::string_view state, std::string_view prefix) { return state.starts_with(prefix); }

}  // namespace

Param::Param(double value) : value_(fmt::format("{}", value)) {}

std::int64_t Rows::affected() const {
  std::string_view text = PQcmdTuples(result_.get());
  std::int64_t n = 0;
  std::from_chars(text.data(), text.data() + text.size(), n);
  return n;
}

std::string Rows::text(int row, int column) const {
  return std::string(PQgetvalue(result_.get(), row, column),
                     static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
}

std::int64_t Rows::integer(int row, int column) const {
  const char* text = PQgetvalue(result_.get(), row, column);
  std::int64_t value = 0;
  std::from_chars(text, text + PQgetlength(result_.get(), row, column), value);
  return value;
}

double Rows::real(int row, int column) const {
  const char* text = PQgetvalue(result_.get(), row, column);
  double value = 0;
  std::from_chars(text, text + PQgetlength(result_.get(), row, column), value);
  return value;
}

Result<ConnectTarget> ConnectTarget::parse(std::string_view url, int connect_timeout_s) {
  ConnectTarget target{.url = std::string(url), .connect_timeout_s = connect_timeout_s};
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(target.url.c_str(), &error);
  if (!options) {
    std::string reason = error ? one_line(error) : "out of memory";
    if (error) PQfreemem(error);
    return fail(ErrorCode::invalid_argument,
                target.scrub(fmt::format("database URL '{}' is not valid: {}", redact(url), reason)), "database_url");
  }
  std::string host, port;
  for (auto* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    std::string_view key = o->keyword;
    if (key == "password") target.password = o->val;
    if (key == "host" || (key == "hostaddr" && host.empty())) host = o->val;
    if (key == "port") port = o->val;
  }
  PQconninfoFree(options);
  target.label = fmt::format("{}:{}", host.empty() ? "localhost" : host, port.empty() ? "5432" : port);
  return target;
}

std::string ConnectTarget::scrub(std::string message) const {
  // libpq quotes the whole URL in some parse errors.
  if (auto redacted = redact(url); redacted != url)
    for (auto pos = message.find(url); pos != std::string::npos; pos = message.find(url, pos + redacted.size()))
      message.replace(pos, url.size(), redacted);
  // The password as libpq decoded it, and as written (percent-encoded) in a URL. Very short
  // ones are left alone: replacing every "a" would garble the message and hide nothing.
  std::string raw;
  auto scheme = url.find("://");
  if (scheme != std::string::npos) {
    auto at = url.find('@', scheme + 3);
    auto colon = url.find(':', scheme + 3);
    if (at != std::string::npos && colon != std::string::npos && colon < at) raw = url.substr(colon + 1, at - colon - 1);
  }
  for (const std::string* secret : {&password, static_cast<const std::string*>(&raw)}) {
    if (secret->size() < 4) continue;
    for (auto pos = message.find(*secret); pos != std::string::npos; pos = message.find(*secret, pos + 3))
      message.replace(pos, secret->size(), "***");
  }
  return message;
}

Result<std::unique_ptr<Connection>> Connection::open(const ConnectTarget& target) {
  std::string timeout = std::to_string(target.connect_timeout_s);
  // The URL comes last so that anything it sets explicitly wins.
  const char* keys[] = {"connect_timeout", "client_encoding", "application_name", "dbname", nullptr};
  const char* values[] = {timeout.c_str(), "UTF8", "snai", target.url.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, 1);
  if (!conn) return fail(ErrorCode::unavailable, "cannot connect to PostgreSQL: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string reason = connect_reason(PQerrorMessage(conn));
    PQfinish(conn);
    // libpq checks option values only now: 'invalid integer value "x" for connection option "port"'.
    if (reason.starts_with("invalid "))
      return fail(ErrorCode::invalid_argument, target.scrub(fmt::format("database URL is not valid: {}", reason)),
                  "database_url");
    return fail(ErrorCode::unavailable,
                target.scrub(fmt::format("cannot connect to PostgreSQL at {}: {}", target.label, reason)));
  }
  PQsetNoticeProcessor(conn, ignore_notice, nullptr);  // "relation exists, skipping" is not news
  return std::unique_ptr<Connection>(new Connection(conn, target));
}

Connection::~Connection() { PQfinish(conn_); }

Result<Rows> Connection::exec(const Statement& statement, std::span<const Param> params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) {
    // libpq parameters are C strings: a NUL byte would silently cut the value short.
    if (p.has_nul()) return fail(ErrorCode::invalid_argument, "text must not contain NUL bytes");
    values.push_back(p.c_str());
  }
  std::string name(statement.name);
  if (!prepared_.contains(name)) {
    std::string sql(statement.sql);
    Rows prepared(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr));
    if (PQresultStatus(prepared.result()) != PGRES_COMMAND_OK)
      return fail(error_from(prepared.result(), fmt::format("preparing {}", name)));
    prepared_.insert(name);
  }
  Rows rows(PQexecPrepared(conn_, name.c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0));
  auto status = PQresultStatus(rows.result());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return fail(error_from(rows.result(), name));
  succeeded_ = true;
  return rows;
}

Status Connection::exec_script(std::string_view sql) {
  Rows rows(PQexec(conn_, std::string(sql).c_str()));
  auto status = PQresultStatus(rows.result());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    auto first_line = sql.substr(0, sql.find('\n'));
    return fail(error_from(rows.result(), first_line.substr(0, 60)));
  }
  succeeded_ = true;
  return ok();
}

bool Connection::healthy() {
  for (int round = 0; round < 4 && PQstatus(conn_) == CONNECTION_OK; ++round) {
    pollfd p{.fd = PQsocket(conn_), .events = POLLIN, .revents = 0};
    if (poll(&p, 1, 0) <= 0) break;  // nothing pending: the server has not hung up
    if (!PQconsumeInput(conn_)) return false;
    while (PGnotify* n = PQnotifies(conn_)) PQfreemem(n);
  }
  return PQstatus(conn_) == CONNECTION_OK;
}

bool Connection::in_transaction() const { return PQtransactionStatus(conn_) != PQTRANS_IDLE; }

Error Connection::error_from(const PGresult* result, std::string_view what) const {
  if (PQstatus(conn_) == CONNECTION_BAD || !result)
    return Error{ErrorCode::unavailable,
                 target_->scrub(fmt::format("lost the connection to PostgreSQL at {}: {}", target_->label,
                                            connect_reason(PQerrorMessage(conn_))))};
  const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  std::string sqlstate = state ? state : "";
  std::string message = one_line(primary ? primary : PQresultErrorMessage(result));
  auto code = error_code_for_sqlstate(sqlstate);
  std::string field;
  if (sqlstate == "23503") field = foreign_key_column(result);
  if (code == ErrorCode::failed_precondition && starts(sqlstate, "42"))
    message += "; the schema is missing or old: run `snai migrate`";
  if (code == ErrorCode::internal) message = fmt::format("{} failed: {} (SQLSTATE {})", what, message, sqlstate);
  return Error{code, target_->scrub(std::move(message)), std::move(field)};
}

ErrorCode error_code_for_sqlstate(std::string_view s) {
  if (s == "23505") return ErrorCode::conflict;         // unique_violation
  if (s == "23503") return ErrorCode::not_found;        // foreign_key_violation: the referenced row is gone
  if (s == "40001" || s == "40P01") return ErrorCode::conflict;  // serialization failure, deadlock
  if (starts(s, "23") || starts(s, "22")) return ErrorCode::invalid_argument;  // constraint, data exception
  if (starts(s, "08") || starts(s, "28") || starts(s, "53") || starts(s, "57P") || s == "57014" || s == "3D000")
    return ErrorCode::unavailable;  // connection, auth, resources, shutdown, cancel, no such database
  if (s == "42P01" || s == "42703") return ErrorCode::failed_precondition;  // no such table/column
  return ErrorCode::internal;
}

}  // namespace snai::storage::pg
