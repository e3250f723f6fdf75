// Picks and opens the storage backend named by a database URL:
//   sqlite:PATH                       the embedded default (a file, created when absent)
//   postgres://USER:PASS@HOST:PORT/DB  PostgreSQL 15, for many instances
//
//   auto storage = snai::storage::open_storage(config);
//   if (!storage) { std::cerr << storage.error().message; return 1; }
//   if (auto v = (*storage)->migrate(); !v) ...
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/config.hpp"
#include "storage/storage.hpp"

namespace snai::storage {

struct StorageOptions {
  int pool_size = 8;
  int busy_timeout_ms = 5000;   // SQLite: how long a writer waits for the lock
  int connect_timeout_s = 5;    // PostgreSQL
};

Result<std::unique_ptr<Storage>> open_storage(std::string_view database_url, const StorageOptions& options);

// The configured database (config.effective_database_url()) with the configured pool and timeouts.
Result<std::unique_ptr<Storage>> open_storage(const Config& config);

// The URL with any password replaced by "***", for logs and error messages.
std::string redact_url(std::string_view url);

}  // namespace snai::storage
