// `snai keys create|list|revoke` as an operator uses them, on the embedded SQLite database: the
// secret is printed once, stored only as a hash, and revocation shows in the list.
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include "core/id.hpp"
#include "support/process.hpp"

namespace snai::testing {
namespace {

namespace fs = std::filesystem;

class KeysCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("snai_keys_" + random_token(6));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  Outcome snai(std::vector<std::string> args) {
    args.insert(args.begin(), SNAI_BINARY);
    return run({.args = args, .env = {{"SNAI_DATA_DIR", (dir_ / "var").string()}}, .cwd = dir_.string()});
  }

  nlohmann::json snai_json(std::vector<std::string> args) {
    args.push_back("--json");
    auto out = snai(args);
    EXPECT_EQ(out.exit_code, 0) << out.err;
    auto parsed = nlohmann::json::parse(out.out, nullptr, false);
    EXPECT_FALSE(parsed.is_discarded()) << out.out;
    return parsed;
  }

  // What the database holds for a key: {secret_sha256, prefix}.
  std::pair<std::string, std::string> stored(const std::string& key_id) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open((dir_ / "var" / "snai.db").c_str(), &db), SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT secret_sha256, prefix FROM api_keys WHERE id = ?", -1, &s, nullptr),
              SQLITE_OK);
    sqlite3_bind_text(s, 1, key_id.c_str(), -1, SQLITE_TRANSIENT);
    std::pair<std::string, std::string> row;
    if (sqlite3_step(s) == SQLITE_ROW) {
      row = {reinterpret_cast<const char*>(sqlite3_column_text(s, 0)),
             reinterpret_cast<const char*>(sqlite3_column_text(s, 1))};
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return row;
  }

  // Every byte under var/ (database, WAL, anything else).
  std::string all_stored_bytes() {
    std::string bytes;
    for (const auto& entry : fs::recursive_directory_iterator(dir_ / "var")) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return bytes;
  }

  fs::path dir_;
};

TEST_F(KeysCliTest, CreatePrintsTheSecretOnceAndStoresOnlyItsHash) {
  auto created = snai_json({"keys", "create", "--name", "CI deploy"});
  ASSERT_TRUE(created.is_object()) << created;
  const std::string key = created.value("key", "");
  const std::string id = created.value("id", "");
  EXPECT_EQ(created["name"], "CI deploy");
  EXPECT_EQ(created["email"], "ci-deploy@keys.local");
  EXPECT_FALSE(created.value("user_id", "").empty());
  ASSERT_TRUE(key.starts_with("snai_")) << key;
  EXPECT_EQ(key.size(), 53u);

  const auto [hash, prefix] = stored(id);
  EXPECT_NE(hash, key);
  EXPECT_EQ(hash, sha256_hex(key));
  EXPECT_TRUE(key.starts_with(prefix));
  EXPECT_LT(prefix.size(), 16u);  // a recognisable prefix, far from the 192-bit secret
  EXPECT_EQ(all_stored_bytes().find(key.substr(5)), std::string::npos) << "the secret is stored in clear";

  // The human form shows the secret exactly once.
  auto plain = snai({"keys", "create", "--name", "laptop"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  auto at = plain.out.find("snai_");
  ASSERT_NE(at, std::string::npos) << plain.out;
  EXPECT_EQ(plain.out.find("snai_", at + 1), std::string::npos) << plain.out;
  EXPECT_NE(plain.out.find("only time"), std::string::npos) << plain.out;
}

TEST_F(KeysCliTest, EachKeyWithoutEmailGetsItsOwnTenantWhileEmailReusesTheUser) {
  auto a = snai_json({"keys", "create", "--name", "ci"});
  auto b = snai_json({"keys", "create", "--name", "ci"});
  EXPECT_NE(a["user_id"], b["user_id"]);
  EXPECT_NE(a["email"], b["email"]);
  EXPECT_NE(a["key"], b["key"]);

  auto ada1 = snai_json({"keys", "create", "--name", "laptop", "--email", "Ada@Example.com"});
  auto ada2 = snai_json({"keys", "create", "--name", "phone", "--email", "ada@example.com"});
  EXPECT_EQ(ada1["user_id"], ada2["user_id"]);
  EXPECT_EQ(ada1["email"], "ada@example.com");

  auto bad = snai({"keys", "create", "--name", "x", "--email", "not an email"});
  EXPECT_EQ(bad.exit_code, 2) << bad.err;
}

TEST_F(KeysCliTest, ListShowsKeysWithoutSecretsAndRevokeShowsThere) {
  auto empty = snai_json({"keys", "list"});
  EXPECT_EQ(empty["keys"].size(), 0u);
  auto first = snai_json({"keys", "create", "--name", "one"});
  auto second = snai_json({"keys", "create", "--name", "two"});

  auto listed = snai({"keys", "list", "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(listed.out.find(first["key"].get<std::string>().substr(5)), std::string::npos);
  auto keys = nlohmann::json::parse(listed.out)["keys"];
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0]["id"], first["id"]);
  EXPECT_EQ(keys[0]["name"], "one");
  EXPECT_EQ(keys[1]["user_id"], second["user_id"]);
  EXPECT_TRUE(keys[0]["revoked"].is_null());

  auto revoked = snai({"keys", "revoke", first["id"].get<std::string>()});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
  keys = snai_json({"keys", "list"})["keys"];
  EXPECT_TRUE(keys[0]["revoked"].is_string()) << keys;
  EXPECT_TRUE(keys[1]["revoked"].is_null());
  auto table = snai({"keys", "list"});
  EXPECT_NE(table.out.find("revoked"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("active"), std::string::npos) << table.out;

  EXPECT_EQ(snai({"keys", "revoke", first["id"].get<std::string>()}).exit_code, 0);  // again: still fine
  auto unknown = snai({"keys", "revoke", new_id(), "--json"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(nlohmann::json::parse(unknown.out, nullptr, false)["error"]["code"], "not_found") << unknown.out;
}

TEST_F(KeysCliTest, UsageAndHelp) {
  for (std::vector<std::string> cmd : std::vector<std::vector<std::string>>{
           {"keys", "create"}, {"keys", "list"}, {"keys", "revoke"}}) {
    cmd.push_back("--help");
    auto out = snai(cmd);
    EXPECT_EQ(out.exit_code, 0) << cmd[1];
    EXPECT_NE(out.out.find("--json"), std::string::npos) << cmd[1];
  }
  EXPECT_EQ(snai({"keys"}).exit_code, 2);
  EXPECT_EQ(snai({"keys", "create"}).exit_code, 2);  // --name is required
  EXPECT_EQ(snai({"keys", "revoke"}).exit_code, 2);
  EXPECT_EQ(snai({"keys", "create", "--name", ""}).exit_code, 2);
}

}  // namespace
}  // namespace snai::testing
