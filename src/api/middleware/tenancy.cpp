#include "api/middleware/tenancy.hpp"

#include <fmt/format.h>

namespace snai::api {
namespace {

// Ids are UUIDv7 text (36 bytes); anything much longer cannot exist and is not worth a query.
constexpr std::size_t kMaxIdBytes = 64;

Error missing(std::string_view what, std::string_view id, std::string_view field) {
  std::string shown = id.size() <= kMaxIdBytes ? std::string(id) : std::string(id.substr(0, kMaxIdBytes)) + "...";
  return {ErrorCode::not_found, fmt::format("{} {} does not exist", what, shown), std::string(field)};
}

}  // namespace

Result<storage::Project> owned_project(storage::Storage& storage, const Caller& caller, std::string_view id,
                                       std::string_view field) {
  if (id.empty() || id.size() > kMaxIdBytes) return fail(missing("project", id, field));
  auto project = storage.get_project(id);
  if (!project) {
    if (project.error().code == ErrorCode::not_found) return fail(missing("project", id, field));
    return fail(project.error());
  }
  if (project->owner_id != caller.user_id) return fail(missing("project", id, field));
  return project;
}

Result<storage::GeneratedName> owned_name(storage::Storage& storage, const Caller& caller, std::string_view id,
                                          std::string_view field) {
  if (id.empty() || id.size() > kMaxIdBytes) return fail(missing("name", id, field));
  auto name = storage.get_name(id);
  if (!name) {
    if (name.error().code == ErrorCode::not_found) return fail(missing("name", id, field));
    return fail(name.error());
  }
  auto project = owned_project(storage, caller, name->project_id, field);
  if (!project) {
    if (project.error().code == ErrorCode::not_found) return fail(missing("name", id, field));
    return fail(project.error());
  }
  return name;
}

}  // namespace snai::api
