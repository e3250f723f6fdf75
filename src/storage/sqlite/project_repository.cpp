// Projects, their generated names, and users' feedback on names.
#include <fmt/format.h>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "storage/sqlite/sqlite_storage_internal.hpp"
#include "storage/stored_json.hpp"
#include "storage/validate.hpp"

namespace snai::storage::sqlite {
namespace {

#define SNAI_PROJECT_COLUMNS "SELECT id, owner_id, description, keywords, constraints, created_ms FROM projects "
#define SNAI_NAME_COLUMNS "SELECT id, project_id, name, style, score, parts, created_ms FROM names "
constexpr std::string_view kProjectById = SNAI_PROJECT_COLUMNS "WHERE id = ?";
constexpr std::string_view kProjectsPage =
    SNAI_PROJECT_COLUMNS "WHERE owner_id = ? AND (? = '' OR id < ?) ORDER BY id DESC LIMIT ?";
constexpr std::string_view kNameById = SNAI_NAME_COLUMNS "WHERE id = ?";
constexpr std::string_view kNamesPage = SNAI_NAME_COLUMNS "WHERE project_id = ? AND id > ? ORDER BY id LIMIT ?";
#undef SNAI_PROJECT_COLUMNS
#undef SNAI_NAME_COLUMNS

Result<Project> read_project(const Statement& s) {
  auto keywords = parse_string_list(s.text(3), "keywords");
  if (!keywords) return fail(keywords.error());
  auto constraints = parse_stored_json(s.text(4), "constraints");
  if (!constraints) return fail(constraints.error());
  return Project{s.text(0), s.text(1), s.text(2), std::move(*keywords), std::move(*constraints), s.integer(5)};
}

Result<GeneratedName> read_name(const Statement& s) {
  auto parts = parse_string_list(s.text(5), "parts");
  if (!parts) return fail(parts.error());
  return GeneratedName{s.text(0), s.text(1), s.text(2), s.text(3), s.real(4), std::move(*parts), s.integer(6)};
}

std::string name_cursor(const GeneratedName& name) { return name.id; }  // the cursor of a page of names

Result<Feedback> read_feedback(const Statement& s) {
  auto kind = parse_stored_feedback_kind(s.text(2));
  if (!kind) return fail(kind.error());
  return Feedback{s.text(0), s.text(1), *kind, s.integer(3)};
}

}  // namespace

// --- projects ---

Result<Project> SqliteStorage::create_project(const NewProject& project) {
  if (auto st = validate(project); !st) return fail(st.error());
  if (auto owner = get_user(project.owner_id); !owner) {
    if (owner.error().code == ErrorCode::not_found) return owner_not_found(project.owner_id);
    return fail(owner.error());
  }
  Project created{new_id(), project.owner_id, project.description, project.keywords, project.constraints,
                  now_unix_ms()};
  if (auto st = execute(
          "INSERT INTO projects (id, owner_id, description, keywords, constraints, created_ms) VALUES (?, ?, ?, ?, ?, ?)",
          created.id, created.owner_id, created.description, to_json_text(Json(created.keywords)),
          to_json_text(created.constraints), created.created_ms);
      !st)
    return fail(st.error());
  return created;
}

Result<Project> SqliteStorage::get_project(std::string_view id) {
  return one_row<Project>(kProjectById, read_project, [&] { return not_found("project", id); }, id);
}

Result<Page<Project>> SqliteStorage::list_projects(std::string_view owner_id, const PageRequest& page) {
  if (auto st = validate(page); !st) return fail(st.error());
  return page_of<Project>(kProjectsPage, page.limit, read_project, [](const Project& p) { return p.id; }, owner_id,
                          page.after, page.after, page.limit + 1);
}

Result<Project> SqliteStorage::update_project(std::string_view id, const ProjectPatch& patch) {
  if (auto st = validate(patch); !st) return fail(st.error());
  // coalesce keeps the stored value for an absent (NULL) field, in one statement (no lost update).
  auto update = [&](Statement& s) {
    auto bind_optional = [&](int index, const std::optional<std::string>& text) {
      if (text) s.bind(index, *text);
      else s.bind_null(index);
    };
    bind_optional(1, patch.description);
    bind_optional(2, patch.keywords ? std::optional(to_json_text(Json(*patch.keywords))) : std::nullopt);
    bind_optional(3, patch.constraints ? std::optional(to_json_text(*patch.constraints)) : std::nullopt);
    s.bind(4, id);
    return read_one<Project>(s, read_project, [&] { return not_found("project", id); });
  };
  return with_statement(
      "UPDATE projects SET description = coalesce(?, description), keywords = coalesce(?, keywords), "
      "constraints = coalesce(?, constraints) WHERE id = ? "
      "RETURNING id, owner_id, description, keywords, constraints, created_ms",
      update);
}

Status SqliteStorage::delete_project(std::string_view id) {
  // Names and their feedback go by ON DELETE CASCADE, inside this one statement.
  return touch_one("DELETE FROM projects WHERE id = ? RETURNING 1", [&] { return not_found("project", id); }, id);
}

// --- generated names ---

Result<std::vector<GeneratedName>> SqliteStorage::add_names(std::string_view project_id,
                                                           const std::vector<NewName>& names) {
  if (auto st = validate(names); !st) return fail(st.error());
  if (auto project = get_project(project_id); !project) {
    if (project.error().code == ErrorCode::not_found) return not_found("project", project_id, "project_id");
    return fail(project.error());
  }
  auto conn = pool_.lease();
  if (!conn) return fail(conn.error());
  return in_transaction(**conn, [&]() -> Result<std::vector<GeneratedName>> {
    std::vector<GeneratedName> stored;
    stored.reserve(names.size());
    auto s = (*conn)->prepare(
        "INSERT INTO names (id, project_id, name, style, score, parts, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!s) return fail(s.error());
    auto now = now_unix_ms();
    for (const auto& n : names) {
      GeneratedName g{new_id(), std::string(project_id), n.name, n.style, n.score, n.parts, now};
      if (auto st = s->bind_all(g.id, g.project_id, g.name, g.style, g.score, to_json_text(Json(g.parts)), now).run();
          !st) {
        if (st.error().code == ErrorCode::conflict) return name_taken(n.name, project_id);
        return fail(st.error());
      }
      stored.push_back(std::move(g));
    }
    return stored;
  });
}

Result<GeneratedName> SqliteStorage::get_name(std::string_view id) {
  return one_row<GeneratedName>(kNameById, read_name, [&] { return not_found("name", id); }, id);
}

Result<Page<GeneratedName>> SqliteStorage::list_names(std::string_view project_id, const PageRequest& page) {
  if (auto st = validate(page); !st) return fail(st.error());
  return page_of<GeneratedName>(kNamesPage, page.limit, read_name, name_cursor, project_id, page.after, page.limit + 1);
}

Result<Page<ReviewedName>> SqliteStorage::list_reviewed_names(std::string_view project_id, std::string_view user_id,
                                                             const PageRequest& page) {
  if (auto st = validate(page); !st) return fail(st.error());
  auto read = [](const Statement& st) -> Result<ReviewedName> {
    auto name = read_name(st);
    if (!name) return fail(name.error());
    ReviewedName reviewed{std::move(*name), std::nullopt};
    if (!st.is_null(7)) {
      auto kind = parse_stored_feedback_kind(st.text(7));
      if (!kind) return fail(kind.error());
      reviewed.feedback = *kind;
    }
    return reviewed;
  };
  return page_of<ReviewedName>(
      "SELECT n.id, n.project_id, n.name, n.style, n.score, n.parts, n.created_ms, f.kind FROM names n "
      "LEFT JOIN feedback f ON f.name_id = n.id AND f.user_id = ? "
      "WHERE n.project_id = ? AND n.id > ? ORDER BY n.id LIMIT ?",
      page.limit, read, [](const ReviewedName& r) { return r.name.id; }, user_id, project_id, page.after,
      page.limit + 1);
}

Result<Page<GeneratedName>> SqliteStorage::list_shortlist(std::string_view project_id, std::string_view user_id,
                                                         const PageRequest& page) {
  if (auto st = validate(page); !st) return fail(st.error());
  return page_of<GeneratedName>(
      "SELECT n.id, n.project_id, n.name, n.style, n.score, n.parts, n.created_ms FROM names n "
      "JOIN feedback f ON f.name_id = n.id AND f.user_id = ? AND f.kind = 'favorite' "
      "WHERE n.project_id = ? AND n.id > ? ORDER BY n.id LIMIT ?",
      page.limit, read_name, name_cursor, user_id, project_id, page.after, page.limit + 1);
}

Result<NameCounts> SqliteStorage::count_names(std::string_view project_id, std::string_view user_id) {
  return one_row<NameCounts>(
      "SELECT count(*), coalesce(sum(f.kind = 'favorite'), 0), coalesce(sum(f.kind = 'dismiss'), 0) FROM names n "
      "LEFT JOIN feedback f ON f.name_id = n.id AND f.user_id = ? WHERE n.project_id = ?",
      [](const Statement& s) { return NameCounts{s.integer(0), s.integer(1), s.integer(2)}; },
      [] { return fail(ErrorCode::internal, "count(*) returned no row"); }, user_id, project_id);
}

// --- feedback ---

Result<Feedback> SqliteStorage::set_feedback(std::string_view user_id, std::string_view name_id, FeedbackKind kind) {
  if (auto user = get_user(user_id); !user) return fail(user.error().code, user.error().message, "user_id");
  if (auto name = get_name(name_id); !name) return fail(name.error().code, name.error().message, "name_id");
  Feedback f{std::string(user_id), std::string(name_id), kind, now_unix_ms()};
  if (auto st = execute(
          "INSERT INTO feedback (user_id, name_id, kind, updated_ms) VALUES (?, ?, ?, ?) "
          "ON CONFLICT (user_id, name_id) DO UPDATE SET kind = excluded.kind, updated_ms = excluded.updated_ms",
          f.user_id, f.name_id, to_string(kind), f.updated_ms);
      !st)
    return fail(st.error());
  return f;
}

Status SqliteStorage::clear_feedback(std::string_view user_id, std::string_view name_id) {
  return touch_one("DELETE FROM feedback WHERE user_id = ? AND name_id = ? RETURNING 1",
                   [] { return feedback_not_found(); }, user_id, name_id);
}

Result<Page<Feedback>> SqliteStorage::list_feedback(std::string_view user_id, const PageRequest& page) {
  if (auto st = validate(page); !st) return fail(st.error());
  return page_of<Feedback>(
      "SELECT user_id, name_id, kind, updated_ms FROM feedback WHERE user_id = ? AND name_id > ? "
      "ORDER BY name_id LIMIT ?",
      page.limit, read_feedback, [](const Feedback& f) { return f.name_id; }, user_id, page.after, page.limit + 1);
}

}  // namespace snai::storage::sqlite
