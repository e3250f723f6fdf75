#include "api/routes/query_params.hpp"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>

#include "core/utf8.hpp"

namespace snai::api {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// application/x-www-form-urlencoded decoding: '+' is a space, %XX a byte.
std::optional<std::string> decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  if (!is_valid_utf8(out) || out.find('\0') != std::string::npos) return std::nullopt;
  return out;
}

}  // namespace

Result<QueryParams> parse_query(std::string_view query, std::initializer_list<std::string_view> allowed) {
  constexpr std::size_t kMaxQueryBytes = 4096;
  if (query.size() > kMaxQueryBytes)
    return fail(ErrorCode::invalid_argument, fmt::format("the query string is longer than {} bytes", kMaxQueryBytes),
                "query");
  QueryParams params;
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    auto name = decode(pair.substr(0, eq));
    if (!name) return fail(ErrorCode::invalid_argument, "a query parameter name is not valid percent-encoded UTF-8", "query");
    auto value = decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
    if (!value)
      return fail(ErrorCode::invalid_argument, fmt::format("{} is not valid percent-encoded UTF-8", *name), *name);
    if (std::ranges::find(allowed, std::string_view(*name)) == allowed.end())
      return fail(ErrorCode::invalid_argument, fmt::format("unknown query parameter \"{}\"", *name), *name);
    if (params.values_.contains(*name))
      return fail(ErrorCode::invalid_argument, fmt::format("{} is given more than once", *name), *name);
    params.values_.emplace(std::move(*name), std::move(*value));
  }
  return params;
}

std::optional<std::string_view> QueryParams::get(std::string_view name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

Result<int> QueryParams::integer(std::string_view name, int min, int max, int fallback) const {
  auto text = get(name);
  if (!text) return fallback;
  int n = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (text->empty() || ec != std::errc{} || end != text->data() + text->size() || n < min || n > max)
    return fail(ErrorCode::invalid_argument, fmt::format("{} must be an integer between {} and {}", name, min, max),
                std::string(name));
  return n;
}

Result<storage::PageRequest> QueryParams::page(int default_limit) const {
  storage::PageRequest page{.limit = default_limit};
  auto limit = integer("limit", 1, 1000, default_limit);
  if (!limit) return fail(limit.error());
  page.limit = *limit;
  if (auto after = get("after")) {
    if (after->size() > 128) return fail(ErrorCode::invalid_argument, "after is not a cursor from this list", "after");
    page.after = std::string(*after);
  }
  return page;
}

}  // namespace snai::api
