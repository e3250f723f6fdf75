// The PostgreSQL schema, as ordered versioned migrations (see storage/migration.hpp).
#pragma once

#include <span>

#include "storage/migration.hpp"

namespace snai::storage::pg {

std::span<const Migration> migrations();

}  // namespace snai::storage::pg
