// Projects, their generated names, and users' feedback on names.
#include <unordered_set>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "storage/postgres/postgres_storage_internal.hpp"
#include "storage/validate.hpp"

namespace snai::storage::pg {
namespace {

constexpr Statement kInsertProject{"insert_project",
                                   "INSERT INTO projects (id, owner_id, description, keywords, constraints, created_ms) "
                                   "VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::bigint)"};
#define SNAI_PROJECT_COLUMNS "SELECT id, owner_id, description, keywords, constraints, created_ms FROM projects "
constexpr Statement kProjectById{"project_by_id", SNAI_PROJECT_COLUMNS "WHERE id = $1"};
constexpr Statement kProjectsFirst{"projects_first",
                                   SNAI_PROJECT_COLUMNS "WHERE owner_id = $1 ORDER BY id DESC LIMIT $2::int"};
constexpr Statement kProjectsAfter{
    "projects_after", SNAI_PROJECT_COLUMNS "WHERE owner_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3::int"};
// coalesce keeps the stored value for an absent (NULL) field, in one statement (no lost update).
constexpr Statement kUpdateProject{
    "update_project",
    "UPDATE projects SET description = coalesce($2, description), keywords = coalesce($3::jsonb, keywords), "
    "constraints = coalesce($4::jsonb, constraints) WHERE id = $1 "
    "RETURNING id, owner_id, description, keywords, constraints, created_ms"};
// Names and their feedback go by ON DELETE CASCADE, inside this one statement.
constexpr Statement kDeleteProject{"delete_project", "DELETE FROM projects WHERE id = $1"};
#undef SNAI_PROJECT_COLUMNS

constexpr Statement kProjectExists{"project_exists", "SELECT 1 FROM projects WHERE id = $1"};
// One round trip for the whole batch; a name already in the project is skipped here and
// reported by the caller, which then rolls the batch back.
constexpr Statement kInsertNames{
    "insert_names",
    "INSERT INTO names (id, project_id, name, style, score, parts, created_ms) "
    "SELECT x.id, $1, x.name, x.style, x.score, x.parts, $3::bigint "
    "FROM jsonb_to_recordset($2::jsonb) AS x(id text, name text, style text, score float8, parts jsonb) "
    "ON CONFLICT (project_id, name) DO NOTHING RETURNING name"};
#define SNAI_NAME_COLUMNS "SELECT id, project_id, name, style, score, parts, created_ms FROM names "
constexpr Statement kNameById{"name_by_id", SNAI_NAME_COLUMNS "WHERE id = $1"};
constexpr Statement kNamesPage{"names_page",
                               SNAI_NAME_COLUMNS "WHERE project_id = $1 AND id > $2 ORDER BY id LIMIT $3::int"};
constexpr Statement kReviewedNamesPage{
    "reviewed_names_page",
    "SELECT n.id, n.project_id, n.name, n.style, n.score, n.parts, n.created_ms, f.kind FROM names n "
    "LEFT JOIN feedback f ON f.name_id = n.id AND f.user_id = $2 "
    "WHERE n.project_id = $1 AND n.id > $3 ORDER BY n.id LIMIT $4::int"};
constexpr Statement kShortlistPage{
    "shortlist_page",
    "SELECT n.id, n.project_id, n.name, n.style, n.score, n.parts, n.created_ms FROM names n "
    "JOIN feedback f ON f.name_id = n.id AND f.user_id = $2 AND f.kind = 'favorite' "
    "WHERE n.project_id = $1 AND n.id > $3 ORDER BY n.id LIMIT $4::int"};
constexpr Statement kCountNames{
    "count_names",
    "SELECT count(*), count(*) FILTER (WHERE f.kind = 'favorite'), count(*) FILTER (WHERE f.kind = 'dismiss') "
    "FROM names n LEFT JOIN feedback f ON f.name_id = n.id AND f.user_id = $2 WHERE n.project_id = $1"};
#undef SNAI_NAME_COLUMNS

constexpr Statement kUpsertFeedback{
    "upsert_feedback",
    "INSERT INTO feedback (user_id, name_id, kind, updated_ms) VALUES ($1, $2, $3, $4::bigint) "
    "ON CONFLICT (user_id, name_id) DO UPDATE SET kind = excluded.kind, updated_ms = excluded.updated_ms"};
constexpr Statement kDeleteFeedback{"delete_feedback", "DELETE FROM feedback WHERE user_id = $1 AND name_id = $2"};
constexpr Statement kFeedbackPage{"feedback_page",
                                  "SELECT user_id, name_id, kind, updated_ms FROM feedback "
                                  "WHERE user_id = $1 AND name_id > $2 ORDER BY name_id LIMIT $3::int"};

Result<Project> read_project(const Rows& rows, int row) {
  auto keywords = parse_string_list(rows.text(row, 3), "keywords");
  if (!keywords) return fail(keywords.error());
  auto constraints = parse_stored_json(rows.text(row, 4), "constraints");
  if (!constraints) return fail(constraints.error());
  return Project{rows.text(row, 0), rows.text(row, 1), rows.text(row, 2),
                 std::move(*keywords), std::move(*constraints), rows.integer(row, 5)};
}

Result<GeneratedName> read_name(const Rows& rows, int row) {
  auto parts = parse_string_list(rows.text(row, 5), "parts");
  if (!parts) return fail(parts.error());
  return GeneratedName{rows.text(row, 0), rows.text(row, 1), rows.text(row, 2), rows.text(row, 3),
                       rows.real(row, 4), std::move(*parts), rows.integer(row, 6)};
}

Result<Feedback> read_feedback(const Rows& rows, int row) {
  auto kind = parse_stored_feedback_kind(rows.text(row, 2));
  if (!kind) return fail(kind.error());
  return Feedback{rows.text(row, 0), rows.text(row, 1), *kind, rows.integer(row, 3)};
}

}  // namespace

// --- projects ---

Result<Project> PostgresStorage::create_project(const NewProject& project) {
  if (auto st = validate(project); !st) return fail(st.error());
  Project created{new_id(), project.owner_id, project.description, project.keywords, project.constraints,
                  now_unix_ms()};
  return with_connection(Retry::never, [&](Connection& conn) -> Result<Project> {
    auto rows = conn.exec(kInsertProject, {created.id, created.owner_id, created.description,
                                           to_json_text(Json(created.keywords)), to_json_text(created.constraints),
                                           created.created_ms});
    if (!rows && rows.error().code == ErrorCode::not_found)  // the owner_id foreign key
      return owner_not_found(project.owner_id);
    if (!rows) return fail(rows.error());
    return created;
  });
}

Result<Project> PostgresStorage::get_project(std::string_view id) {
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<Project> {
    auto rows = conn.exec(kProjectById, {id});
    if (!rows) return fail(rows.error());
    if (rows->size() == 0) return not_found("project", id);
    return read_project(*rows, 0);
  });
}

