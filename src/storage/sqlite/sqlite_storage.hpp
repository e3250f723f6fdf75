// The embedded default backend: one SQLite file (WAL mode, busy timeout) under the data dir.
//
//   auto storage = snai::storage::open_sqlite("var/snai.db", {});
//   if (storage) (*storage)->migrate();
#pragma once

#include <memory>
#include <string>

#include "storage/storage.hpp"

namespace snai::storage {

struct SqliteOptions {
  int busy_timeout_ms = 5000;
  int pool_size = 8;
};

// Opens or creates the database file (and its directory). Fails without touching the file
// when it is not a SQLite database, and with failed_precondition when its schema is newer
// than this binary. Does not migrate: call migrate().
Result<std::unique_ptr<Storage>> open_sqlite(const std::string& path, const SqliteOptions& options);

}  // namespace snai::storage
