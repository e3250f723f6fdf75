#include "api/routes/event_routes.hpp"

#include <fmt/format.h>
#include <set>

#include "api/middleware/tenancy.hpp"
#include "api/routes/json_body.hpp"
#include "api/server/error_response.hpp"

namespace snai::api {
namespace {

constexpr std::size_t kMaxEvents = 1000, kMaxTypeChars = 100, kMaxPropertiesBytes = 8 * 1024;
constexpr std::int64_t kMaxTsMs = 253'402'300'799'999;  // 9999-12-31T23:59:59.999Z

Error in_item(Error error, std::size_t index) {
  error.field = fmt::format("events[{}]{}{}", index, error.field.empty() ? "" : ".", error.field);
  error.message = fmt::format("events[{}]: {}", index, error.message);
  return error;
}

bool is_event_type(std::string_view type) {
  if (type.empty() || type.size() > kMaxTypeChars) return false;
  for (char c : type)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')) return false;
  return true;
}

Result<storage::NewEvent> parse_event(const nlohmann::json& item, const Caller& caller) {
  if (!item.is_object()) return fail(ErrorCode::invalid_argument, "each event must be an object", "");
  JsonObject fields(item);
  auto type = fields.string("type", kMaxTypeChars);
  if (!type) return fail(type.error());
  if (!*type) return fail(ErrorCode::invalid_argument, "type is required", "type");
  if (!is_event_type(**type))
    return fail(ErrorCode::invalid_argument, "type must be 1-100 characters of a-z, 0-9, '.', '_' and '-'", "type");
  auto project_id = fields.string("project_id", 64);
  if (!project_id) return fail(project_id.error());
  auto properties = fields.object("properties", kMaxPropertiesBytes);
  if (!properties) return fail(properties.error());
  auto ts_ms = fields.integer("ts_ms", 0, kMaxTsMs);
  if (!ts_ms) return fail(ts_ms.error());
  if (auto unknown = fields.reject_unknown(); !unknown) return fail(unknown.error());
  return storage::NewEvent{.type = std::move(**type),
                           .user_id = caller.user_id,
                           .project_id = project_id->value_or(""),
                           .properties = *properties ? **properties : nlohmann::json::object(),
                           .ts_ms = *ts_ms};
}

Result<std::vector<storage::NewEvent>> parse_events_body(const Request& http, const Caller& caller) {
  auto body = parse_json_body(http);
  if (!body) return fail(body.error());
  auto items = body->array("events", kMaxEvents);
  if (!items) return fail(items.error());
  if (!*items || (*items)->empty())
    return fail(ErrorCode::invalid_argument, fmt::format("events is required: 1-{} events", kMaxEvents), "events");
  if (auto unknown = body->reject_unknown(); !unknown) return fail(unknown.error());
  std::vector<storage::NewEvent> events;
  events.reserve((*items)->size());
  for (std::size_t i = 0; i < (*items)->size(); ++i) {
    auto event = parse_event((**items)[i], caller);
    if (!event) return fail(in_item(event.error(), i));
    events.push_back(std::move(*event));
  }
  return events;
}

}  // namespace

void add_event_routes(Router& router, const ServerDeps& deps) {
  storage::Storage* storage = &deps.storage;
  router.post("/v1/events", with_caller([storage](const Request& http, const Caller& caller) {
    auto events = parse_events_body(http, caller);
    if (!events) return json_body_error_response(events.error());
    // Events may only be filed against the caller's own projects: each distinct id once.
    std::set<std::string_view> checked;
    for (std::size_t i = 0; i < events->size(); ++i) {
      const std::string& project_id = (*events)[i].project_id;
      if (project_id.empty() || !checked.insert(project_id).second) continue;
      auto project = owned_project(*storage, caller, project_id, "project_id");
      if (!project) return error_response(in_item(project.error(), i));
    }
    auto seqs = storage->append_events(*events);
    if (!seqs) return error_response(seqs.error());
    return json_response(202, {{"accepted", seqs->size()}, {"seqs", *seqs}});
  }), Access::key_required);
}

}  // namespace snai::api
