#include "storage/sqlite/sqlite_storage.hpp"

#include <filesystem>
#include <fmt/format.h>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "storage/api_key_secret.hpp"
#include "storage/sqlite/database.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/stored_json.hpp"
#include "storage/validate.hpp"

namespace snai::storage {
namespace {

using sqlite::Connection;
using sqlite::ConnectionPool;
using sqlite::Statement;

Result<std::int64_t> current_version(Connection& conn) {
  auto exists = conn.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  if (!exists) return fail(exists.error());
  if (auto row = exists->step(); !row) return fail(row.error());
  if (exists->integer(0) == 0) return 0;
  auto version = conn.prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!version) return fail(version.error());
  if (auto row = version->step(); !row) return fail(row.error());
  return version->integer(0);
}

Status check_not_newer(std::int64_t version, const std::string& path) {
  int supported = latest_version(sqlite::migrations());
  if (version > supported)
    return fail(ErrorCode::failed_precondition,
                fmt::format("database '{}' has schema version {}, newer than this snai supports ({}); upgrade snai",
                            path, version, supported));
  return ok();
}

// Reads one row of the users table selected as: id, email, display_name, created_ms.
User read_user(const Statement& s) { return {s.text(0), s.text(1), s.text(2), s.integer(3)}; }

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

Result<Event> read_event(const Statement& s) {
  auto properties = parse_stored_json(s.text(4), "properties");
  if (!properties) return fail(properties.error());
  return Event{s.integer(0), s.text(1), s.text(2), s.text(3), std::move(*properties), s.integer(5)};
}

// Collects up to `limit` rows read by `read`; fetches one more to know whether a next page exists.
template <class T, class Read, class CursorOf>
Result<Page<T>> collect_page(Statement& s, int limit, Read read, CursorOf cursor_of) {
  Page<T> page;
  while (true) {
    auto row = s.step();
    if (!row) return fail(row.error());
    if (!*row) break;
    if (static_cast<int>(page.items.size()) == limit) {
      page.next = cursor_of(page.items.back());
      break;
    }
    if constexpr (std::is_same_v<decltype(read(s)), T>) {
      page.items.push_back(read(s));
    } else {
      auto item = read(s);
      if (!item) return fail(item.error());
      page.items.push_back(std::move(*item));
    }
  }
  return page;
}

// Appends " AND column = ?" clauses for the filter's set fields; binds them from index `first`.
struct EventWhere {
  std::string sql = " WHERE 1=1";
  std::vector<std::string> text_args;
  std::vector<std::int64_t> int_args;

  explicit EventWhere(const EventFilter& f) {
    if (!f.type.empty()) sql += " AND type = ?", text_args.push_back(f.type);
    if (!f.user_id.empty()) sql += " AND user_id = ?", text_args.push_back(f.user_id);
    if (!f.project_id.empty()) sql += " AND project_id = ?", text_args.push_back(f.project_id);
    if (f.since_ms) sql += " AND ts_ms >= ?", int_args.push_back(*f.since_ms);
    if (f.until_ms) sql += " AND ts_ms < ?", int_args.push_back(*f.until_ms);
  }
  int bind(Statement& s) const {
    int i = 0;
    for (const auto& t : text_args) s.bind(++i, t);
    for (auto v : int_args) s.bind(++i, v);
    return i;
  }
};

class SqliteStorage final : public Storage {
 public:
  SqliteStorage(std::string path, const SqliteOptions& options)
      : path_(std::move(path)), pool_(path_, options.busy_timeout_ms, options.pool_size) {}

  std::string_view backend() const override { return "sqlite"; }

  PoolStats pool_stats() override { return pool_.stats(); }
  Status ping() override {
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    return (*conn)->exec("SELECT 1");
  }

  Result<int> schema_version() override {
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto version = current_version(**conn);
    if (!version) return fail(version.error());
    return static_cast<int>(*version);
  }

