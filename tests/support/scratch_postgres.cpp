#include "support/scratch_postgres.hpp"

#include <cstdlib>
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include "core/id.hpp"

namespace snai::testing {

std::string ScratchPostgres::admin_url() {
  const char* v = std::getenv("SNAI_TEST_DATABASE_URL");
  return v ? v : "";
}

ScratchPostgres::ScratchPostgres() {
  auto admin = admin_url();
  if (admin.empty()) {
    ADD_FAILURE() << "SNAI_TEST_DATABASE_URL is not set: run through `make test` (scripts/services.sh starts PostgreSQL)";
    return;
  }
  name_ = "snai_t_" + random_token(6);
  this->admin("CREATE DATABASE " + name_);
  auto slash = admin.find('/', admin.find("://") + 3);
  auto query = admin.find('?', slash);
  url_ = admin.substr(0, slash) + "/" + name_ + (query == std::string::npos ? "" : admin.substr(query));
}

ScratchPostgres::~ScratchPostgres() {
  if (!name_.empty()) admin("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
}

void ScratchPostgres::admin(const std::string& sql) {
  PGconn* conn = PQconnectdb(admin_url().c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    ADD_FAILURE() << "admin connection failed: " << PQerrorMessage(conn);
  } else {
    PGresult* res = PQexec(conn, sql.c_str());
    if (PQresultStatus(res) != PGRES_COMMAND_OK) ADD_FAILURE() << sql << ": " << PQerrorMessage(conn);
    PQclear(res);
  }
  PQfinish(conn);
}

std::string with_password(const std::string& url, const std::string& password) {
  auto start = url.find("://") + 3;
  auto at = url.find('@', start);
  auto colon = url.find(':', start);
  if (at == std::string::npos) return url;
  if (colon == std::string::npos || colon > at) return url.substr(0, at) + ":" + password + url.substr(at);
  return url.substr(0, colon + 1) + password + url.substr(at);
}

}  // namespace snai::testing
