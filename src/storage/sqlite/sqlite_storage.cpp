#include "storage/sqlite/sqlite_storage.hpp"

#include <filesystem>
#include <fmt/format.h>

#include "core/clock.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/sqlite_storage_internal.hpp"

namespace snai::storage {
namespace sqlite {
namespace {

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

}  // namespace

Status check_not_newer(std::int64_t version, const std::string& path) {
  int supported = latest_version(migrations());
  if (version > supported)
    return fail(ErrorCode::failed_precondition,
                fmt::format("database '{}' has schema version {}, newer than this snai supports ({}); upgrade snai",
                            path, version, supported));
  return ok();
}

Status SqliteStorage::ping() {
  auto conn = pool_.lease();
  if (!conn) return fail(conn.error());
  return (*conn)->exec("SELECT 1");
}

Result<int> SqliteStorage::schema_version() {
  auto conn = pool_.lease();
  if (!conn) return fail(conn.error());
  auto version = current_version(**conn);
  if (!version) return fail(version.error());
  return static_cast<int>(*version);
}

Result<int> SqliteStorage::migrate() {
  auto conn = pool_.lease();
  if (!conn) return fail(conn.error());
  return in_transaction(**conn, [&]() -> Result<int> {
    if (auto st = (*conn)->exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                                "name TEXT NOT NULL, applied_ms INTEGER NOT NULL)");
        !st)
      return fail(st.error());
    auto version = current_version(**conn);
    if (!version) return fail(version.error());
    if (auto st = check_not_newer(*version, path_); !st) return fail(st.error());
    for (const auto& m : migrations()) {
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

}  // namespace sqlite

Result<std::unique_ptr<Storage>> open_sqlite(const std::string& path, const SqliteOptions& options) {
  std::error_code ec;
  auto dir = std::filesystem::path(path).parent_path();
  if (!dir.empty() && !std::filesystem::exists(dir, ec)) {
    std::filesystem::create_directories(dir, ec);
    if (ec)
      return fail(ErrorCode::unavailable, fmt::format("cannot create directory '{}': {}", dir.string(), ec.message()));
  }
  auto storage = std::make_unique<sqlite::SqliteStorage>(path, options);
  auto version = storage->schema_version();  // opens the first connection: checks the file is SQLite
  if (!version) return fail(version.error());
  if (auto st = sqlite::check_not_newer(*version, path); !st) return fail(st.error());
  return std::unique_ptr<Storage>(std::move(storage));
}

}  // namespace snai::storage