Result<Page<Project>> PostgresStorage::list_projects(std::string_view owner_id, const PageRequest& page) {
  if (auto st = validate(page); !st) return fail(st.error());
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<Page<Project>> {
    auto rows = page.after.empty() ? conn.exec(kProjectsFirst, {owner_id, page.limit + 1})
                                   : conn.exec(kProjectsAfter, {owner_id, page.after, page.limit + 1});
    if (!rows) return fail(rows.error());
    return collect_page<Project>(*rows, page.limit, read_project, [](const Project& p) { return p.id; });
  });
}

Result<Project> PostgresStorage::update_project(std::string_view id, const ProjectPatch& patch) {
  if (auto st = validate(patch); !st) return fail(st.error());
  Param description = patch.description ? Param(*patch.description) : Param(std::nullopt);
  Param keywords = patch.keywords ? Param(to_json_text(Json(*patch.keywords))) : Param(std::nullopt);
  Param constraints = patch.constraints ? Param(to_json_text(*patch.constraints)) : Param(std::nullopt);
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<Project> {  // same effect when repeated
    auto rows = conn.exec(kUpdateProject, {id, description, keywords, constraints});
    if (!rows) return fail(rows.error());
    if (rows->size() == 0) return not_found("project", id);
    return read_project(*rows, 0);
  });
}

Status PostgresStorage::delete_project(std::string_view id) {
  return with_connection(Retry::never, [&](Connection& conn) -> Status {
    auto rows = conn.exec(kDeleteProject, {id});
    if (!rows) return fail(rows.error());
    if (rows->affected() == 0) return not_found("project", id);
    return ok();
  });
}

// --- generated names ---

Result<std::vector<GeneratedName>> PostgresStorage::add_names(std::string_view project_id,
                                                             const std::vector<NewName>& names) {
  if (auto st = validate(names); !st) return fail(st.error());

  auto now = now_unix_ms();
  std::vector<GeneratedName> stored;
  stored.reserve(names.size());
  Json batch = Json::array();
  for (const auto& n : names) {
    stored.push_back({new_id(), std::string(project_id), n.name, n.style, n.score, n.parts, now});
    const auto& g = stored.back();
    batch.push_back({{"id", g.id}, {"name", g.name}, {"style", g.style}, {"score", g.score}, {"parts", g.parts}});
  }

  return with_connection(Retry::transaction, [&](Connection& conn) -> Result<std::vector<GeneratedName>> {
    return in_transaction(conn, [&]() -> Result<std::vector<GeneratedName>> {
      auto project = conn.exec(kProjectExists, {project_id});
      if (!project) return fail(project.error());
      if (project->size() == 0)
        return not_found("project", project_id, "project_id");
      std::unordered_set<std::string_view> seen;
      for (const auto& n : names)
        if (!seen.insert(n.name).second)
          return fail(ErrorCode::conflict, fmt::format("name '{}' appears twice in the batch", n.name), "name");
      if (names.empty()) return stored;

      auto inserted = conn.exec(kInsertNames, {project_id, to_json_text(batch), now});
      if (!inserted && inserted.error().code == ErrorCode::not_found)  // the project went away meanwhile
        return not_found("project", project_id, "project_id");
      if (!inserted) return fail(inserted.error());
      if (inserted->size() != static_cast<int>(names.size())) {
        std::unordered_set<std::string> added;
        for (int row = 0; row < inserted->size(); ++row) added.insert(inserted->text(row, 0));
        for (const auto& n : names)
          if (!added.contains(n.name))
            return name_taken(n.name, project_id);
      }
      return stored;
    });
  });
}

