#include "api/middleware/http_caching.hpp"

#include <algorithm>

#include "core/id.hpp"

namespace snai::api {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The Cache-Control a GET answer of this route gets when its handler did not choose one.
std::string_view default_policy(std::string_view route) {
  if (route == "/v1/projects" || route.starts_with("/v1/projects/")) return "private, no-cache";
  return {};
}

}  // namespace

std::string strong_etag(std::string_view body) { return "\"" + sha256_hex(body).substr(0, 32) + "\""; }

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (trim(if_none_match) == "*") return true;
  const std::string_view opaque = etag.starts_with("W/") ? etag.substr(2) : etag;
  while (!if_none_match.empty()) {
    const auto comma = if_none_match.find(',');
    std::string_view tag = trim(if_none_match.substr(0, comma));
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == opaque) return true;
    if (comma == std::string_view::npos) break;
    if_none_match.remove_prefix(comma + 1);
  }
  return false;
}

void apply_http_caching(std::string_view method, std::string_view route, std::optional<std::string_view> if_none_match,
                        Response& response) {
  if ((method != "GET" && method != "HEAD") || response.status != 200) return;
  if (response.cache_control == "no-store") {
    const std::string_view policy = default_policy(route);
    if (policy.empty()) return;
    response.cache_control = std::string(policy);
  }
  if (response.cache_control.empty()) return;
  auto existing = std::ranges::find_if(response.headers, [](const auto& h) { return h.first == "ETag"; });
  std::string etag = existing != response.headers.end() ? existing->second : strong_etag(response.body);
  if (existing == response.headers.end()) response.headers.emplace_back("ETag", etag);
  if (if_none_match && etag_matches(*if_none_match, etag)) {
    response.status = 304;
    response.body.clear();
    response.content_type.clear();
  }
}

}  // namespace snai::api
