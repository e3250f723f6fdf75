// How both backends keep JSON columns (keywords, parts, constraints, properties) as text:
// written without ever throwing (invalid UTF-8 inside a value becomes U+FFFD), read back
// with data_corrupt errors naming the column instead of exceptions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/storage.hpp"

namespace snai::storage {

std::string to_json_text(const Json& value);
Result<Json> parse_stored_json(const std::string& text, std::string_view column);
Result<std::vector<std::string>> parse_string_list(const std::string& text, std::string_view column);

}  // namespace snai::storage
