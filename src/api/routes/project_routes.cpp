#include "api/routes/project_routes.hpp"

#include <fmt/format.h>

#include "api/middleware/tenancy.hpp"
#include "api/routes/json_body.hpp"
#include "api/routes/project_export.hpp"
#include "api/routes/project_json.hpp"
#include "api/routes/query_params.hpp"
#include "api/server/error_response.hpp"
#include "generate/style.hpp"
#include "storage/validate.hpp"

namespace snai::api {
namespace {

constexpr std::size_t kMaxDescriptionBytes = 2000, kMaxKeywords = 50, kMaxKeywordBytes = 100;
constexpr std::size_t kMaxConstraintsBytes = 8 * 1024;
constexpr std::size_t kMaxNamesPerCall = 1000, kMaxNameBytes = 100, kMaxParts = 20, kMaxPartBytes = 100;
constexpr int kShortlistLimit = 1000;

Result<storage::ProjectPatch> parse_project_body(const Request& http, bool create) {
  auto body = parse_json_body(http);
  if (!body) return fail(body.error());
  storage::ProjectPatch patch;
  auto description = body->string("description", kMaxDescriptionBytes);
  if (!description) return fail(description.error());
  if (create && !*description) return fail(ErrorCode::invalid_argument, "description is required", "description");
  patch.description = std::move(*description);
  auto keywords = body->strings("keywords", kMaxKeywords, kMaxKeywordBytes);
  if (!keywords) return fail(keywords.error());
  patch.keywords = std::move(*keywords);
  auto constraints = body->object("constraints", kMaxConstraintsBytes);
  if (!constraints) return fail(constraints.error());
  if (*constraints) patch.constraints = **constraints;
  if (auto unknown = body->reject_unknown(); !unknown) return fail(unknown.error());
  // The storage rules (non-empty text, NUL, keyword count) answered here with the same fields.
  if (auto valid = storage::validate(patch); !valid) return fail(valid.error());
  return patch;
}

// An error about one item of a batch names it: "names[3].score".
Error in_item(Error error, std::string_view list, std::size_t index) {
  error.field = fmt::format("{}[{}]{}{}", list, index, error.field.empty() ? "" : ".", error.field);
  error.message = fmt::format("{}[{}]: {}", list, index, error.message);
  return error;
}

Result<storage::NewName> parse_name_item(const nlohmann::json& item) {
  if (!item.is_object()) return fail(ErrorCode::invalid_argument, "each name must be an object", "");
  JsonObject fields(item);
  auto name = fields.string("name", kMaxNameBytes);
  if (!name) return fail(name.error());
  if (!*name || (*name)->empty()) return fail(ErrorCode::invalid_argument, "name is required", "name");
  auto style = fields.string("style", 32);
  if (!style) return fail(style.error());
  if (!*style) return fail(ErrorCode::invalid_argument, "style is required", "style");
  if (!generate::parse_style(**style))
    return fail(ErrorCode::invalid_argument, fmt::format("unknown style \"{}\"", **style), "style");
  auto score = fields.number("score", 0, 100);
  if (!score) return fail(score.error());
  if (!*score) return fail(ErrorCode::invalid_argument, "score is required (0-100)", "score");
  auto parts = fields.strings("parts", kMaxParts, kMaxPartBytes);
  if (!parts) return fail(parts.error());
  // What /v1/generate returns can be sent back whole: its explanation is accepted, not stored.
  if (auto explanation = fields.object("explanation", 64 * 1024); !explanation) return fail(explanation.error());
  if (auto unknown = fields.reject_unknown(); !unknown) return fail(unknown.error());
  storage::NewName out{std::move(**name), std::move(**style), **score, parts->value_or(std::vector<std::string>{})};
  if (auto valid = storage::validate(out); !valid) return fail(valid.error());
  return out;
}

Result<std::vector<storage::NewName>> parse_names_body(const Request& http) {
  auto body = parse_json_body(http);
  if (!body) return fail(body.error());
  auto items = body->array("names", kMaxNamesPerCall);
  if (!items) return fail(items.error());
  if (!*items || (*items)->empty())
    return fail(ErrorCode::invalid_argument, fmt::format("names is required: 1-{} names", kMaxNamesPerCall), "names");
  if (auto unknown = body->reject_unknown(); !unknown) return fail(unknown.error());
  std::vector<storage::NewName> names;
  names.reserve((*items)->size());
  for (std::size_t i = 0; i < (*items)->size(); ++i) {
    auto name = parse_name_item((**items)[i]);
    if (!name) return fail(in_item(name.error(), "names", i));
    names.push_back(std::move(*name));
  }
  return names;
}

Result<storage::PageRequest> page_from(const Request& http, int default_limit) {
  auto query = parse_query(http.query(), {"limit", "after"});
  if (!query) return fail(query.error());
  return query->page(default_limit);
}

nlohmann::json page_json(std::string_view key, nlohmann::json items, const std::string& next) {
  return {{key, std::move(items)}, {"next", next.empty() ? nlohmann::json(nullptr) : nlohmann::json(next)}};
}

std::string_view id_of(const Request& http) { return http.param("id").value_or(""); }

}  // namespace

void add_project_routes(Router& router, const ServerDeps& deps) {
  storage::Storage* storage = &deps.storage;

  router.post("/v1/projects", with_caller([storage](const Request& http, const Caller& caller) {
    auto patch = parse_project_body(http, true);
    if (!patch) return json_body_error_response(patch.error());
    auto project = storage->create_project({.owner_id = caller.user_id,
                                            .description = std::move(*patch->description),
                                            .keywords = patch->keywords.value_or(std::vector<std::string>{}),
                                            .constraints = patch->constraints.value_or(nlohmann::json::object())});
    if (!project) return error_response(project.error());
    Response response = json_response(201, project_json(*project));
    response.headers.emplace_back("Location", "/v1/projects/" + project->id);
    return response;
  }), Access::key_required);

  router.get("/v1/projects", with_caller([storage](const Request& http, const Caller& caller) {
    auto page = page_from(http, 50);
    if (!page) return error_response(page.error());
    auto projects = storage->list_projects(caller.user_id, *page);
    if (!projects) return error_response(projects.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& p : projects->items) items.push_back(project_json(p));
    return json_response(200, page_json("projects", std::move(items), projects->next));
  }), Access::key_required);

  router.get("/v1/projects/:id", with_caller([storage](const Request& http, const Caller& caller) {
    auto project = owned_project(*storage, caller, id_of(http));
    if (!project) return error_response(project.error());
    auto counts = storage->count_names(project->id, caller.user_id);
    if (!counts) return error_response(counts.error());
    auto shortlist = storage->list_shortlist(project->id, caller.user_id, {.limit = kShortlistLimit});
    if (!shortlist) return error_response(shortlist.error());
    nlohmann::json body = project_json(*project);
    body["counts"] = {{"names", counts->names}, {"favorites", counts->favorites}, {"dismissed", counts->dismissed}};
    body["shortlist"] = nlohmann::json::array();
    for (const auto& n : shortlist->items) body["shortlist"].push_back(name_json(n, storage::FeedbackKind::favorite));
    return json_response(200, body);
  }), Access::key_required);

  router.patch("/v1/projects/:id", with_caller([storage](const Request& http, const Caller& caller) {
    // Ownership first: a foreign id is 404 even when the body is also wrong.
    auto project = owned_project(*storage, caller, id_of(http));
    if (!project) return error_response(project.error());
    auto patch = parse_project_body(http, false);
    if (!patch) return json_body_error_response(patch.error());
    auto updated = storage->update_project(project->id, *patch);
    if (!updated) return error_response(updated.error());
    return json_response(200, project_json(*updated));
  }), Access::key_required);

  router.del("/v1/projects/:id", with_caller([storage, name_index = deps.name_index](const Request& http, const Caller& caller) {
    auto project = owned_project(*storage, caller, id_of(http));
    if (!project) return error_response(project.error());
    if (auto deleted = storage->delete_project(project->id); !deleted) return error_response(deleted.error());
    if (name_index) name_index->forget(project->id);  // other instances find out from storage
    Response response;
    response.status = 204;
    return response;
  }), Access::key_required);

  router.get("/v1/projects/:id/names", with_caller([storage](const Request& http, const Caller& caller) {
    auto project = owned_project(*storage, caller, id_of(http));
    if (!project) return error_response(project.error());
    auto page = page_from(http, 100);
    if (!page) return error_response(page.error());
    auto names = storage->list_reviewed_names(project->id, caller.user_id, *page);
    if (!names) return error_response(names.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& n : names->items) items.push_back(name_json(n));
    return json_response(200, page_json("names", std::move(items), names->next));
  }), Access::key_required);

  router.post("/v1/projects/:id/names", with_caller([storage](const Request& http, const Caller& caller) {
    auto project = owned_project(*storage, caller, id_of(http));
    if (!project) return error_response(project.error());
    auto names = parse_names_body(http);
    if (!names) return json_body_error_response(names.error());
    auto stored = storage->add_names(project->id, *names);
    if (!stored) return error_response(stored.error());
    nlohmann::json items = nlohmann::json::array();
    for (const auto& n : *stored) items.push_back(name_json(n, std::nullopt));
    return json_response(201, {{"names", std::move(items)}});
  }), Access::key_required);

  router.get("/v1/projects/:id/export", with_caller([storage](const Request& http, const Caller& caller) {
    auto project = owned_project(*storage, caller, id_of(http));
    if (!project) return error_response(project.error());
    return export_project(*storage, *project, caller, http.query());
  }), Access::key_required);
}

}  // namespace snai::api