  Result<int> migrate() override {
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    return sqlite::in_transaction(**conn, [&]() -> Result<int> {
      if (auto st = (*conn)->exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                                  "name TEXT NOT NULL, applied_ms INTEGER NOT NULL)");
          !st)
        return fail(st.error());
      auto version = current_version(**conn);
      if (!version) return fail(version.error());
      if (auto st = check_not_newer(*version, path_); !st) return fail(st.error());
      for (const auto& m : sqlite::migrations()) {
        if (m.version <= *version) continue;
        if (auto st = (*conn)->exec(m.sql); !st)
          return fail(st.error().code, fmt::format("migration {} ({}) failed: {}", m.version, m.name, st.error().message));
        auto record = (*conn)->prepare("INSERT INTO schema_migrations (version, name, applied_ms) VALUES (?, ?, ?)");
        if (!record) return fail(record.error());
        if (auto st = record->bind_all(m.version, m.name, now_unix_ms()).run(); !st) return fail(st.error());
        *version = m.version;
      }
      return static_cast<int>(*version);
    });
  }

  // --- users and API keys ---

  Result<User> create_user(const NewUser& user) override {
    if (auto st = validate(user); !st) return fail(st.error());
    User created{new_id(), *normalize_email(user.email), user.display_name, now_unix_ms()};
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare("INSERT INTO users (id, email, display_name, created_ms) VALUES (?, ?, ?, ?)");
    if (!s) return fail(s.error());
    if (auto st = s->bind_all(created.id, created.email, created.display_name, created.created_ms).run(); !st) {
      if (st.error().code == ErrorCode::conflict)
        return fail(ErrorCode::conflict, fmt::format("a user with email {} exists", created.email), "email");
      return fail(st.error());
    }
    return created;
  }

  Result<User> get_user(std::string_view id) override {
    return one_user("SELECT id, email, display_name, created_ms FROM users WHERE id = ?", id, "user");
  }

  Result<User> find_user_by_email(std::string_view email) override {
    auto normalized = normalize_email(email);
    if (!normalized) return fail(normalized.error());
    return one_user("SELECT id, email, display_name, created_ms FROM users WHERE email = ?", *normalized, "user with email");
  }

  Result<IssuedApiKey> issue_api_key(std::string_view user_id, std::string_view label) override {
    if (!is_valid_utf8(label) || label.size() > 200)
      return fail(ErrorCode::invalid_argument, "label must be UTF-8 text of at most 200 bytes", "label");
    if (auto user = get_user(user_id); !user) return fail(user.error());
    IssuedApiKey issued;
    issued.secret = new_api_key_secret();
    issued.key = {new_id(), std::string(user_id), std::string(label), issued.secret.substr(0, 12), now_unix_ms(), {}};
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare(
        "INSERT INTO api_keys (id, user_id, label, prefix, secret_sha256, created_ms) VALUES (?, ?, ?, ?, ?, ?)");
    if (!s) return fail(s.error());
    const auto& k = issued.key;
    if (auto st = s->bind_all(k.id, k.user_id, k.label, k.prefix, api_key_hash(issued.secret), k.created_ms).run(); !st)
      return fail(st.error());
    return issued;
  }

  Result<std::vector<ApiKey>> list_api_keys(std::string_view user_id) override { return read_api_keys(user_id); }

  Result<std::vector<ApiKey>> list_all_api_keys() override { return read_api_keys(std::nullopt); }

  // One user's keys, or every key when user_id is absent.
  Result<std::vector<ApiKey>> read_api_keys(std::optional<std::string_view> user_id) {
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare(user_id ? "SELECT id, user_id, label, prefix, created_ms, revoked_ms FROM api_keys "
                                        "WHERE user_id = ? ORDER BY id"
                                      : "SELECT id, user_id, label, prefix, created_ms, revoked_ms FROM api_keys "
                                        "ORDER BY id");
    if (!s) return fail(s.error());
    if (user_id) s->bind(1, *user_id);
    std::vector<ApiKey> keys;
    while (true) {
      auto row = s->step();
      if (!row) return fail(row.error());
      if (!*row) break;
      ApiKey k{s->text(0), s->text(1), s->text(2), s->text(3), s->integer(4), {}};
      if (!s->is_null(5)) k.revoked_ms = s->integer(5);
      keys.push_back(std::move(k));
    }
    return keys;
  }

