// Users and their API keys.
#include "core/clock.hpp"
#include "core/id.hpp"
#include "storage/api_key_secret.hpp"
#include "storage/postgres/postgres_storage_internal.hpp"
#include "storage/validate.hpp"

namespace snai::storage::pg {
namespace {

constexpr Statement kInsertUser{
    "insert_user", "INSERT INTO users (id, email, display_name, created_ms) VALUES ($1, $2, $3, $4::bigint)"};
constexpr Statement kUserById{"user_by_id", "SELECT id, email, display_name, created_ms FROM users WHERE id = $1"};
constexpr Statement kUserByEmail{"user_by_email",
                                 "SELECT id, email, display_name, created_ms FROM users WHERE email = $1"};
constexpr Statement kInsertApiKey{"insert_api_key",
                                  "INSERT INTO api_keys (id, user_id, label, prefix, secret_sha256, created_ms) "
                                  "VALUES ($1, $2, $3, $4, $5, $6::bigint)"};
constexpr Statement kApiKeysOfUser{"api_keys_of_user",
                                   "SELECT id, user_id, label, prefix, created_ms, revoked_ms FROM api_keys "
                                   "WHERE user_id = $1 ORDER BY id"};
constexpr Statement kAllApiKeys{"all_api_keys",
                                "SELECT id, user_id, label, prefix, created_ms, revoked_ms FROM api_keys ORDER BY id"};
constexpr Statement kRevokeApiKey{
    "revoke_api_key", "UPDATE api_keys SET revoked_ms = coalesce(revoked_ms, $2::bigint) WHERE id = $1"};
constexpr Statement kUserBySecret{"user_by_secret",
                                  "SELECT u.id, u.email, u.display_name, u.created_ms "
                                  "FROM api_keys k JOIN users u ON u.id = k.user_id "
                                  "WHERE k.secret_sha256 = $1 AND k.revoked_ms IS NULL"};

User read_user(const Rows& rows, int row) {
  return {rows.text(row, 0), rows.text(row, 1), rows.text(row, 2), rows.integer(row, 3)};
}

}  // namespace

Result<User> PostgresStorage::create_user(const NewUser& user) {
  if (auto st = validate(user); !st) return fail(st.error());
  User created{new_id(), *normalize_email(user.email), user.display_name, now_unix_ms()};
  return with_connection(Retry::never, [&](Connection& conn) -> Result<User> {
    auto rows = conn.exec(kInsertUser, {created.id, created.email, created.display_name, created.created_ms});
    if (!rows && rows.error().code == ErrorCode::conflict)
      return email_taken(created.email);
    if (!rows) return fail(rows.error());
    return created;
  });
}

Result<User> PostgresStorage::get_user(std::string_view id) {
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<User> {
    auto rows = conn.exec(kUserById, {id});
    if (!rows) return fail(rows.error());
    if (rows->size() == 0) return not_found("user", id);
    return read_user(*rows, 0);
  });
}

Result<User> PostgresStorage::find_user_by_email(std::string_view email) {
  auto normalized = normalize_email(email);
  if (!normalized) return fail(normalized.error());
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<User> {
    auto rows = conn.exec(kUserByEmail, {*normalized});
    if (!rows) return fail(rows.error());
    if (rows->size() == 0) return not_found("user with email", *normalized, "email");
    return read_user(*rows, 0);
  });
}

Result<IssuedApiKey> PostgresStorage::issue_api_key(std::string_view user_id, std::string_view label) {
  if (auto st = validate_api_key_label(label); !st) return fail(st.error());
  auto issued = new_api_key(user_id, label);
  return with_connection(Retry::never, [&](Connection& conn) -> Result<IssuedApiKey> {
    const auto& k = issued.key;
    auto rows = conn.exec(kInsertApiKey, {k.id, k.user_id, k.label, k.prefix, api_key_hash(issued.secret), k.created_ms});
    if (!rows && rows.error().code == ErrorCode::not_found)  // the user_id foreign key
      return not_found("user", user_id, "user_id");
    if (!rows) return fail(rows.error());
    return issued;
  });
}

namespace {

std::vector<ApiKey> read_api_keys(const Rows& rows) {
  std::vector<ApiKey> keys;
  keys.reserve(static_cast<std::size_t>(rows.size()));
  for (int row = 0; row < rows.size(); ++row) {
    ApiKey k{rows.text(row, 0), rows.text(row, 1), rows.text(row, 2), rows.text(row, 3), rows.integer(row, 4), {}};
    if (!rows.is_null(row, 5)) k.revoked_ms = rows.integer(row, 5);
    keys.push_back(std::move(k));
  }
  return keys;
}

}  // namespace

Result<std::vector<ApiKey>> PostgresStorage::list_api_keys(std::string_view user_id) {
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<std::vector<ApiKey>> {
    auto rows = conn.exec(kApiKeysOfUser, {user_id});
    if (!rows) return fail(rows.error());
    return read_api_keys(*rows);
  });
}

Result<std::vector<ApiKey>> PostgresStorage::list_all_api_keys() {
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<std::vector<ApiKey>> {
    auto rows = conn.exec(kAllApiKeys, {});
    if (!rows) return fail(rows.error());
    return read_api_keys(*rows);
  });
}

Status PostgresStorage::revoke_api_key(std::string_view key_id) {
  // Revoking twice keeps the first revocation time, so it is safe to repeat.
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Status {
    auto rows = conn.exec(kRevokeApiKey, {key_id, now_unix_ms()});
    if (!rows) return fail(rows.error());
    if (rows->affected() == 0) return not_found("api key", key_id);
    return ok();
  });
}

Result<User> PostgresStorage::authenticate(std::string_view secret) {
  if (auto st = check_api_key_secret(secret); !st) return fail(st.error());
  auto hash = api_key_hash(secret);
  return with_connection(Retry::idempotent, [&](Connection& conn) -> Result<User> {
    auto rows = conn.exec(kUserBySecret, {hash});
    if (!rows) return fail(rows.error());
    if (rows->size() == 0) return unknown_api_key();
    return read_user(*rows, 0);
  });
}

}  // namespace snai::storage::pg
