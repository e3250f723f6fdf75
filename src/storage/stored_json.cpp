#include "storage/stored_json.hpp"

#include <fmt/format.h>

namespace snai::storage {

std::string to_json_text(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

Result<Json> parse_stored_json(const std::string& text, std::string_view column) {
  auto value = Json::parse(text, nullptr, false);
  if (value.is_discarded())
    return fail(ErrorCode::data_corrupt, fmt::format("stored {} is not valid JSON", column), std::string(column));
  return value;
}

Result<std::vector<std::string>> parse_string_list(const std::string& text, std::string_view column) {
  auto value = parse_stored_json(text, column);
  if (!value) return fail(value.error());
  if (!value->is_array())
    return fail(ErrorCode::data_corrupt, fmt::format("stored {} is not a list", column), std::string(column));
  std::vector<std::string> out;
  out.reserve(value->size());
  for (const auto& item : *value) {
    if (!item.is_string())
      return fail(ErrorCode::data_corrupt, fmt::format("stored {} holds a non-string", column), std::string(column));
    out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace snai::storage