  Status revoke_api_key(std::string_view key_id) override {
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare("UPDATE api_keys SET revoked_ms = coalesce(revoked_ms, ?) WHERE id = ?");
    if (!s) return fail(s.error());
    if (auto st = s->bind_all(now_unix_ms(), key_id).run(); !st) return st;
    return exists(**conn, "SELECT 1 FROM api_keys WHERE id = ?", key_id, "api key");
  }

  Result<User> authenticate(std::string_view secret) override {
    if (!secret.starts_with("snai_") || secret.size() > 128)
      return fail(ErrorCode::unauthenticated, "API key is malformed");
    auto user = one_user(
        "SELECT u.id, u.email, u.display_name, u.created_ms FROM api_keys k JOIN users u ON u.id = k.user_id "
        "WHERE k.secret_sha256 = ? AND k.revoked_ms IS NULL",
        api_key_hash(secret), "api key");
    if (!user && user.error().code == ErrorCode::not_found)
      return fail(ErrorCode::unauthenticated, "API key is unknown or revoked");
    return user;
  }

  // --- projects ---

  Result<Project> create_project(const NewProject& project) override {
    if (auto st = validate(project); !st) return fail(st.error());
    if (auto owner = get_user(project.owner_id); !owner) {
      if (owner.error().code == ErrorCode::not_found)
        return fail(ErrorCode::not_found, fmt::format("owner {} does not exist", project.owner_id), "owner_id");
      return fail(owner.error());
    }
    Project created{new_id(), project.owner_id, project.description, project.keywords, project.constraints,
                    now_unix_ms()};
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare(
        "INSERT INTO projects (id, owner_id, description, keywords, constraints, created_ms) VALUES (?, ?, ?, ?, ?, ?)");
    if (!s) return fail(s.error());
    if (auto st = s->bind_all(created.id, created.owner_id, created.description, to_json_text(Json(created.keywords)),
                              to_json_text(created.constraints), created.created_ms)
                      .run();
        !st)
      return fail(st.error());
    return created;
  }

  Result<Project> get_project(std::string_view id) override {
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare(
        "SELECT id, owner_id, description, keywords, constraints, created_ms FROM projects WHERE id = ?");
    if (!s) return fail(s.error());
    s->bind(1, id);
    auto row = s->step();
    if (!row) return fail(row.error());
    if (!*row) return fail(ErrorCode::not_found, fmt::format("project {} does not exist", id), "id");
    return read_project(*s);
  }

  Result<Page<Project>> list_projects(std::string_view owner_id, const PageRequest& page) override {
    if (auto st = validate(page); !st) return fail(st.error());
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare(
        "SELECT id, owner_id, description, keywords, constraints, created_ms FROM projects "
        "WHERE owner_id = ? AND (? = '' OR id < ?) ORDER BY id DESC LIMIT ?");
    if (!s) return fail(s.error());
    s->bind_all(owner_id, page.after, page.after, page.limit + 1);
    return collect_page<Project>(*s, page.limit, read_project, [](const Project& p) { return p.id; });
  }

  Result<Project> update_project(std::string_view id, const ProjectPatch& patch) override {
    if (auto st = validate(patch); !st) return fail(st.error());
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    // coalesce keeps the stored value for an absent field, in one statement (no lost update).
    auto s = (*conn)->prepare(
        "UPDATE projects SET description = coalesce(?, description), keywords = coalesce(?, keywords), "
        "constraints = coalesce(?, constraints) WHERE id = ? "
        "RETURNING id, owner_id, description, keywords, constraints, created_ms");
    if (!s) return fail(s.error());
    auto bind_optional = [&](int index, const std::optional<std::string>& text) {
      if (text) s->bind(index, *text);
      else s->bind_null(index);
    };
    bind_optional(1, patch.description);
    bind_optional(2, patch.keywords ? std::optional(to_json_text(Json(*patch.keywords))) : std::nullopt);
    bind_optional(3, patch.constraints ? std::optional(to_json_text(*patch.constraints)) : std::nullopt);
    s->bind(4, id);
    auto row = s->step();
    if (!row) return fail(row.error());
    if (!*row) return fail(ErrorCode::not_found, fmt::format("project {} does not exist", id), "id");
    auto updated = read_project(*s);
    if (auto st = s->run(); !st) return fail(st.error());
    return updated;
  }

