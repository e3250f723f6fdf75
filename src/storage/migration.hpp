// A versioned schema change. Each backend keeps its ordered list (sqlite/migrations.cpp,
// postgres/migrations.cpp); versions start at 1, never change once released, and are
// recorded in the schema_migrations table as they are applied.
#pragma once

#include <span>
#include <string_view>

namespace snai::storage {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;  // one or more statements
};

inline int latest_version(std::span<const Migration> migrations) {
  return migrations.empty() ? 0 : migrations.back().version;
}

}  // namespace snai::storage
