// The raw rows of the classical-roots table (space-separated lists), turned into
// ClassicalRoot entries by classical_roots().
#pragma once

#include <span>
#include <string_view>

#include "roots/classical_roots.hpp"

namespace snai::roots::internal {

struct RootRow {
  ClassicalLanguage language;
  std::string_view forms;     // "luc lux lumin"
  std::string_view meanings;  // "light shine"
  std::string_view examples;  // "lucid translucent illuminate"
  bool whole_word;
};

std::span<const RootRow> root_rows();

}  // namespace snai::roots::internal
