#include "api/routes/json_body.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "api/server/error_response.hpp"
#include "core/utf8.hpp"

namespace snai::api {

namespace {
constexpr std::string_view kContentTypeField = "Content-Type";

Error type_error(std::string_view key, std::string_view expected) {
  return {ErrorCode::invalid_argument, fmt::format("{} must be {}", key, expected), std::string(key)};
}
}  // namespace

const nlohmann::json* JsonObject::field(std::string_view key) const {
  known_.emplace_back(key);
  auto it = value_.find(key);
  if (it == value_.end() || it->is_null()) return nullptr;
  return &*it;
}

Result<std::optional<std::string>> JsonObject::string(std::string_view key, std::size_t max_bytes) const {
  const auto* v = field(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) return fail(type_error(key, "a string"));
  const auto& s = v->get_ref<const std::string&>();
  if (s.size() > max_bytes)
    return fail(ErrorCode::invalid_argument, fmt::format("{} is longer than {} bytes", key, max_bytes), std::string(key));
  return s;
}

Result<std::optional<std::int64_t>> JsonObject::integer(std::string_view key, std::int64_t min, std::int64_t max) const {
  const auto* v = field(key);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) return fail(type_error(key, "an integer"));
  // Unsigned values above INT64_MAX are out of range too.
  if (v->is_number_unsigned() && v->get<std::uint64_t>() > std::uint64_t(max))
    return fail(ErrorCode::invalid_argument, fmt::format("{} must be {}-{}", key, min, max), std::string(key));
  auto n = v->get<std::int64_t>();
  if (n < min || n > max)
    return fail(ErrorCode::invalid_argument, fmt::format("{} must be {}-{}, got {}", key, min, max, n), std::string(key));
  return n;
}

Result<std::optional<bool>> JsonObject::boolean(std::string_view key) const {
  const auto* v = field(key);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) return fail(type_error(key, "true or false"));
  return v->get<bool>();
}

Result<std::optional<std::vector<std::string>>> JsonObject::strings(std::string_view key, std::size_t max_items,
                                                                    std::size_t max_bytes) const {
  const auto* v = field(key);
  if (!v) return std::nullopt;
  if (!v->is_array()) return fail(type_error(key, "an array of strings"));
  if (v->size() > max_items)
    return fail(ErrorCode::invalid_argument, fmt::format("{} holds at most {} items", key, max_items), std::string(key));
  std::vector<std::string> out;
  for (const auto& item : *v) {
    if (!item.is_string()) return fail(type_error(key, "an array of strings"));
    const auto& s = item.get_ref<const std::string&>();
    if (s.size() > max_bytes)
      return fail(ErrorCode::invalid_argument, fmt::format("{} items are at most {} bytes", key, max_bytes),
                  std::string(key));
    out.push_back(s);
  }
  return out;
}

Result<std::optional<double>> JsonObject::number(std::string_view key, double min, double max) const {
  const auto* v = field(key);
  if (!v) return std::nullopt;
  if (!v->is_number()) return fail(type_error(key, "a number"));
  auto n = v->get<double>();
  if (!(n >= min && n <= max))
    return fail(ErrorCode::invalid_argument, fmt::format("{} must be between {} and {}", key, min, max),
                std::string(key));
  return n;
}

Result<const nlohmann::json*> JsonObject::object(std::string_view key, std::size_t max_bytes) const {
  const auto* v = field(key);
  if (!v) return nullptr;
  if (!v->is_object()) return fail(type_error(key, "an object"));
  if (v->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size() > max_bytes)
    return fail(ErrorCode::invalid_argument, fmt::format("{} is larger than {} bytes", key, max_bytes),
                std::string(key));
  return v;
}

Result<const nlohmann::json*> JsonObject::array(std::string_view key, std::size_t max_items) const {
  const auto* v = field(key);
  if (!v) return nullptr;
  if (!v->is_array()) return fail(type_error(key, "an array"));
  if (v->size() > max_items)
    return fail(ErrorCode::invalid_argument, fmt::format("{} holds at most {} items", key, max_items), std::string(key));
  return v;
}

Status JsonObject::reject_unknown() const {
  for (const auto& [key, value] : value_.items())
    if (std::ranges::find(known_, key) == known_.end())
      return fail(ErrorCode::invalid_argument, fmt::format("unknown field \"{}\"", key), key);
  return ok();
}

Status check_json_content_type(const Request& request) {
  auto type = request.header("Content-Type");
  if (!type || !(type->starts_with("application/json") && (type->size() == 16 || (*type)[16] == ';' || (*type)[16] == ' ')))
    return fail(ErrorCode::invalid_argument, "the body must be JSON (Content-Type: application/json)",
                std::string(kContentTypeField));
  return ok();
}

Result<JsonObject> parse_json_body(const Request& request) {
  if (auto type = check_json_content_type(request); !type) return fail(type.error());
  return parse_json_text(request.body());
}

Result<JsonObject> parse_json_text(std::string_view body) {
  if (body.empty()) return fail(ErrorCode::invalid_argument, "the body is empty: send a JSON object", "body");
  if (!is_valid_utf8(body)) return fail(ErrorCode::invalid_argument, "the body is not valid UTF-8", "body");
  int depth = 0;
  bool too_deep = false;
  auto limit_depth = [&](int level, nlohmann::json::parse_event_t event, nlohmann::json&) {
    if (event == nlohmann::json::parse_event_t::object_start || event == nlohmann::json::parse_event_t::array_start)
      depth = std::max(depth, level + 1);
    if (depth > kMaxJsonDepth) too_deep = true;
    return !too_deep;
  };
  auto value = nlohmann::json::parse(body, limit_depth, /*allow_exceptions=*/false);
  if (too_deep)
    return fail(ErrorCode::invalid_argument, fmt::format("the body nests deeper than {} levels", kMaxJsonDepth), "body");
  if (value.is_discarded()) {
    // Parse again with exceptions for the position of the first error.
    try {
      auto ignored = nlohmann::json::parse(body);
    (void)ignored;
    } catch (const nlohmann::json::parse_error& e) {
      return fail(ErrorCode::invalid_argument, fmt::format("malformed JSON at byte {}", e.byte), "body");
    }
    return fail(ErrorCode::invalid_argument, "malformed JSON", "body");
  }
  if (!value.is_object()) return fail(ErrorCode::invalid_argument, "the body must be a JSON object", "body");
  return JsonObject(std::move(value));
}

Response json_body_error_response(const Error& error) {
  if (error.field == kContentTypeField) {
    auto response = json_response(415, error_json("unsupported_media_type", error.message, error.field));
    return response;
  }
  return error_response(error);
}

}  // namespace snai::api
