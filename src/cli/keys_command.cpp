// snai keys create|list|revoke: API keys for the HTTP API (`Authorization: Bearer <key>`).
// `create` makes a user (the key's tenant) unless --email names an existing one, issues a key
// and prints its secret once; only a hash of it is stored (storage/api_key_secret.hpp).
//
//   snai keys create --name ci               # tenant ci@keys.local, prints snai_...
//   snai keys create --name laptop --email ada@example.com --json
//   snai keys list
//   snai keys revoke 0192e4c1-7a3b-7c4d-8e5f-0123456789ab
#include <cctype>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "core/clock.hpp"
#include "core/id.hpp"
#include "core/log.hpp"
#include "storage/factory/factory.hpp"

namespace snai::cli {
namespace {

// The configured storage, migrated (a fresh database has no tables yet); nullptr after
// reporting the error.
std::unique_ptr<storage::Storage> open_migrated(std::string_view command, const CommonOptions& options,
                                                int& exit_code) {
  auto config = config_or_report(command, options, exit_code);
  if (!config) return nullptr;
  init_logging(config->log);
  auto storage = storage::open_storage(*config);
  if (!storage) {
    exit_code = report_error(command, storage.error(), options);
    return nullptr;
  }
  if (auto migrated = (*storage)->migrate(); !migrated) {
    exit_code = report_error(command, migrated.error(), options);
    return nullptr;
  }
  return std::move(*storage);
}

// "CI Deploy (eu)" -> "ci-deploy-eu": the local part of a key tenant's email.
std::string slug(std::string_view name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c) && c < 0x80) {
      out += static_cast<char>(std::tolower(c));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
    if (out.size() >= 40) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "key" : out;
}

// The tenant for a new key: the user with --email (created when absent), else a new user
// "<slug>@keys.local" (with a random suffix when that is taken: every such key gets its own
// tenant, so two keys named alike never see each other's projects).
Result<storage::User> tenant_for(storage::Storage& db, std::string_view name, std::string_view email) {
  if (!email.empty()) {
    auto user = db.find_user_by_email(email);
    if (user || user.error().code != ErrorCode::not_found) return user;
    return db.create_user({.email = std::string(email), .display_name = std::string(name)});
  }
  const std::string base = slug(name);
  for (int attempt = 0; attempt < 5; ++attempt) {
    const std::string local = attempt == 0 ? base : base + "-" + random_token(3);
    auto user = db.create_user({.email = local + "@keys.local", .display_name = std::string(name)});
    if (user || user.error().code != ErrorCode::conflict) return user;
  }
  return fail(ErrorCode::conflict, fmt::format("could not find a free email for a tenant named '{}'", name), "name");
}

nlohmann::json key_json(const storage::ApiKey& key) {
  nlohmann::json out = {{"id", key.id},
                        {"name", key.label},
                        {"prefix", key.prefix},
                        {"user_id", key.user_id},
                        {"created", format_iso8601(key.created_ms)},
                        {"revoked", nullptr}};
  if (key.revoked_ms) out["revoked"] = format_iso8601(*key.revoked_ms);
  return out;
}

void add_create(CLI::App& keys, CommonOptions& options, int& exit_code) {
  auto* command = keys.add_subcommand("create", "Issue an API key; its secret is printed once and stored hashed");
  add_common_options(*command, options);
  static std::string name, email;
  command->add_option("--name", name, "What the key is for (shown by `keys list`)")->required();
  command->add_option("--email", email,
                      "The user (tenant) the key belongs to, created when new (default: a new tenant "
                      "<name>@keys.local)");
  command->callback([&] {
    if (name.empty() || name.size() > 200) {
      exit_code = report_error("keys create", {ErrorCode::invalid_argument, "--name must be 1 to 200 bytes", "name"},
                               options, kExitUsage);
      return;
    }
    auto db = open_migrated("keys create", options, exit_code);
    if (!db) return;
    auto user = tenant_for(*db, name, email);
    if (!user) {
      const bool usage = user.error().code == ErrorCode::invalid_argument;
      exit_code = report_error("keys create", user.error(), options, usage ? kExitUsage : kExitFailure);
      return;
    }
    auto issued = db->issue_api_key(user->id, name);
    if (!issued) {
      exit_code = report_error("keys create", issued.error(), options);
      return;
    }
    if (options.json) {
      std::cout << nlohmann::json{{"id", issued->key.id},
                                  {"name", issued->key.label},
                                  {"key", issued->secret},
                                  {"user_id", user->id},
                                  {"email", user->email}}
                       .dump()
                << "\n";
    } else {
      std::cout << fmt::format("created API key {} '{}' for {} (user {})\n", issued->key.id, issued->key.label,
                               user->email, user->id)
                << "\nkey: " << issued->secret << "\n\n"
                << "This is the only time the key is shown: only a hash of it is stored.\n"
                << "Send it as `Authorization: Bearer <key>`.\n";
    }
    exit_code = kExitOk;
  });
}

void add_list(CLI::App& keys, CommonOptions& options, int& exit_code) {
  auto* command = keys.add_subcommand("list", "List every API key (never the secrets)");
  add_common_options(*command, options);
  command->callback([&] {
    auto db = open_migrated("keys list", options, exit_code);
    if (!db) return;
    auto all = db->list_all_api_keys();
    if (!all) {
      exit_code = report_error("keys list", all.error(), options);
      return;
    }
    if (options.json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& key : *all) out.push_back(key_json(key));
      std::cout << nlohmann::json{{"keys", out}}.dump() << "\n";
    } else if (all->empty()) {
      std::cout << "no API keys; create one with `snai keys create --name NAME`\n";
    } else {
      std::cout << fmt::format("{:<36}  {:<12}  {:<24}  {:<8}  {}\n", "ID", "PREFIX", "CREATED", "STATUS", "NAME");
      for (const auto& key : *all) {
        std::cout << fmt::format("{:<36}  {:<12}  {:<24}  {:<8}  {}\n", key.id, key.prefix,
                                 format_iso8601(key.created_ms), key.revoked_ms ? "revoked" : "active", key.label);
      }
    }
    exit_code = kExitOk;
  });
}

void add_revoke(CLI::App& keys, CommonOptions& options, int& exit_code) {
  auto* command = keys.add_subcommand("revoke", "Revoke an API key by id: it stops working at once");
  add_common_options(*command, options);
  static std::string id;
  command->add_option("id", id, "The key's id (from `keys list`)")->required();
  command->callback([&] {
    auto db = open_migrated("keys revoke", options, exit_code);
    if (!db) return;
    if (auto revoked = db->revoke_api_key(id); !revoked) {
      exit_code = report_error("keys revoke", revoked.error(), options);
      return;
    }
    if (options.json) {
      std::cout << nlohmann::json{{"id", id}, {"revoked", true}}.dump() << "\n";
    } else {
      std::cout << "revoked API key " << id << "\n";
    }
    exit_code = kExitOk;
  });
}

}  // namespace

void add_keys_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto* keys = app.add_subcommand("keys", "Manage API keys for the HTTP API (create, list, revoke)");
  keys->require_subcommand(1);
  add_create(*keys, options, exit_code);
  add_list(*keys, options, exit_code);
  add_revoke(*keys, options, exit_code);
}

}  // namespace snai::cli
