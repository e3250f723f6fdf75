#include "storage/postgres/postgres_storage.hpp"

#include "core/clock.hpp"
#include "storage/postgres/migrations.hpp"
#include "storage/postgres/postgres_storage_internal.hpp"

namespace snai::storage {
namespace pg {
namespace {

// pg_advisory_xact_lock(kLockSpace, kMigrationLock): one migrating instance at a time.
constexpr std::string_view kLockMigrations = "SELECT pg_advisory_xact_lock(1936613737, 1)";  // 0x736e6169 "snai"

constexpr Statement kPing{"ping", "SELECT 1"};
constexpr Statement kHasMigrationsTable{"has_schema_migrations", "SELECT to_regclass('schema_migrations') IS NOT NULL"};
constexpr Statement kMaxVersion{"schema_version", "SELECT coalesce(max(version), 0) FROM schema_migrations"};
constexpr Statement kRecordMigration{
    "record_migration", "INSERT INTO schema_migrations (version, name, applied_ms) VALUES ($1::int, $2, $3::bigint)"};

Result<int> read_version(Connection& conn) {
  auto exists = conn.exec(kHasMigrationsTable);
  if (!exists) return fail(exists.error());
  if (exists->text(0, 0) != "t") return 0;
  auto version = conn.exec(kMaxVersion);
  if (!version) return fail(version.error());
  return static_cast<int>(version->integer(0, 0));
}

Status check_not_newer(int version) {
  int supported = latest_version(migrations());
  if (version > supported)
    return fail(ErrorCode::failed_precondition,
                fmt::format("database schema version {} is newer than this snai supports ({}); upgrade snai", version,
                            supported));
  return ok();
}

}  // namespace

Status PostgresStorage::ping() {
  return with_connection(Retry::idempotent, [](Connection& conn) -> Status {
    if (auto rows = conn.exec(kPing); !rows) return fail(rows.error());
    return ok();
  });
}

Result<int> PostgresStorage::schema_version() { return with_connection(Retry::idempotent, read_version); }

Result<int> PostgresStorage::migrate() {
  return with_connection(Retry::transaction, [](Connection& conn) -> Result<int> {
    return in_transaction(conn, [&]() -> Result<int> {
      // The lock comes first: CREATE TABLE IF NOT EXISTS itself races between sessions.
      if (auto st = conn.exec_script(kLockMigrations); !st) return fail(st.error());
      if (auto st = conn.exec_script("CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, "
                                     "name text NOT NULL, applied_ms bigint NOT NULL)");
          !st)
        return fail(st.error());
      auto version = read_version(conn);
      if (!version) return fail(version.error());
      if (auto st = check_not_newer(*version); !st) return fail(st.error());
      for (const auto& m : migrations()) {
        if (m.version <= *version) continue;
        if (auto st = conn.exec_script(m.sql); !st)
          return fail(st.error().code, fmt::format("migration {} ({}) failed: {}", m.version, m.name, st.error().message));
        if (auto rows = conn.exec(kRecordMigration, {m.version, m.name, now_unix_ms()}); !rows) return fail(rows.error());
        *version = m.version;
      }
      return *version;
    });
  });
}

}  // namespace pg

Result<std::unique_ptr<Storage>> open_postgres(std::string_view url, const PostgresOptions& options) {
  if (options.pool_size < 1) return fail(ErrorCode::invalid_argument, "pool_size must be at least 1", "pool_size");
  if (options.connect_timeout_s < 1)
    return fail(ErrorCode::invalid_argument, "connect_timeout_s must be at least 1", "connect_timeout_s");
  auto target = pg::ConnectTarget::parse(url, options.connect_timeout_s);
  if (!target) return fail(target.error());
  auto storage = std::make_unique<pg::PostgresStorage>(std::move(*target), options.pool_size);
  auto version = storage->schema_version();  // the first connection: reachable, credentials accepted
  if (!version) return fail(version.error());
  if (auto st = pg::check_not_newer(*version); !st) return fail(st.error());
  return std::unique_ptr<Storage>(std::move(storage));
}

}  // namespace snai::storage
