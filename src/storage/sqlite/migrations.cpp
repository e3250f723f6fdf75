#include "storage/sqlite/migrations.hpp"

namespace snai::storage::sqlite {
namespace {

constexpr Migration kMigrations[] = {
    {1, "users, api keys, projects, names, feedback, events", R"sql(
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL DEFAULT '',
  created_ms INTEGER NOT NULL
);
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  label TEXT NOT NULL DEFAULT '',
  prefix TEXT NOT NULL,
  secret_sha256 TEXT NOT NULL UNIQUE,
  created_ms INTEGER NOT NULL,
  revoked_ms INTEGER
);
CREATE INDEX api_keys_user ON api_keys(user_id);
CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  description TEXT NOT NULL,
  keywords TEXT NOT NULL DEFAULT '[]',
  constraints TEXT NOT NULL DEFAULT '{}',
  created_ms INTEGER NOT NULL
);
CREATE INDEX projects_owner ON projects(owner_id, id);
CREATE TABLE names (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  style TEXT NOT NULL,
  score REAL NOT NULL,
  parts TEXT NOT NULL DEFAULT '[]',
  created_ms INTEGER NOT NULL,
  UNIQUE (project_id, name)
);
CREATE INDEX names_project ON names(project_id, id);
CREATE TABLE feedback (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name_id TEXT NOT NULL REFERENCES names(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('favorite', 'dismiss')),
  updated_ms INTEGER NOT NULL,
  PRIMARY KEY (user_id, name_id)
);
CREATE TABLE events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  user_id TEXT NOT NULL DEFAULT '',
  project_id TEXT NOT NULL DEFAULT '',
  properties TEXT NOT NULL DEFAULT '{}',
  ts_ms INTEGER NOT NULL
);
CREATE INDEX events_type_ts ON events(type, ts_ms);
CREATE INDEX events_user ON events(user_id, seq);
CREATE INDEX events_project ON events(project_id, seq);
CREATE INDEX events_ts ON events(ts_ms);
)sql"},
    // Deleting a project cascades names -> feedback; without this index every deleted name
    // would scan the whole feedback table (its key starts with user_id).
    {2, "feedback by name", R"sql(
CREATE INDEX feedback_name ON feedback(name_id);
)sql"},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

}  // namespace snai::storage::sqlite
