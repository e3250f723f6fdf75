#include "storage/postgres/migrations.hpp"

namespace snai::storage::pg {
namespace {

// Ids are UUIDv7 text compared byte-wise (COLLATE "C"), so ORDER BY id is creation order
// whatever the database's default collation is, and cursors compare the same way.
constexpr Migration kMigrations[] = {
    {1, "users, api keys, projects, names, feedback, events", R"sql(
CREATE TABLE users (
  id text COLLATE "C" PRIMARY KEY,
  email text NOT NULL UNIQUE,
  display_name text NOT NULL DEFAULT '',
  created_ms bigint NOT NULL
);
CREATE TABLE api_keys (
  id text COLLATE "C" PRIMARY KEY,
  user_id text COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  label text NOT NULL DEFAULT '',
  prefix text NOT NULL,
  secret_sha256 text NOT NULL UNIQUE,
  created_ms bigint NOT NULL,
  revoked_ms bigint
);
CREATE INDEX api_keys_user ON api_keys (user_id, id);
CREATE TABLE projects (
  id text COLLATE "C" PRIMARY KEY,
  owner_id text COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  description text NOT NULL,
  keywords jsonb NOT NULL DEFAULT '[]',
  constraints jsonb NOT NULL DEFAULT '{}',
  created_ms bigint NOT NULL
);
CREATE INDEX projects_owner ON projects (owner_id, id);
CREATE TABLE names (
  id text COLLATE "C" PRIMARY KEY,
  project_id text COLLATE "C" NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name text NOT NULL,
  style text NOT NULL,
  score double precision NOT NULL,
  parts jsonb NOT NULL DEFAULT '[]',
  created_ms bigint NOT NULL,
  UNIQUE (project_id, name)
);
CREATE INDEX names_project ON names (project_id, id);
CREATE TABLE feedback (
  user_id text COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name_id text COLLATE "C" NOT NULL REFERENCES names(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('favorite', 'dismiss')),
  updated_ms bigint NOT NULL,
  PRIMARY KEY (user_id, name_id)
);
CREATE INDEX feedback_name ON feedback (name_id);
CREATE TABLE events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type text NOT NULL,
  user_id text COLLATE "C" NOT NULL DEFAULT '',
  project_id text COLLATE "C" NOT NULL DEFAULT '',
  properties jsonb NOT NULL DEFAULT '{}',
  ts_ms bigint NOT NULL
);
CREATE INDEX events_type ON events (type, seq);
CREATE INDEX events_user ON events (user_id, seq);
CREATE INDEX events_project ON events (project_id, seq);
CREATE INDEX events_ts ON events (ts_ms);
)sql"},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

}  // namespace snai::storage::pg
