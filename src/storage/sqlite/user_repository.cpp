// Users and their API keys.
#include <fmt/format.h>

#include "core/clock.hpp"
#include "core/id.hpp"
#include "storage/api_key_secret.hpp"
#include "storage/sqlite/sqlite_storage_internal.hpp"
#include "storage/validate.hpp"

namespace snai::storage::sqlite {
namespace {

constexpr std::string_view kUserById = "SELECT id, email, display_name, created_ms FROM users WHERE id = ?";
constexpr std::string_view kUserByEmail = "SELECT id, email, display_name, created_ms FROM users WHERE email = ?";
constexpr std::string_view kUserBySecret =
    "SELECT u.id, u.email, u.display_name, u.created_ms FROM api_keys k JOIN users u ON u.id = k.user_id "
    "WHERE k.secret_sha256 = ? AND k.revoked_ms IS NULL";

// Reads one row of the users table selected as: id, email, display_name, created_ms.
User read_user(const Statement& s) { return {s.text(0), s.text(1), s.text(2), s.integer(3)}; }

}  // namespace

Result<User> SqliteStorage::create_user(const NewUser& user) {
  if (auto st = validate(user); !st) return fail(st.error());
  User created{new_id(), *normalize_email(user.email), user.display_name, now_unix_ms()};
  auto st = execute("INSERT INTO users (id, email, display_name, created_ms) VALUES (?, ?, ?, ?)", created.id,
                    created.email, created.display_name, created.created_ms);
  if (!st && st.error().code == ErrorCode::conflict) return email_taken(created.email);
  if (!st) return fail(st.error());
  return created;
}

Result<User> SqliteStorage::get_user(std::string_view id) {
  return one_row<User>(kUserById, read_user, [&] { return not_found("user", id); }, id);
}

Result<User> SqliteStorage::find_user_by_email(std::string_view email) {
  auto normalized = normalize_email(email);
  if (!normalized) return fail(normalized.error());
  return one_row<User>(kUserByEmail, read_user, [&] { return not_found("user with email", *normalized, "email"); },
                       *normalized);
}

Result<IssuedApiKey> SqliteStorage::issue_api_key(std::string_view user_id, std::string_view label) {
  if (auto st = validate_api_key_label(label); !st) return fail(st.error());
  auto user = one_row<User>(kUserById, read_user, [&] { return not_found("user", user_id, "user_id"); }, user_id);
  if (!user) return fail(user.error());
  auto issued = new_api_key(user_id, label);
  const auto& k = issued.key;
  if (auto st = execute("INSERT INTO api_keys (id, user_id, label, prefix, secret_sha256, created_ms) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        k.id, k.user_id, k.label, k.prefix, api_key_hash(issued.secret), k.created_ms);
      !st)
    return fail(st.error());
  return issued;
}

Result<std::vector<ApiKey>> SqliteStorage::list_api_keys(std::string_view user_id) { return read_api_keys(user_id); }

Result<std::vector<ApiKey>> SqliteStorage::list_all_api_keys() { return read_api_keys(std::nullopt); }

Result<std::vector<ApiKey>> SqliteStorage::read_api_keys(std::optional<std::string_view> user_id) {
  auto read = [&](Statement& s) -> Result<std::vector<ApiKey>> {
    if (user_id) s.bind(1, *user_id);
    std::vector<ApiKey> keys;
    while (true) {
      auto row = s.step();
      if (!row) return fail(row.error());
      if (!*row) return keys;
      ApiKey k{s.text(0), s.text(1), s.text(2), s.text(3), s.integer(4), {}};
      if (!s.is_null(5)) k.revoked_ms = s.integer(5);
      keys.push_back(std::move(k));
    }
  };
  return with_statement(user_id ? "SELECT id, user_id, label, prefix, created_ms, revoked_ms FROM api_keys "
                                  "WHERE user_id = ? ORDER BY id"
                                : "SELECT id, user_id, label, prefix, created_ms, revoked_ms FROM api_keys ORDER BY id",
                        read);
}

Status SqliteStorage::revoke_api_key(std::string_view key_id) {
  return touch_one("UPDATE api_keys SET revoked_ms = coalesce(revoked_ms, ?) WHERE id = ? RETURNING 1",
                   [&] { return not_found("api key", key_id); }, now_unix_ms(), key_id);
}

Result<User> SqliteStorage::authenticate(std::string_view secret) {
  if (auto st = check_api_key_secret(secret); !st) return fail(st.error());
  return one_row<User>(kUserBySecret, read_user, [] { return unknown_api_key(); }, api_key_hash(secret));
}

}  // namespace snai::storage::sqlite
