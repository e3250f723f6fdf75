// The scale-out backend: PostgreSQL 15 through libpq, with a bounded connection pool, so
// many `snai serve` instances can share one database.
//
//   auto storage = snai::storage::open_postgres("postgres://snai:secret@127.0.0.1:5432/snai", {});
//   if (!storage) { std::cerr << storage.error().message << "\n"; return 1; }   // password shown as ***
//   if (auto version = (*storage)->migrate(); !version) ...
#pragma once

#include <memory>
#include <string_view>

#include "storage/storage.hpp"

namespace snai::storage {

struct PostgresOptions {
  int pool_size = 8;          // at most this many connections at once
  int connect_timeout_s = 5;  // per connection attempt
};

// Connects once to check that the server is reachable and the credentials work (unavailable
// otherwise), and fails with failed_precondition when the database's schema is newer than
// this binary. Does not migrate: call migrate().
Result<std::unique_ptr<Storage>> open_postgres(std::string_view url, const PostgresOptions& options);

}  // namespace snai::storage
