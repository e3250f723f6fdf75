// The SQLite schema, as an ordered list of versioned migrations.
#pragma once

#include <span>

#include "storage/migration.hpp"

namespace snai::storage::sqlite {

std::span<const Migration> migrations();

}  // namespace snai::storage::sqlite