  Status delete_project(std::string_view id) override {
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    // Names and their feedback go by ON DELETE CASCADE, inside this one statement.
    auto s = (*conn)->prepare("DELETE FROM projects WHERE id = ? RETURNING 1");
    if (!s) return fail(s.error());
    s->bind(1, id);
    auto row = s->step();
    if (!row) return fail(row.error());
    if (!*row) return fail(ErrorCode::not_found, fmt::format("project {} does not exist", id), "id");
    return s->run();
  }

  // --- generated names ---

  Result<std::vector<GeneratedName>> add_names(std::string_view project_id, const std::vector<NewName>& names) override {
    for (std::size_t i = 0; i < names.size(); ++i)
      if (auto st = validate(names[i]); !st) {
        auto error = st.error();
        error.message = fmt::format("names[{}]: {}", i, error.message);
        return fail(error);
      }
    if (auto project = get_project(project_id); !project) {
      if (project.error().code == ErrorCode::not_found) return fail(ErrorCode::not_found, project.error().message, "project_id");
      return fail(project.error());
    }
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    return sqlite::in_transaction(**conn, [&]() -> Result<std::vector<GeneratedName>> {
      std::vector<GeneratedName> stored;
      stored.reserve(names.size());
      auto s = (*conn)->prepare(
          "INSERT INTO names (id, project_id, name, style, score, parts, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)");
      if (!s) return fail(s.error());
      auto now = now_unix_ms();
      for (const auto& n : names) {
        GeneratedName g{new_id(), std::string(project_id), n.name, n.style, n.score, n.parts, now};
        if (auto st = s->bind_all(g.id, g.project_id, g.name, g.style, g.score, to_json_text(Json(g.parts)), now).run(); !st) {
          if (st.error().code == ErrorCode::conflict)
            return fail(ErrorCode::conflict, fmt::format("name '{}' is already in project {}", n.name, project_id), "name");
          return fail(st.error());
        }
        stored.push_back(std::move(g));
      }
      return stored;
    });
  }

  Result<GeneratedName> get_name(std::string_view id) override {
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare("SELECT id, project_id, name, style, score, parts, created_ms FROM names WHERE id = ?");
    if (!s) return fail(s.error());
    s->bind(1, id);
    auto row = s->step();
    if (!row) return fail(row.error());
    if (!*row) return fail(ErrorCode::not_found, fmt::format("name {} does not exist", id), "id");
    return read_name(*s);
  }

  Result<Page<GeneratedName>> list_names(std::string_view project_id, const PageRequest& page) override {
    if (auto st = validate(page); !st) return fail(st.error());
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare(
        "SELECT id, project_id, name, style, score, parts, created_ms FROM names "
        "WHERE project_id = ? AND id > ? ORDER BY id LIMIT ?");
    if (!s) return fail(s.error());
    s->bind_all(project_id, page.after, page.limit + 1);
    return collect_page<GeneratedName>(*s, page.limit, read_name, [](const GeneratedName& n) { return n.id; });
  }

  Result<Page<ReviewedName>> list_reviewed_names(std::string_view project_id, std::string_view user_id,
                                                 const PageRequest& page) override {
    if (auto st = validate(page); !st) return fail(st.error());
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare(
        "SELECT n.id, n.project_id, n.name, n.style, n.score, n.parts, n.created_ms, f.kind FROM names n "
        "LEFT JOIN feedback f ON f.name_id = n.id AND f.user_id = ? "
        "WHERE n.project_id = ? AND n.id > ? ORDER BY n.id LIMIT ?");
    if (!s) return fail(s.error());
    s->bind_all(user_id, project_id, page.after, page.limit + 1);
    auto read = [](const Statement& st) -> Result<ReviewedName> {
      auto name = read_name(st);
      if (!name) return fail(name.error());
      ReviewedName reviewed{std::move(*name), std::nullopt};
      if (!st.is_null(7)) {
        auto kind = parse_feedback_kind(st.text(7));
        if (!kind) return fail(ErrorCode::data_corrupt, "stored feedback kind is unknown", "kind");
        reviewed.feedback = *kind;
      }
      return reviewed;
    };
    return collect_page<ReviewedName>(*s, page.limit, read, [](const ReviewedName& r) { return r.name.id; });
  }

