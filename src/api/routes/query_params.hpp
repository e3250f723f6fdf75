// Reading a URL query string strictly: percent-decoded UTF-8 values, only the parameters a
// route names (an unknown or repeated one is a 400 naming it), and the paging pair
// `limit` / `after` that every list route takes.
//
//   auto query = parse_query(request.query(), {"limit", "after"});
//   if (!query) return error_response(query.error());
//   auto page = query->page(50);                 // Result<storage::PageRequest>
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "storage/storage.hpp"

namespace snai::api {

class QueryParams {
 public:
  std::optional<std::string_view> get(std::string_view name) const;
  // An integer parameter in min..max (fallback when absent); else invalid_argument naming it.
  Result<int> integer(std::string_view name, int min, int max, int fallback) const;
  // limit: 1..1000 (default_limit when absent); after: an opaque cursor of at most 128 bytes.
  Result<storage::PageRequest> page(int default_limit) const;

 private:
  friend Result<QueryParams> parse_query(std::string_view query, std::initializer_list<std::string_view> allowed);
  std::map<std::string, std::string, std::less<>> values_;
};

Result<QueryParams> parse_query(std::string_view query, std::initializer_list<std::string_view> allowed);

}  // namespace snai::api
