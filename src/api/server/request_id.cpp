#include "api/server/request_id.hpp"

#include <algorithm>

#include "core/id.hpp"

namespace snai::api {

bool is_sane_request_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    return alnum || c == '.' || c == '_' || c == ':' || c == '/' || c == '+' || c == '=' || c == '-';
  });
}

std::string request_id_for(std::optional<std::string_view> incoming) {
  if (incoming && is_sane_request_id(*incoming)) return std::string(*incoming);
  return new_id();
}

}  // namespace snai::api