  Result<Page<GeneratedName>> list_shortlist(std::string_view project_id, std::string_view user_id,
                                             const PageRequest& page) override {
    if (auto st = validate(page); !st) return fail(st.error());
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare(
        "SELECT n.id, n.project_id, n.name, n.style, n.score, n.parts, n.created_ms FROM names n "
        "JOIN feedback f ON f.name_id = n.id AND f.user_id = ? AND f.kind = 'favorite' "
        "WHERE n.project_id = ? AND n.id > ? ORDER BY n.id LIMIT ?");
    if (!s) return fail(s.error());
    s->bind_all(user_id, project_id, page.after, page.limit + 1);
    return collect_page<GeneratedName>(*s, page.limit, read_name, [](const GeneratedName& n) { return n.id; });
  }

  Result<NameCounts> count_names(std::string_view project_id, std::string_view user_id) override {
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare(
        "SELECT count(*), coalesce(sum(f.kind = 'favorite'), 0), coalesce(sum(f.kind = 'dismiss'), 0) FROM names n "
        "LEFT JOIN feedback f ON f.name_id = n.id AND f.user_id = ? WHERE n.project_id = ?");
    if (!s) return fail(s.error());
    s->bind_all(user_id, project_id);
    if (auto row = s->step(); !row) return fail(row.error());
    return NameCounts{s->integer(0), s->integer(1), s->integer(2)};
  }

  // --- feedback ---

  Result<Feedback> set_feedback(std::string_view user_id, std::string_view name_id, FeedbackKind kind) override {
    if (auto user = get_user(user_id); !user) return fail(user.error().code, user.error().message, "user_id");
    if (auto name = get_name(name_id); !name) return fail(name.error().code, name.error().message, "name_id");
    Feedback f{std::string(user_id), std::string(name_id), kind, now_unix_ms()};
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare(
        "INSERT INTO feedback (user_id, name_id, kind, updated_ms) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (user_id, name_id) DO UPDATE SET kind = excluded.kind, updated_ms = excluded.updated_ms");
    if (!s) return fail(s.error());
    if (auto st = s->bind_all(f.user_id, f.name_id, to_string(kind), f.updated_ms).run(); !st) return fail(st.error());
    return f;
  }

  Status clear_feedback(std::string_view user_id, std::string_view name_id) override {
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare("DELETE FROM feedback WHERE user_id = ? AND name_id = ? RETURNING 1");
    if (!s) return fail(s.error());
    s->bind_all(user_id, name_id);
    auto row = s->step();
    if (!row) return fail(row.error());
    if (!*row) return fail(ErrorCode::not_found, "no feedback from this user on this name", "name_id");
    return s->run();
  }

  Result<Page<Feedback>> list_feedback(std::string_view user_id, const PageRequest& page) override {
    if (auto st = validate(page); !st) return fail(st.error());
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare(
        "SELECT user_id, name_id, kind, updated_ms FROM feedback WHERE user_id = ? AND name_id > ? "
        "ORDER BY name_id LIMIT ?");
    if (!s) return fail(s.error());
    s->bind_all(user_id, page.after, page.limit + 1);
    auto read = [](const Statement& st) -> Result<Feedback> {
      auto kind = parse_feedback_kind(st.text(2));
      if (!kind) return fail(ErrorCode::data_corrupt, "stored feedback kind is unknown", "kind");
      return Feedback{st.text(0), st.text(1), *kind, st.integer(3)};
    };
    return collect_page<Feedback>(*s, page.limit, read, [](const Feedback& f) { return f.name_id; });
  }