Result<GeneratedName> PostgresStorage::get_name(std::string_view id) {
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<GeneratedName> {
    auto rows = conn.exec(kNameById, {id});
    if (!rows) return fail(rows.error());
    if (rows->size() == 0) return not_found("name", id);
    return read_name(*rows, 0);
  });
}

Result<Page<GeneratedName>> PostgresStorage::list_names(std::string_view project_id, const PageRequest& page) {
  if (auto st = validate(page); !st) return fail(st.error());
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<Page<GeneratedName>> {
    auto rows = conn.exec(kNamesPage, {project_id, page.after, page.limit + 1});
    if (!rows) return fail(rows.error());
    return collect_page<GeneratedName>(*rows, page.limit, read_name, [](const GeneratedName& n) { return n.id; });
  });
}

Result<Page<ReviewedName>> PostgresStorage::list_reviewed_names(std::string_view project_id, std::string_view user_id,
                                                               const PageRequest& page) {
  if (auto st = validate(page); !st) return fail(st.error());
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<Page<ReviewedName>> {
    auto rows = conn.exec(kReviewedNamesPage, {project_id, user_id, page.after, page.limit + 1});
    if (!rows) return fail(rows.error());
    auto read = [](const Rows& r, int row) -> Result<ReviewedName> {
      auto name = read_name(r, row);
      if (!name) return fail(name.error());
      ReviewedName reviewed{std::move(*name), std::nullopt};
      if (!r.is_null(row, 7)) {
        auto kind = parse_stored_feedback_kind(r.text(row, 7));
        if (!kind) return fail(kind.error());
        reviewed.feedback = *kind;
      }
      return reviewed;
    };
    return collect_page<ReviewedName>(*rows, page.limit, read, [](const ReviewedName& r) { return r.name.id; });
  });
}

Result<Page<GeneratedName>> PostgresStorage::list_shortlist(std::string_view project_id, std::string_view user_id,
                                                           const PageRequest& page) {
  if (auto st = validate(page); !st) return fail(st.error());
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<Page<GeneratedName>> {
    auto rows = conn.exec(kShortlistPage, {project_id, user_id, page.after, page.limit + 1});
    if (!rows) return fail(rows.error());
    return collect_page<GeneratedName>(*rows, page.limit, read_name, [](const GeneratedName& n) { return n.id; });
  });
}

Result<NameCounts> PostgresStorage::count_names(std::string_view project_id, std::string_view user_id) {
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<NameCounts> {
    auto rows = conn.exec(kCountNames, {project_id, user_id});
    if (!rows) return fail(rows.error());
    return NameCounts{rows->integer(0, 0), rows->integer(0, 1), rows->integer(0, 2)};
  });
}

// --- feedback ---

Result<Feedback> PostgresStorage::set_feedback(std::string_view user_id, std::string_view name_id, FeedbackKind kind) {
  Feedback feedback{std::string(user_id), std::string(name_id), kind, now_unix_ms()};
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<Feedback> {  // an upsert: safe to repeat
    auto rows = conn.exec(kUpsertFeedback, {feedback.user_id, feedback.name_id, to_string(kind), feedback.updated_ms});
    if (!rows && rows.error().code == ErrorCode::not_found) {  // a foreign key: which one says the field
      if (rows.error().field == "name_id")
        return not_found("name", name_id, "name_id");
      return not_found("user", user_id, "user_id");
    }
    if (!rows) return fail(rows.error());
    return feedback;
  });
}

Status PostgresStorage::clear_feedback(std::string_view user_id, std::string_view name_id) {
  return with_connection(Retry::never, [&](Connection& conn) -> Status {
    auto rows = conn.exec(kDeleteFeedback, {user_id, name_id});
    if (!rows) return fail(rows.error());
    if (rows->affected() == 0) return feedback_not_found();
    return ok();
  });
}

Result<Page<Feedback>> PostgresStorage::list_feedback(std::string_view user_id, const PageRequest& page) {
  if (auto st = validate(page); !st) return fail(st.error());
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<Page<Feedback>> {
    auto rows = conn.exec(kFeedbackPage, {user_id, page.after, page.limit + 1});
    if (!rows) return fail(rows.error());
    return collect_page<Feedback>(*rows, page.limit, read_feedback, [](const Feedback& f) { return f.name_id; });
  });
}

}  // namespace snai::storage::pg