  // --- events ---

  Result<std::vector<std::int64_t>> append_events(const std::vector<NewEvent>& events) override {
    for (std::size_t i = 0; i < events.size(); ++i)
      if (auto st = validate(events[i]); !st) {
        auto error = st.error();
        error.message = fmt::format("events[{}]: {}", i, error.message);
        return fail(error);
      }
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    return sqlite::in_transaction(**conn, [&]() -> Result<std::vector<std::int64_t>> {
      std::vector<std::int64_t> seqs;
      seqs.reserve(events.size());
      auto s = (*conn)->prepare(
          "INSERT INTO events (type, user_id, project_id, properties, ts_ms) VALUES (?, ?, ?, ?, ?)");
      if (!s) return fail(s.error());
      auto now = now_unix_ms();
      for (const auto& e : events) {
        if (auto st = s->bind_all(e.type, e.user_id, e.project_id, to_json_text(e.properties), e.ts_ms.value_or(now)).run(); !st)
          return fail(st.error());
        seqs.push_back((*conn)->last_insert_rowid());
      }
      return seqs;
    });
  }

  Result<Page<Event>> list_events(const EventFilter& filter, const PageRequest& page) override {
    if (auto st = validate(page); !st) return fail(st.error());
    auto after = parse_seq_cursor(page.after);
    if (!after) return fail(after.error());
    EventWhere where(filter);
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare("SELECT seq, type, user_id, project_id, properties, ts_ms FROM events" + where.sql +
                              " AND seq > ? ORDER BY seq LIMIT ?");
    if (!s) return fail(s.error());
    int i = where.bind(*s);
    s->bind(i + 1, *after).bind(i + 2, page.limit + 1);
    return collect_page<Event>(*s, page.limit, read_event, [](const Event& e) { return std::to_string(e.seq); });
  }

  Result<std::int64_t> count_events(const EventFilter& filter) override {
    EventWhere where(filter);
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare("SELECT count(*) FROM events" + where.sql);
    if (!s) return fail(s.error());
    where.bind(*s);
    if (auto row = s->step(); !row) return fail(row.error());
    return s->integer(0);
  }

 private:
  Result<User> one_user(std::string_view sql, std::string_view arg, std::string_view what) {
    auto conn = pool_.lease();
    if (!conn) return fail(conn.error());
    auto s = (*conn)->prepare(sql);
    if (!s) return fail(s.error());
    s->bind(1, arg);
    auto row = s->step();
    if (!row) return fail(row.error());
    if (!*row) return fail(ErrorCode::not_found, fmt::format("{} {} does not exist", what, arg), "id");
    return read_user(*s);
  }

  static Status exists(Connection& conn, std::string_view sql, std::string_view arg, std::string_view what) {
    auto s = conn.prepare(sql);
    if (!s) return fail(s.error());
    s->bind(1, arg);
    auto row = s->step();
    if (!row) return fail(row.error());
    if (!*row) return fail(ErrorCode::not_found, fmt::format("{} {} does not exist", what, arg), "id");
    return ok();
  }

  std::string path_;
  ConnectionPool pool_;
};

}  // namespace

Result<std::unique_ptr<Storage>> open_sqlite(const std::string& path, const SqliteOptions& options) {
  std::error_code ec;
  auto dir = std::filesystem::path(path).parent_path();
  if (!dir.empty() && !std::filesystem::exists(dir, ec)) {
    std::filesystem::create_directories(dir, ec);
    if (ec)
      return fail(ErrorCode::unavailable, fmt::format("cannot create directory '{}': {}", dir.string(), ec.message()));
  }
  auto storage = std::make_unique<SqliteStorage>(path, options);
  auto version = storage->schema_version();  // opens the first connection: checks the file is SQLite
  if (!version) return fail(version.error());
  if (auto st = check_not_newer(*version, path); !st) return fail(st.error());
  return std::unique_ptr<Storage>(std::move(storage));
}

}  // namespace snai::storage
